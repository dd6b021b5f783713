import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { reserveClaims, reserveRecoveries } from './reserve.tables';

export type ClaimRow = typeof reserveClaims.$inferSelect;
export type RecoveryRow = typeof reserveRecoveries.$inferSelect;

export async function insertClaim(db: DbOrTx, row: ClaimRow): Promise<void> {
  await db.insert(reserveClaims).values(row);
}

export async function findClaim(db: DbOrTx, id: string, lock = false): Promise<ClaimRow | undefined> {
  const query = db.select().from(reserveClaims).where(eq(reserveClaims.id, id)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function listClaims(db: DbOrTx, limit = 200): Promise<ClaimRow[]> {
  return db.select().from(reserveClaims).orderBy(desc(reserveClaims.openedAt)).limit(limit);
}

export async function countClaimsOfYear(db: DbOrTx, prefix: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(reserveClaims)
    .where(sql`${reserveClaims.claimNo} like ${`${prefix}%`}`);
  return Number(row?.n ?? 0);
}

export async function updateClaim(db: DbOrTx, id: string, patch: Partial<ClaimRow>): Promise<void> {
  await db.update(reserveClaims).set(patch).where(eq(reserveClaims.id, id));
}

/** Moves a pending claim to its decision; false when it was no longer pending. */
export async function decidePending(db: DbOrTx, id: string, patch: Partial<ClaimRow>): Promise<boolean> {
  const rows = await db
    .update(reserveClaims)
    .set(patch)
    .where(sql`${reserveClaims.id} = ${id} and ${reserveClaims.status} = 'pending'`)
    .returning({ id: reserveClaims.id });
  return rows.length === 1;
}

export async function insertRecovery(db: DbOrTx, row: RecoveryRow): Promise<void> {
  await db.insert(reserveRecoveries).values(row);
}

export async function recoveriesOf(db: DbOrTx, claimIds: string[]): Promise<RecoveryRow[]> {
  if (claimIds.length === 0) return [];
  return db
    .select()
    .from(reserveRecoveries)
    .where(inArray(reserveRecoveries.claimId, claimIds))
    .orderBy(reserveRecoveries.recordedAt);
}

/** Totals over every claim: paid out (paid in any state after payment), recovered, and awaiting approval. */
export async function totals(db: DbOrTx) {
  const [row] = await db
    .select({
      paid: sql<string>`coalesce(sum(${reserveClaims.amountFen}) filter (where ${reserveClaims.payoutTransferId} is not null), 0)`,
      recovered: sql<string>`coalesce(sum(${reserveClaims.recoveredFen}), 0)`,
      pending: sql<string>`coalesce(sum(${reserveClaims.amountFen}) filter (where ${reserveClaims.status} = 'pending'), 0)`,
    })
    .from(reserveClaims);
  return { paid: BigInt(row?.paid ?? 0), recovered: BigInt(row?.recovered ?? 0), pending: BigInt(row?.pending ?? 0) };
}
