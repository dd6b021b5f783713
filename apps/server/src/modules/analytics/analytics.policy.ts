import { definePermission } from '../../infra/http/access';

export const analyticsPermissions = {
  listEvents: definePermission('analytics.events.list', { kind: 'staff', roles: ['admin', 'operator'] }),
};
