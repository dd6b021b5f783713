import { definePermission } from '../../infra/http/access';

export const commissionPermissions = {
  list: definePermission('commission.policies.list', { kind: 'staff', roles: ['operator', 'finance', 'admin'] }),
  /** 运营 operators propose; a second operator or admin approves (dual control) */
  change: definePermission('commission.policies.change', { kind: 'staff', roles: ['operator'] }),
  calculate: definePermission('commission.calculate', { kind: 'staff', roles: ['operator', 'finance', 'admin'] }),
};
