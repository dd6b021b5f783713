import {
  NotificationList,
  NotificationParams,
  Notification as NotificationSchema,
  UnreadCount,
} from '@zhuhe/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { notificationPermissions as perm } from './notifications.policy';
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
        schema: { tags, summary: '站内通知 my notifications', response: { 200: NotificationList } },
      },
      async (request) => service.listNotifications(ctx, readerOf(request)),
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
  };
}
