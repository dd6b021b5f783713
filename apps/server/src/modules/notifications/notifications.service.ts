import type { Notification } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { queueMail } from '../../infra/mail/outbox';
import { getUser } from '../identity';
import { managersOf } from '../organisation';
import { notificationErrors } from './notifications.errors';
import type { NotificationRow, Reader } from './notifications.repository';
import * as repo from './notifications.repository';

export type { Reader } from './notifications.repository';

const MAIL_JOB = 'notifications.mail';

export interface NotifyInput {
  /** exactly one of: a user, or an organisation (its owners and admins get the e-mail) */
  userId?: string;
  orgId?: string;
  /** e.g. matching.push, matching.answer */
  kind: string;
  title: string;
  body: string;
  /** a path in the web app, e.g. /matching/pushes */
  link?: string | null;
  /** also send an e-mail (through the job queue, after the transaction commits) */
  email?: boolean;
}

/**
 * 通知: an in-app notification, and optionally an e-mail. Pass `tx` to notify exactly when the caller's change
 * commits; the e-mail's recipients are looked up by a job, outside that transaction.
 */
export async function notify(ctx: AppContext, input: NotifyInput, tx?: DbOrTx): Promise<string> {
  if (!input.userId === !input.orgId) throw notificationErrors.raise('NOTIFICATION_NO_RECIPIENT');
  const id = newId();
  const db = tx ?? ctx.db;
  await repo.insertNotification(db, {
    id,
    userId: input.userId ?? null,
    orgId: input.orgId ?? null,
    kind: input.kind,
    title: input.title,
    body: input.body,
    link: input.link ?? null,
  });
  if (input.email) await ctx.jobs.enqueue(MAIL_JOB, { id }, { dedupeKey: `notification-mail-${id}` }, db);
  return id;
}

export function registerNotificationJobs(ctx: AppContext): void {
  ctx.jobs.register(MAIL_JOB, async (payload) => {
    const row = await repo.findNotification(ctx.db, payload.id as string);
    if (!row) return;
    const userIds = row.userId ? [row.userId] : await managersOf(ctx, row.orgId as string);
    for (const userId of userIds) {
      const user = await getUser(ctx, userId);
      if (!user?.email) continue;
      const link = row.link ? `\n\n${ctx.config.publicUrl ?? ''}${row.link}` : '';
      await queueMail(
        ctx.jobs,
        { to: user.email, subject: row.title, text: `${row.body}${link}` },
        { dedupeKey: `notification-${row.id}-${userId}` },
      );
    }
  });
}

function present(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function unreadCount(ctx: AppContext, reader: Reader): Promise<number> {
  return repo.countUnread(ctx.db, reader);
}

export async function listNotifications(ctx: AppContext, reader: Reader, limit = 50) {
  const rows = await repo.latestOf(ctx.db, reader, limit);
  return { items: rows.map(present), unread: await unreadCount(ctx, reader) };
}

export async function markRead(ctx: AppContext, reader: Reader, id: string): Promise<Notification> {
  const row = await repo.findReadersNotification(ctx.db, reader, id);
  if (!row) throw notificationErrors.raise('NOTIFICATION_NOT_FOUND');
  if (row.readAt) return present(row);
  return present(await repo.setRead(ctx.db, id, new Date()));
}

export async function markAllRead(ctx: AppContext, reader: Reader): Promise<number> {
  return repo.setAllRead(ctx.db, reader, new Date());
}
