import { definePermission } from '../../infra/http/access';

/**
 * Listing resources needs membership of the organisation; that the organisation is a 材料供应商 or 分包商
 * (SUP/SUB: materials, machinery, labour teams) is a rule of the service, checked against the organisation's
 * business roles, not the session's acting role, so a GC+SUP company can list without switching.
 */
export const resourcePermissions = {
  create: definePermission('resources.create', { kind: 'org', param: 'orgId' }),
  update: definePermission('resources.update', { kind: 'org', param: 'orgId' }),
  listOwn: definePermission('resources.list_own', { kind: 'org', param: 'orgId' }),
  read: definePermission('resources.read', { kind: 'user' }),
  compare: definePermission('resources.compare', { kind: 'user' }),
};
