import { definePermission } from '../../infra/http/access';

/**
 * Webhooks carry an organisation's business events to a server it names, signed with a secret only its admins
 * see: every route is for the organisation's owner or admins (成员 members get 403, another organisation 404).
 */
const admins = ['owner', 'admin'] as const;

export const webhookPermissions = {
  read: definePermission('webhooks.read', { kind: 'org', param: 'orgId', membership: admins }),
  manage: definePermission('webhooks.manage', { kind: 'org', param: 'orgId', membership: admins }),
  send: definePermission('webhooks.send', { kind: 'org', param: 'orgId', membership: admins }),
};
