import type { Notification, NotificationList, NotificationListQuery } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { categoryOf } from './notifications.categories';
import { MAIL_JOB } from './notifications.delivery';
import { notificationErrors } from './notifications.errors';
import { hiddenCategories } from './notifications.preferences';
import type { NotificationRow, Reader } from './notifications.repository';
import * as repo from './notifications.repository';

export type { Reader } from './notifications.repository';

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
  /**
   * worth reaching the recipients outside the app: e-mail, and SMS for those who switched it on (through the job
   * queue, after the transaction commits). Each recipient's preferences then decide per channel (COMM-2).
   */
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
    category: categoryOf(input.kind),
    title: input.title,
    body: input.body,
    link: input.link ?? null,
  });
  if (input.email) await ctx.jobs.enqueue(MAIL_JOB, { id }, { dedupeKey: `notification-mail-${id}` }, db);
  return id;
}

function present(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    category: row.category,
    title: row.title,
    body: row.body,
    link: row.link,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The reader with the categories they switched off in-app: those are stored but not shown to them. */
async function withPreferences(ctx: AppContext, reader: Reader): Promise<Reader> {
  return { ...reader, hiddenCategories: await hiddenCategories(ctx.db, reader.userId) };
}

export async function unreadCount(ctx: AppContext, reader: Reader): Promise<number> {
  return repo.countUnread(ctx.db, await withPreferences(ctx, reader));
}

/** 通知中心 the reader's notifications, newest first, filtered by category and read state, a page at a time. */
export async function listNotifications(
  ctx: AppContext,
  reader: Reader,
  query: Partial<NotificationListQuery> = {},
): Promise<NotificationList> {
  const shown = await withPreferences(ctx, reader);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const { rows, total } = await repo.pageOf(
    ctx.db,
    shown,
    { category: query.category, status: query.status },
    { offset: (page - 1) * pageSize, limit: pageSize },
  );
  return { items: rows.map(present), unread: await repo.countUnread(ctx.db, shown), total };
}

export async function markRead(ctx: AppContext, reader: Reader, id: string): Promise<Notification> {
  const row = await repo.findReadersNotification(ctx.db, reader, id);
  if (!row) throw notificationErrors.raise('NOTIFICATION_NOT_FOUND');
  if (row.readAt) return present(row);
  return present(await repo.setRead(ctx.db, id, new Date()));
}

export async function markAllRead(ctx: AppContext, reader: Reader): Promise<number> {
  return repo.setAllRead(ctx.db, await withPreferences(ctx, reader), new Date());
}
