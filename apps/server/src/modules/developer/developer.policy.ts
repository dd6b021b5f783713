import { definePermission } from '../../infra/http/access';

/**
 * 开放平台: an organisation's owner or admin manages its API keys (a plain member, 404 for any other
 * organisation). Each `/api/v1` route is reached with a key holding its scope, never with a session.
 */
export const developerPermissions = {
  manageKeys: definePermission('developer.keys', { kind: 'org', param: 'orgId', membership: ['owner', 'admin'] }),
  projectsRead: definePermission('api.v1.projects.read', { kind: 'apiKey', scope: 'projects:read' }),
  demandsRead: definePermission('api.v1.demands.read', { kind: 'apiKey', scope: 'demands:read' }),
  demandsWrite: definePermission('api.v1.demands.write', { kind: 'apiKey', scope: 'demands:write' }),
  tendersRead: definePermission('api.v1.tenders.read', { kind: 'apiKey', scope: 'tenders:read' }),
  moneyRead: definePermission('api.v1.money.read', { kind: 'apiKey', scope: 'money:read' }),
};
