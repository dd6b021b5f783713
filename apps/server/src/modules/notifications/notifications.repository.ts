import { and, count, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { notifications } from './notifications.tables';

export type NotificationRow = typeof notifications.$inferSelect;

/** Whose inbox: the reader's own notifications and those of the organisations the reader belongs to. */
export interface Reader {
  userId: string;
  orgIds: readonly string[];
}

function mine(reader: Reader): SQL {
  const conditions = [eq(notifications.userId, reader.userId)];
  if (reader.orgIds.length > 0) conditions.push(inArray(notifications.orgId, [...reader.orgIds]));
  return or(...conditions) as SQL;
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

export async function latestOf(db: DbOrTx, reader: Reader, limit: number): Promise<NotificationRow[]> {
  return db
    .select()
    .from(notifications)
    .where(mine(reader))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
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
