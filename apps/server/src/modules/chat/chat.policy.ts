import { definePermission } from '../../infra/http/access';

/**
 * Any member of an organisation may chat for it (成员 included); the service then admits only organisations that
 * take part in the conversation — anyone else gets 404, as if it did not exist. The WebSocket needs a session.
 */
export const chatPermissions = {
  read: definePermission('chat.read', { kind: 'org', param: 'orgId' }),
  open: definePermission('chat.open', { kind: 'org', param: 'orgId' }),
  post: definePermission('chat.post', { kind: 'org', param: 'orgId' }),
  markRead: definePermission('chat.mark_read', { kind: 'org', param: 'orgId' }),
  socket: definePermission('chat.socket', { kind: 'user' }),
};
