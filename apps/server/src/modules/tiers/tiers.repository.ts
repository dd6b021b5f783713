import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { orgTierHistory, orgTiers, tierTransactions } from './tiers.tables';

export type OrgTierRow = typeof orgTiers.$inferSelect;
export type TierHistoryRow = typeof orgTierHistory.$inferSelect;

export async function allTiers(db: DbOrTx): Promise<OrgTierRow[]> {
  return db.select().from(orgTiers);
}

export async function findTier(db: DbOrTx, orgId: string): Promise<OrgTierRow | undefined> {
  const [row] = await db.select().from(orgTiers).where(eq(orgTiers.orgId, orgId)).limit(1);
  return row;
}

export async function upsertTier(db: DbOrTx, row: typeof orgTiers.$inferInsert): Promise<void> {
  await db
    .insert(orgTiers)
    .values(row)
    .onConflictDoUpdate({
      target: orgTiers.orgId,
      set: { tier: sql`excluded.tier`, since: sql`excluded.since`, quietQuarters: sql`excluded.quiet_quarters` },
    });
}

export async function insertHistory(db: DbOrTx, row: typeof orgTierHistory.$inferInsert): Promise<void> {
  await db.insert(orgTierHistory).values(row);
}

export async function historyOf(db: DbOrTx, orgId: string): Promise<TierHistoryRow[]> {
  return db
    .select()
    .from(orgTierHistory)
    .where(eq(orgTierHistory.orgId, orgId))
    .orderBy(desc(orgTierHistory.computedAt));
}

export async function recentHistory(db: DbOrTx, limit: number): Promise<TierHistoryRow[]> {
  return db.select().from(orgTierHistory).orderBy(desc(orgTierHistory.computedAt)).limit(limit);
}

/** Records one completed transaction of an organisation; a second call for the same settlement changes nothing. */
export async function insertTransaction(db: DbOrTx, row: typeof tierTransactions.$inferInsert): Promise<void> {
  await db.insert(tierTransactions).values(row).onConflictDoNothing();
}

export interface TransactionCounts {
  orgId: string;
  completed: number;
  volumeFen: number;
  inPeriod: number;
}

/**
 * Per organisation: transactions completed before `end`, the volume in [`volumeFrom`, `end`) and the count in
 * [`periodStart`, `end`).
 */
export async function transactionCounts(
  db: DbOrTx,
  orgIds: string[],
  periodStart: Date,
  end: Date,
  volumeFrom: Date,
): Promise<TransactionCounts[]> {
  if (orgIds.length === 0) return [];
  const t = tierTransactions;
  const rows = await db
    .select({
      orgId: t.orgId,
      completed: sql<number>`count(*)::int`,
      volumeFen: sql<string>`coalesce(sum(${t.amountFen}) filter (where ${t.completedAt} >= ${volumeFrom}), 0)::text`,
      inPeriod: sql<number>`(count(*) filter (where ${t.completedAt} >= ${periodStart}))::int`,
    })
    .from(t)
    .where(and(inArray(t.orgId, orgIds), lt(t.completedAt, end)))
    .groupBy(t.orgId);
  return rows.map((r) => ({ ...r, volumeFen: Number(r.volumeFen) }));
}

/** The tier changes of an organisation in one quarter. */
export async function changesIn(db: DbOrTx, orgId: string, quarter: string) {
  return db
    .select({ fromTier: orgTierHistory.fromTier, toTier: orgTierHistory.toTier })
    .from(orgTierHistory)
    .where(and(eq(orgTierHistory.orgId, orgId), eq(orgTierHistory.quarter, quarter)));
}
