import { and, count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { costThresholds, costWarnings, govScopes } from './boards.tables';

export type ThresholdRow = typeof costThresholds.$inferSelect;
export type WarningRow = typeof costWarnings.$inferSelect;

export async function scopeOf(db: DbOrTx, orgId: string) {
  const [row] = await db.select().from(govScopes).where(eq(govScopes.orgId, orgId));
  return row;
}

export async function upsertScope(db: DbOrTx, row: typeof govScopes.$inferInsert) {
  const [saved] = await db
    .insert(govScopes)
    .values(row)
    .onConflictDoUpdate({
      target: govScopes.orgId,
      set: { regionCode: row.regionCode, grantedBy: row.grantedBy, grantedAt: row.grantedAt },
    })
    .returning();
  return saved as typeof govScopes.$inferSelect;
}

export async function thresholdsOf(db: DbOrTx, orgId: string) {
  return db.select().from(costThresholds).where(eq(costThresholds.orgId, orgId)).orderBy(costThresholds.createdAt);
}

export async function countThresholds(db: DbOrTx, orgId: string) {
  const [row] = await db.select({ n: count() }).from(costThresholds).where(eq(costThresholds.orgId, orgId));
  return row?.n ?? 0;
}

export async function allThresholds(db: DbOrTx) {
  return db.select().from(costThresholds);
}

export async function insertThreshold(db: DbOrTx, row: typeof costThresholds.$inferInsert) {
  const [saved] = await db.insert(costThresholds).values(row).returning();
  return saved as ThresholdRow;
}

export async function deleteThreshold(db: DbOrTx, orgId: string, id: string) {
  const rows = await db
    .delete(costThresholds)
    .where(and(eq(costThresholds.orgId, orgId), eq(costThresholds.id, id)))
    .returning();
  return rows.length > 0;
}

/** Inserts the warning unless this threshold already warned of this material in this forecast run. */
export async function insertWarningOnce(db: DbOrTx, row: typeof costWarnings.$inferInsert) {
  const rows = await db.insert(costWarnings).values(row).onConflictDoNothing().returning();
  return rows[0];
}

export async function warningsOf(db: DbOrTx, orgId: string, limit = 100) {
  return db
    .select()
    .from(costWarnings)
    .where(eq(costWarnings.orgId, orgId))
    .orderBy(desc(costWarnings.createdAt))
    .limit(limit);
}
