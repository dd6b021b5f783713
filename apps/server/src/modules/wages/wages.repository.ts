import { desc, eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { wageMonthClosures, wageMonths } from './wages.tables';

export type WageMonthRow = typeof wageMonths.$inferSelect;

/** Claims the month for this run; false when it was closed before (or is being closed by another process). */
export async function claimMonth(db: DbOrTx, month: string, closedAt: Date): Promise<boolean> {
  const rows = await db
    .insert(wageMonthClosures)
    .values({ month, closedAt, contracts: 0, unpaid: 0 })
    .onConflictDoNothing()
    .returning({ month: wageMonthClosures.month });
  return rows.length > 0;
}

export async function finishMonth(db: DbOrTx, month: string, contracts: number, unpaid: number) {
  await db.update(wageMonthClosures).set({ contracts, unpaid }).where(eq(wageMonthClosures.month, month));
}

export async function isClosed(db: DbOrTx, month: string): Promise<boolean> {
  const [row] = await db.select().from(wageMonthClosures).where(eq(wageMonthClosures.month, month)).limit(1);
  return Boolean(row);
}

export async function insertMonths(db: DbOrTx, rows: WageMonthRow[]) {
  if (rows.length > 0) await db.insert(wageMonths).values(rows).onConflictDoNothing();
}

/** The organisation's records as payee or GC, newest month first. */
export async function monthsOfOrg(db: DbOrTx, orgId: string, limit = 24): Promise<WageMonthRow[]> {
  return db
    .select()
    .from(wageMonths)
    .where(or(eq(wageMonths.payeeOrgId, orgId), eq(wageMonths.gcOrgId, orgId)))
    .orderBy(desc(wageMonths.month), wageMonths.contractTitle)
    .limit(limit);
}
