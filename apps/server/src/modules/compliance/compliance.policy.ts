import { definePermission } from '../../infra/http/access';

export const compliancePermissions = {
  check: definePermission('compliance.check', { kind: 'user' }),
  listTerms: definePermission('compliance.terms.list', { kind: 'staff', roles: ['operator', 'reviewer', 'admin'] }),
  /** 运营 operators maintain the list */
  manageTerms: definePermission('compliance.terms.manage', { kind: 'staff', roles: ['operator'] }),
  listTakedowns: definePermission('compliance.takedowns.list', {
    kind: 'staff',
    roles: ['operator', 'reviewer', 'admin'],
  }),
  takeDown: definePermission('compliance.takedowns.create', { kind: 'staff', roles: ['operator', 'reviewer'] }),
  lift: definePermission('compliance.takedowns.lift', { kind: 'staff', roles: ['operator', 'reviewer'] }),
};
