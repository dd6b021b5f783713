import { definePermission } from '../../infra/http/access';

/** Everyone reads their own inbox: notifications to them and to the organisations they belong to. */
export const notificationPermissions = {
  list: definePermission('notifications.list', { kind: 'user' }),
  read: definePermission('notifications.read', { kind: 'user' }),
  /** 通知偏好 always the signed-in user's own: no route names another user */
  preferencesRead: definePermission('notifications.preferences_read', { kind: 'user' }),
  preferencesUpdate: definePermission('notifications.preferences_update', { kind: 'user' }),
  /** 退订 by a signed link from an e-mail, without signing in: the token is the authority */
  unsubscribe: definePermission('notifications.unsubscribe', { kind: 'public' }),
};
