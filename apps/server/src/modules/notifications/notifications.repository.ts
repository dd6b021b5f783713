import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lte, notInArray, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { notificationDeliveries, notificationPreferences, notifications } from './notifications.tables';

export type NotificationRow = typeof notifications.$inferSelect;

/** Whose inbox: the reader's own notifications and those of the organisations the reader belongs to. */
export interface Reader {
  userId: string;
  orgIds: readonly string[];
  /** categories the reader switched off in-app: kept, but not shown to this reader */
  hiddenCategories?: readonly string[];
}

function mine(reader: Reader): SQL {
  const conditions = [eq(notifications.userId, reader.userId)];
  if (reader.orgIds.length > 0) conditions.push(inArray(notifications.orgId, [...reader.orgIds]));
  const hidden = reader.hiddenCategories ?? [];
  const addressed = or(...conditions) as SQL;
  return hidden.length > 0 ? (and(addressed, notInArray(notifications.category, [...hidden])) as SQL) : addressed;
}

export interface ListFilter {
  category?: string | undefined;
  status?: 'unread' | 'read' | undefined;
}

function filtered(reader: Reader, filter: ListFilter): SQL {
  const conditions = [mine(reader)];
  if (filter.category) conditions.push(eq(notifications.category, filter.category));
  if (filter.status === 'unread') conditions.push(isNull(notifications.readAt));
  if (filter.status === 'read') conditions.push(isNotNull(notifications.readAt));
  return and(...conditions) as SQL;
}

export async function pageOf(
  db: DbOrTx,
  reader: Reader,
  filter: ListFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: NotificationRow[]; total: number }> {
  const where = filtered(reader, filter);
  const rows = await db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .offset(page.offset)
    .limit(page.limit);
  const [row] = await db.select({ n: count() }).from(notifications).where(where);
  return { rows, total: Number(row?.n ?? 0) };
}

export async function insertNotification(db: DbOrTx, row: typeof notifications.$inferInsert): Promise<void> {
  await db.insert(notifications).values(row);
}

export async function findNotification(db: DbOrTx, id: string): Promise<NotificationRow | undefined> {
  const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
  return row;
}

export async function countUnread(db: DbOrTx, reader: Reader): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(reader), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export async function findReadersNotification(
  db: DbOrTx,
  reader: Reader,
  id: string,
): Promise<NotificationRow | undefined> {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), mine(reader)));
  return row;
}

export async function setRead(db: DbOrTx, id: string, readAt: Date): Promise<NotificationRow> {
  const [updated] = await db.update(notifications).set({ readAt }).where(eq(notifications.id, id)).returning();
  return updated as NotificationRow;
}

/** Marks every unread notification of the reader's inbox read; returns how many. */
export async function setAllRead(db: DbOrTx, reader: Reader, readAt: Date): Promise<number> {
  const updated = await db
    .update(notifications)
    .set({ readAt })
    .where(and(mine(reader), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}

// ── 通知偏好 preferences ──────────────────────────────────────────────────────

export type PreferencesRow = typeof notificationPreferences.$inferSelect;

export async function findPreferences(db: DbOrTx, userId: string): Promise<PreferencesRow | undefined> {
  const [row] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return row;
}

export async function upsertPreferences(db: DbOrTx, row: typeof notificationPreferences.$inferInsert): Promise<void> {
  const { userId: _userId, ...set } = row;
  await db
    .insert(notificationPreferences)
    .values(row)
    .onConflictDoUpdate({ target: notificationPreferences.userId, set });
}

// ── 待发通知 held and digest deliveries ───────────────────────────────────────

export type DeliveryRow = typeof notificationDeliveries.$inferSelect;

export async function insertDelivery(db: DbOrTx, row: typeof notificationDeliveries.$inferInsert): Promise<void> {
  await db.insert(notificationDeliveries).values(row).onConflictDoNothing();
}

export async function dueHeld(db: DbOrTx, now: Date, limit: number): Promise<DeliveryRow[]> {
  return db
    .select()
    .from(notificationDeliveries)
    .where(and(eq(notificationDeliveries.status, 'held'), lte(notificationDeliveries.releaseAt, now)))
    .orderBy(asc(notificationDeliveries.releaseAt))
    .limit(limit);
}

export async function pendingDigests(db: DbOrTx): Promise<DeliveryRow[]> {
  return db
    .select()
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.status, 'digest'))
    .orderBy(asc(notificationDeliveries.userId), asc(notificationDeliveries.createdAt));
}

export async function markDeliveriesSent(db: DbOrTx, ids: readonly string[], sentAt: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(notificationDeliveries)
    .set({ status: 'sent', sentAt })
    .where(inArray(notificationDeliveries.id, [...ids]));
}

export async function findNotifications(db: DbOrTx, ids: readonly string[]): Promise<NotificationRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(notifications)
    .where(inArray(notifications.id, [...ids]));
}
