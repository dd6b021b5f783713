import {
  type NotificationCategory,
  NotificationList,
  NotificationPreferences,
  type NotificationPreferencesBody,
  Notification as NotificationSchema,
  UnreadCount,
  UnsubscribeResult,
} from '@zhuhe/contracts';
import { apiRequest } from '../../app/api-client';

export interface CentreFilter {
  category?: NotificationCategory | undefined;
  status?: 'unread' | 'read' | undefined;
  page: number;
  pageSize: number;
}

export const listNotifications = (filter: CentreFilter) => {
  const query = new URLSearchParams({ page: String(filter.page), pageSize: String(filter.pageSize) });
  if (filter.category) query.set('category', filter.category);
  if (filter.status) query.set('status', filter.status);
  return apiRequest('GET', `/api/notifications?${query}`, NotificationList);
};
export const markRead = (id: string) => apiRequest('POST', `/api/notifications/${id}/read`, NotificationSchema);
export const markAllRead = () => apiRequest('POST', '/api/notifications/read-all', UnreadCount);
export const getPreferences = () => apiRequest('GET', '/api/notifications/preferences', NotificationPreferences);
export const savePreferences = (body: NotificationPreferencesBody) =>
  apiRequest('PUT', '/api/notifications/preferences', NotificationPreferences, { body });
export const checkUnsubscribe = (token: string) =>
  apiRequest('GET', `/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`, UnsubscribeResult);
export const unsubscribe = (token: string) =>
  apiRequest('POST', `/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`, UnsubscribeResult);
