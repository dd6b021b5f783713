import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { jobs } from '../../infra/jobs/jobs.tables';
import { opsAlerts } from './monitoring.tables';

export type AlertRow = typeof opsAlerts.$inferSelect;

export async function openAlerts(db: DbOrTx): Promise<AlertRow[]> {
  return db.select().from(opsAlerts).where(eq(opsAlerts.status, 'open'));
}

export async function resolveAlert(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db
    .update(opsAlerts)
    .set({ status: 'resolved', resolvedAt: at })
    .where(and(eq(opsAlerts.id, id), eq(opsAlerts.status, 'open')));
}

/** Inserts the alert unless one of its kind is open already (another instance, the same minute): false then. */
export async function insertAlert(db: DbOrTx, row: typeof opsAlerts.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(opsAlerts).values(row).onConflictDoNothing().returning({ id: opsAlerts.id });
  return inserted.length > 0;
}

export async function recentAlerts(db: DbOrTx, limit: number): Promise<AlertRow[]> {
  return db.select().from(opsAlerts).orderBy(desc(opsAlerts.openedAt)).limit(limit);
}

export async function ping(db: DbOrTx): Promise<void> {
  await db.execute(sql`select 1`);
}

/**
 * The job queue in two parts, the mail outbox (`mail.send`) and the rest: jobs due and not taken (on the wall
 * clock the queue runs on), the oldest of them, those retrying, and those that failed for good since `since`.
 */
export async function queueFigures(db: DbOrTx, wall: Date, since: Date) {
  const at = sql`${wall.toISOString()}::timestamptz`;
  const from = sql`${since.toISOString()}::timestamptz`;
  return db
    .select({
      mail: sql<boolean>`${jobs.name} = 'mail.send'`,
      due: sql<number>`count(*) filter (where ${jobs.status} = 'queued' and ${jobs.runAt} <= ${at})`.mapWith(Number),
      retrying: sql<number>`count(*) filter (where ${jobs.status} = 'queued' and ${jobs.attempts} > 0)`.mapWith(Number),
      oldestDue:
        sql<Date | null>`min(${jobs.runAt}) filter (where ${jobs.status} = 'queued' and ${jobs.runAt} <= ${at})`.mapWith(
          (v) => (v ? new Date(v) : null),
        ),
      failed: sql<number>`count(*) filter (where ${jobs.status} = 'failed' and ${jobs.finishedAt} >= ${from})`.mapWith(
        Number,
      ),
    })
    .from(jobs)
    .where(sql`${jobs.status} in ('queued', 'failed')`)
    .groupBy(sql`1`);
}

/** Alerts opened since `since`, oldest first: the promises board's alert row. */
export async function alertsSince(db: DbOrTx, since: Date): Promise<AlertRow[]> {
  return db.select().from(opsAlerts).where(sql`${opsAlerts.openedAt} >= ${since}`).orderBy(opsAlerts.openedAt);
}
