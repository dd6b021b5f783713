import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { orgTierHistory, orgTiers } from './tiers.tables';

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
