import { definePermission } from '../../infra/http/access';

const managers = ['owner', 'admin'] as const;

/**
 * The organisation's charges and receipts are for its owners and admins; staff: operators and finance read,
 * finance records charges and issues receipts, a schedule change needs a second operator or finance (dual control).
 */
export const feePermissions = {
  orgRead: definePermission('fees.org.read', { kind: 'org', param: 'orgId', membership: managers }),
  staffRead: definePermission('fees.staff.read', { kind: 'staff', roles: ['operator', 'finance', 'admin'] }),
  charge: definePermission('fees.staff.charge', { kind: 'staff', roles: ['finance'] }),
  issue: definePermission('fees.staff.issue', { kind: 'staff', roles: ['finance'] }),
  schedule: definePermission('fees.staff.schedule', { kind: 'staff', roles: ['operator', 'finance'] }),
};
