import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { orgSeals, signingAuthority } from './signing.tables';

export type SealRow = typeof orgSeals.$inferSelect;

export async function findAuthority(db: DbOrTx) {
  const [row] = await db.select().from(signingAuthority).where(eq(signingAuthority.id, 'root')).limit(1);
  return row;
}

/** Inserts the CA unless another process already did; returns the one that is stored. */
export async function insertAuthority(db: DbOrTx, certPem: string, keyEnc: string) {
  await db.insert(signingAuthority).values({ id: 'root', certPem, keyEnc }).onConflictDoNothing();
  return findAuthority(db);
}

export async function currentSeal(db: DbOrTx, orgId: string, now: Date): Promise<SealRow | undefined> {
  const [row] = await db
    .select()
    .from(orgSeals)
    .where(and(eq(orgSeals.orgId, orgId), isNull(orgSeals.revokedAt)))
    .orderBy(desc(orgSeals.createdAt))
    .limit(1);
  return row && row.notAfter.getTime() > now.getTime() ? row : undefined;
}

export async function insertSeal(db: DbOrTx, row: typeof orgSeals.$inferInsert): Promise<SealRow> {
  const [inserted] = await db.insert(orgSeals).values(row).returning();
  return inserted as SealRow;
}
