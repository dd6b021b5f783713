import {
  NotificationList,
  NotificationListQuery,
  NotificationParams,
  NotificationPreferences,
  NotificationPreferencesBody,
  Notification as NotificationSchema,
  UnreadCount,
  UnsubscribeQuery,
  UnsubscribeResult,
} from '@zhuhe/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { notificationPermissions as perm } from './notifications.policy';
import * as preferences from './notifications.preferences';
import * as service from './notifications.service';

const tags = ['notifications'];

function readerOf(request: FastifyRequest): service.Reader {
  const actor = requireActor(request);
  return { userId: actor.userId, orgIds: actor.memberships.map((m) => m.orgId) };
}

export function notificationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/notifications',
      {
        config: { permission: perm.list },
        schema: {
          tags,
          summary: '通知中心 my notifications',
          querystring: NotificationListQuery,
          response: { 200: NotificationList },
        },
      },
      async (request) => service.listNotifications(ctx, readerOf(request), request.query),
    );
    app.get(
      '/api/notifications/unread-count',
      {
        config: { permission: perm.list },
        schema: { tags, summary: '未读通知数', response: { 200: UnreadCount } },
      },
      async (request) => ({ unread: await service.unreadCount(ctx, readerOf(request)) }),
    );
    app.post(
      '/api/notifications/:notificationId/read',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '标为已读', params: NotificationParams, response: { 200: NotificationSchema } },
      },
      async (request) => service.markRead(ctx, readerOf(request), request.params.notificationId),
    );
    app.post(
      '/api/notifications/read-all',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '全部标为已读', response: { 200: UnreadCount } },
      },
      async (request) => {
        await service.markAllRead(ctx, readerOf(request));
        return { unread: 0 };
      },
    );
    app.get(
      '/api/notifications/preferences',
      {
        config: { permission: perm.preferencesRead },
        schema: { tags, summary: '通知偏好 my preferences', response: { 200: NotificationPreferences } },
      },
      async (request) => preferences.getPreferences(ctx, requireActor(request).userId),
    );
    app.put(
      '/api/notifications/preferences',
      {
        config: { permission: perm.preferencesUpdate },
        schema: {
          tags,
          summary: '修改通知偏好',
          body: NotificationPreferencesBody,
          response: { 200: NotificationPreferences },
        },
      },
      async (request) => preferences.updatePreferences(ctx, requireActor(request).userId, request.body),
    );
    app.get(
      '/api/notifications/unsubscribe',
      {
        config: { permission: perm.unsubscribe },
        schema: {
          tags,
          summary: '退订链接校验 (changes nothing)',
          querystring: UnsubscribeQuery,
          response: { 200: UnsubscribeResult },
        },
      },
      async (request) => preferences.unsubscribe(ctx, request.query.token, false),
    );
    // POST, so a mail scanner that follows links changes nothing; also the RFC 8058 one-click target
    app.post(
      '/api/notifications/unsubscribe',
      {
        config: { permission: perm.unsubscribe },
        schema: { tags, summary: '退订', querystring: UnsubscribeQuery, response: { 200: UnsubscribeResult } },
      },
      async (request) => preferences.unsubscribe(ctx, request.query.token, true),
    );
  };
}
