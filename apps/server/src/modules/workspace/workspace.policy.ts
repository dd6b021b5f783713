import { STAFF_ROLES } from '@zhuhe/contracts';
import { definePermission } from '../../infra/http/access';

/** Any member reads the home page of an organisation it belongs to; any staff member reads the staff home. */
export const workspacePermissions = {
  home: definePermission('workspace.home', { kind: 'org', param: 'orgId' }),
  staffHome: definePermission('workspace.staff-home', { kind: 'staff', roles: STAFF_ROLES }),
};
