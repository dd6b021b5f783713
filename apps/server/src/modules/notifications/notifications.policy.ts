import { definePermission } from '../../infra/http/access';

/** Everyone reads their own inbox: notifications to them and to the organisations they belong to. */
export const notificationPermissions = {
  list: definePermission('notifications.list', { kind: 'user' }),
  read: definePermission('notifications.read', { kind: 'user' }),
};
