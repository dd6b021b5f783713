import {
  DemandMatches,
  MatchingCapacity,
  type MatchingCapacityBody,
  MatchingFigures,
  NotificationList,
  Notification as NotificationSchema,
  type PushAnswer,
  SupplierPush,
  SupplierPushList,
  UnreadCount,
} from '@zhuhe/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../app/api-client';

export type DemandMatchesData = z.infer<typeof DemandMatches>;
export type MatchedSupplierData = DemandMatchesData['items'][number];
export type SupplierPushData = z.infer<typeof SupplierPush>;
export type MatchingCapacityData = z.infer<typeof MatchingCapacity>;
export type MatchingFiguresData = z.infer<typeof MatchingFigures>;
export type NotificationData = z.infer<typeof NotificationSchema>;

export const fetchDemandMatches = (orgId: string, demandId: string) =>
  apiRequest('GET', `/api/orgs/${orgId}/demands/${demandId}/matches`, DemandMatches);
export const rematch = (orgId: string, demandId: string) =>
  apiRequest('POST', `/api/orgs/${orgId}/demands/${demandId}/matches/refresh`, DemandMatches);
export const fetchPushes = async (orgId: string) =>
  (await apiRequest('GET', `/api/orgs/${orgId}/pushes`, SupplierPushList)).items;
export const answerPush = (orgId: string, pushId: string, answer: PushAnswer) =>
  apiRequest('POST', `/api/orgs/${orgId}/pushes/${pushId}/answer`, SupplierPush, { body: { answer } });
export const fetchFigures = () => apiRequest('GET', '/api/staff/matching/figures', MatchingFigures);
export const fetchNotifications = () => apiRequest('GET', '/api/notifications', NotificationList);
export const fetchUnread = () => apiRequest('GET', '/api/notifications/unread-count', UnreadCount);
export const markRead = (id: string) => apiRequest('POST', `/api/notifications/${id}/read`, NotificationSchema);
export const markAllRead = () => apiRequest('POST', '/api/notifications/read-all', UnreadCount);
export const fetchCapacity = (orgId: string) =>
  apiRequest('GET', `/api/orgs/${orgId}/matching/capacity`, MatchingCapacity);
export const declareCapacity = (orgId: string, body: MatchingCapacityBody) =>
  apiRequest('PUT', `/api/orgs/${orgId}/matching/capacity`, MatchingCapacity, { body });
