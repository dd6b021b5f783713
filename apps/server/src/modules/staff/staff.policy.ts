import { STAFF_ROLES } from '@zhuhe/contracts';
import { definePermission } from '../../infra/http/access';

export const staffPermissions = {
  listUsers: definePermission('staff.users.list', { kind: 'staff', roles: STAFF_ROLES }),
  listOrganisations: definePermission('staff.organisations.list', { kind: 'staff', roles: STAFF_ROLES }),
  requestRoleChange: definePermission('staff.roles.request', { kind: 'staff', roles: ['admin'] }),
  listDualControl: definePermission('staff.dual_control.list', { kind: 'staff', roles: STAFF_ROLES }),
  decideDualControl: definePermission('staff.dual_control.decide', { kind: 'staff', roles: STAFF_ROLES }),
  readAudit: definePermission('staff.audit.read', { kind: 'staff', roles: ['admin', 'risk'] }),
};
