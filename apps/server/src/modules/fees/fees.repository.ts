import { and, desc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { feeCharges, feeReceipts, feeScheduleVersions } from './fees.tables';

export type ScheduleRow = typeof feeScheduleVersions.$inferSelect;
export type ChargeRow = typeof feeCharges.$inferSelect;
export type ReceiptRow = typeof feeReceipts.$inferSelect;

/** The latest version recorded at or before `asOf` whose effective date has come. */
export async function scheduleInForce(db: DbOrTx, asOf: Date, today: string): Promise<ScheduleRow | undefined> {
  const [row] = await db
    .select()
    .from(feeScheduleVersions)
    .where(and(lte(feeScheduleVersions.recordedAt, asOf), lte(feeScheduleVersions.effectiveFrom, today)))
    .orderBy(desc(feeScheduleVersions.version))
    .limit(1);
  return row;
}

export async function scheduleHistory(db: DbOrTx): Promise<ScheduleRow[]> {
  return db.select().from(feeScheduleVersions).orderBy(desc(feeScheduleVersions.version));
}

export async function insertScheduleVersion(db: DbOrTx, row: ScheduleRow): Promise<void> {
  await db.insert(feeScheduleVersions).values(row);
}

/** Inserts a charge; false when its reference was already charged. */
export async function insertCharge(db: DbOrTx, row: ChargeRow): Promise<boolean> {
  const rows = await db.insert(feeCharges).values(row).onConflictDoNothing().returning({ id: feeCharges.id });
  return rows.length === 1;
}

export async function chargeByReference(db: DbOrTx, reference: string): Promise<ChargeRow | undefined> {
  const [row] = await db.select().from(feeCharges).where(eq(feeCharges.reference, reference)).limit(1);
  return row;
}

export async function chargesOfOrg(db: DbOrTx, orgId: string, limit = 500): Promise<ChargeRow[]> {
  return db
    .select()
    .from(feeCharges)
    .where(eq(feeCharges.orgId, orgId))
    .orderBy(desc(feeCharges.chargedAt))
    .limit(limit);
}

export async function recentCharges(db: DbOrTx, limit = 200): Promise<ChargeRow[]> {
  return db.select().from(feeCharges).orderBy(desc(feeCharges.chargedAt)).limit(limit);
}

export async function unreceiptedCharges(db: DbOrTx, period: string): Promise<ChargeRow[]> {
  return db
    .select()
    .from(feeCharges)
    .where(and(eq(feeCharges.period, period), isNull(feeCharges.receiptId)))
    .orderBy(feeCharges.chargedAt)
    .for('update');
}

export async function chargesOfReceipt(db: DbOrTx, receiptId: string): Promise<ChargeRow[]> {
  return db.select().from(feeCharges).where(eq(feeCharges.receiptId, receiptId)).orderBy(feeCharges.chargedAt);
}

export async function assignReceipt(db: DbOrTx, chargeIds: string[], receiptId: string): Promise<void> {
  await db.update(feeCharges).set({ receiptId }).where(inArray(feeCharges.id, chargeIds));
}

export async function insertReceipt(db: DbOrTx, row: ReceiptRow): Promise<void> {
  await db.insert(feeReceipts).values(row);
}

export async function receiptsOfOrg(db: DbOrTx, orgId: string): Promise<ReceiptRow[]> {
  return db.select().from(feeReceipts).where(eq(feeReceipts.orgId, orgId)).orderBy(desc(feeReceipts.period));
}

export async function recentReceipts(db: DbOrTx, limit = 200): Promise<ReceiptRow[]> {
  return db.select().from(feeReceipts).orderBy(desc(feeReceipts.issuedAt)).limit(limit);
}

export async function findReceipt(db: DbOrTx, id: string): Promise<ReceiptRow | undefined> {
  const [row] = await db.select().from(feeReceipts).where(eq(feeReceipts.id, id)).limit(1);
  return row;
}

export async function receiptCountOfPeriod(db: DbOrTx, period: string): Promise<number> {
  return (await db.select({ id: feeReceipts.id }).from(feeReceipts).where(eq(feeReceipts.period, period))).length;
}
