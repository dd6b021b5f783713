import { definePermission } from '../../infra/http/access';

/**
 * 风险准备金 the reserve is finance's: finance staff open claims and a second finance staff member approves each
 * payout (dual control, enforced by the staff module); risk staff and admins may read.
 */
export const reservePermissions = {
  read: definePermission('reserve.read', { kind: 'staff', roles: ['finance', 'risk', 'admin'] }),
  open: definePermission('reserve.claims.open', { kind: 'staff', roles: ['finance'] }),
  decide: definePermission('reserve.claims.decide', { kind: 'staff', roles: ['finance'] }),
  recover: definePermission('reserve.claims.recover', { kind: 'staff', roles: ['finance'] }),
};
