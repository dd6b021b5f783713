import { desc, eq, gte, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { procurementPlans, procurementPriceBreaks, procurementSupplierTerms } from './procurement.tables';

export async function priceBreaksOf(db: DbOrTx, listingIds: string[]) {
  if (listingIds.length === 0) return [];
  return db.select().from(procurementPriceBreaks).where(inArray(procurementPriceBreaks.listingId, listingIds));
}

export async function termsOf(db: DbOrTx, orgIds: string[]) {
  if (orgIds.length === 0) return [];
  return db.select().from(procurementSupplierTerms).where(inArray(procurementSupplierTerms.orgId, orgIds));
}

export async function insertPlan(db: DbOrTx, row: typeof procurementPlans.$inferInsert) {
  await db.insert(procurementPlans).values(row);
}

export async function latestPlan(db: DbOrTx, demandId: string) {
  const [row] = await db
    .select()
    .from(procurementPlans)
    .where(eq(procurementPlans.demandId, demandId))
    .orderBy(desc(procurementPlans.createdAt))
    .limit(1);
  return row;
}

export async function upsertTerms(db: DbOrTx, rows: (typeof procurementSupplierTerms.$inferInsert)[]) {
  if (rows.length) await db.insert(procurementSupplierTerms).values(rows).onConflictDoNothing();
}

export async function insertPriceBreaks(db: DbOrTx, rows: (typeof procurementPriceBreaks.$inferInsert)[]) {
  if (rows.length) await db.insert(procurementPriceBreaks).values(rows).onConflictDoNothing();
}

/** Plans computed since `since` (their stored view holds the saving): the promises board's saving row. */
export async function plansSince(db: DbOrTx, since: Date) {
  return db
    .select()
    .from(procurementPlans)
    .where(gte(procurementPlans.createdAt, since))
    .orderBy(desc(procurementPlans.createdAt));
}
