import { and, asc, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { matchingCapacity, matchingPushes, matchingRuns } from './matching.tables';

export type PushRow = typeof matchingPushes.$inferSelect;
export type RunRow = typeof matchingRuns.$inferSelect;

export async function saveRun(db: DbOrTx, row: typeof matchingRuns.$inferInsert): Promise<void> {
  await db
    .insert(matchingRuns)
    .values(row)
    .onConflictDoUpdate({
      target: [matchingRuns.orgId, matchingRuns.demandId],
      set: { computedAt: row.computedAt, candidates: row.candidates, model: row.model, note: row.note ?? null },
    });
}

export async function findRun(db: DbOrTx, demandId: string): Promise<RunRow | undefined> {
  const [row] = await db.select().from(matchingRuns).where(eq(matchingRuns.demandId, demandId));
  return row;
}

/** Inserts the pushes not made before (one per demand and supplier); returns the new ones. */
export async function insertPushes(db: DbOrTx, rows: (typeof matchingPushes.$inferInsert)[]): Promise<PushRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(matchingPushes)
    .values(rows)
    .onConflictDoNothing({ target: [matchingPushes.demandId, matchingPushes.orgId] })
    .returning();
}

export async function pushesOfDemand(db: DbOrTx, demandId: string): Promise<PushRow[]> {
  return db
    .select()
    .from(matchingPushes)
    .where(eq(matchingPushes.demandId, demandId))
    .orderBy(asc(matchingPushes.rank), asc(matchingPushes.createdAt));
}

export async function pushesOfSupplier(db: DbOrTx, orgId: string, limit: number): Promise<PushRow[]> {
  return db
    .select()
    .from(matchingPushes)
    .where(eq(matchingPushes.orgId, orgId))
    .orderBy(desc(matchingPushes.createdAt), desc(matchingPushes.id))
    .limit(limit);
}

export async function findPush(db: DbOrTx, orgId: string, id: string): Promise<PushRow | undefined> {
  const [row] = await db
    .select()
    .from(matchingPushes)
    .where(and(eq(matchingPushes.orgId, orgId), eq(matchingPushes.id, id)));
  return row;
}

export async function answerPush(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: { answer: string; answeredAt: Date; answeredBy: string },
): Promise<PushRow> {
  const [row] = await db
    .update(matchingPushes)
    .set(patch)
    .where(and(eq(matchingPushes.orgId, orgId), eq(matchingPushes.id, id)))
    .returning();
  return row as PushRow;
}

/** Pushes and answers per supplier, for the response-rate signal. */
export async function responseStats(
  db: DbOrTx,
  orgIds: readonly string[],
): Promise<Map<string, { pushes: number; answers: number }>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db
    .select({ orgId: matchingPushes.orgId, pushes: count(), answers: count(matchingPushes.answer) })
    .from(matchingPushes)
    .where(inArray(matchingPushes.orgId, [...orgIds]))
    .groupBy(matchingPushes.orgId);
  return new Map(rows.map((r) => [r.orgId, { pushes: Number(r.pushes), answers: Number(r.answers) }]));
}

export async function markAwarded(db: DbOrTx, demandId: string, supplierOrgId: string, at: Date): Promise<void> {
  await db
    .update(matchingPushes)
    .set({ awardedAt: at })
    .where(and(eq(matchingPushes.demandId, demandId), eq(matchingPushes.orgId, supplierOrgId)));
}

/** Figures per ISO week in Asia/Shanghai since a day. */
export async function weeklyFigures(db: DbOrTx, since: Date) {
  const week = sql<string>`to_char(date_trunc('week', ${matchingPushes.createdAt} at time zone 'Asia/Shanghai'), 'YYYY-MM-DD')`;
  return db
    .select({
      week,
      demands: sql<number>`count(distinct ${matchingPushes.demandId})`,
      pushes: count(),
      answers: count(matchingPushes.answer),
      interested: sql<number>`count(*) filter (where ${matchingPushes.answer} = 'interested')`,
      awardsToPushed: count(matchingPushes.awardedAt),
    })
    .from(matchingPushes)
    .where(sql`${matchingPushes.createdAt} >= ${since}`)
    .groupBy(week)
    .orderBy(week);
}

export async function awardedPushCount(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(matchingPushes).where(isNotNull(matchingPushes.awardedAt));
  return Number(row?.n ?? 0);
}

export type CapacityRow = typeof matchingCapacity.$inferSelect;

export async function findCapacity(db: DbOrTx, orgId: string): Promise<CapacityRow | undefined> {
  const [row] = await db.select().from(matchingCapacity).where(eq(matchingCapacity.orgId, orgId));
  return row;
}

export async function saveCapacity(db: DbOrTx, row: CapacityRow): Promise<CapacityRow> {
  const [saved] = await db
    .insert(matchingCapacity)
    .values(row)
    .onConflictDoUpdate({
      target: matchingCapacity.orgId,
      set: {
        singleProjectLimitFen: row.singleProjectLimitFen,
        aggregateLimitFen: row.aggregateLimitFen,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      },
    })
    .returning();
  return saved as CapacityRow;
}

/** Declared capacities of the organisations that declared one (with at least one limit). */
export async function capacitiesOf(db: DbOrTx, orgIds: readonly string[]): Promise<CapacityRow[]> {
  if (orgIds.length === 0) return [];
  return db
    .select()
    .from(matchingCapacity)
    .where(
      and(
        inArray(matchingCapacity.orgId, [...orgIds]),
        sql`(${matchingCapacity.singleProjectLimitFen} is not null or ${matchingCapacity.aggregateLimitFen} is not null)`,
      ),
    );
}

/** When each demand's suppliers were pushed (the run), for runs since `since`: the promises board's push clock. */
export async function runsSince(db: DbOrTx, since: Date) {
  return db
    .select({ demandId: matchingRuns.demandId, computedAt: matchingRuns.computedAt })
    .from(matchingRuns)
    .where(sql`${matchingRuns.computedAt} >= ${since}`);
}
