import { definePermission } from '../../infra/http/access';

export const tierPermissions = {
  read: definePermission('tiers.read', { kind: 'org', param: 'orgId' }),
  overview: definePermission('tiers.staff.overview', { kind: 'staff', roles: ['operator', 'admin'] }),
  run: definePermission('tiers.staff.run', { kind: 'staff', roles: ['operator'] }),
};
