import { and, asc, count, desc, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { contractParties, contractSignatures, contracts, contractVersions } from './contracts.tables';

export type ContractRow = typeof contracts.$inferSelect;
export type VersionRow = typeof contractVersions.$inferSelect;
export type SignatureRow = typeof contractSignatures.$inferSelect;
export type PartyRow = typeof contractParties.$inferSelect;

export async function insertContract(db: DbOrTx, row: typeof contracts.$inferInsert): Promise<void> {
  await db.insert(contracts).values(row);
}

export async function insertParties(db: DbOrTx, rows: PartyRow[]): Promise<void> {
  await db.insert(contractParties).values(rows);
}

export async function insertVersion(db: DbOrTx, row: typeof contractVersions.$inferInsert): Promise<void> {
  await db.insert(contractVersions).values(row);
}

/** The contract, only if this organisation is one of its parties. */
export async function findForParty(
  db: DbOrTx,
  orgId: string,
  contractId: string,
  forUpdate = false,
): Promise<ContractRow | undefined> {
  const party = await db
    .select({ orgId: contractParties.orgId })
    .from(contractParties)
    .where(and(eq(contractParties.orgId, orgId), eq(contractParties.contractId, contractId)))
    .limit(1);
  if (party.length === 0) return undefined;
  const query = db.select().from(contracts).where(eq(contracts.id, contractId)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function partiesOf(db: DbOrTx, contractId: string): Promise<PartyRow[]> {
  return db
    .select()
    .from(contractParties)
    .where(eq(contractParties.contractId, contractId))
    .orderBy(asc(contractParties.role));
}

export async function versionsOf(db: DbOrTx, contractId: string): Promise<VersionRow[]> {
  return db
    .select()
    .from(contractVersions)
    .where(eq(contractVersions.contractId, contractId))
    .orderBy(asc(contractVersions.versionNo));
}

export async function signaturesFor(db: DbOrTx, contractId: string, versionNo: number): Promise<SignatureRow[]> {
  return db
    .select()
    .from(contractSignatures)
    .where(and(eq(contractSignatures.contractId, contractId), eq(contractSignatures.versionNo, versionNo)))
    .orderBy(asc(contractSignatures.signedAt));
}

export async function insertSignature(db: DbOrTx, row: SignatureRow): Promise<void> {
  await db.insert(contractSignatures).values(row);
}

export async function updateContract(
  db: DbOrTx,
  id: string,
  patch: Partial<typeof contracts.$inferInsert>,
): Promise<void> {
  await db
    .update(contracts)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(contracts.id, id));
}

export async function listForOrg(db: DbOrTx, orgId: string, limit: number) {
  const ids = db
    .select({ id: contractParties.contractId })
    .from(contractParties)
    .where(eq(contractParties.orgId, orgId));
  return db.select().from(contracts).where(inArray(contracts.id, ids)).orderBy(desc(contracts.updatedAt)).limit(limit);
}

export async function partiesOfMany(db: DbOrTx, contractIds: string[]): Promise<PartyRow[]> {
  if (contractIds.length === 0) return [];
  return db.select().from(contractParties).where(inArray(contractParties.contractId, contractIds));
}

/** How many signed contracts each organisation is party to. */
export async function signedCounts(db: DbOrTx, orgIds: string[]): Promise<{ orgId: string; n: number }[]> {
  if (orgIds.length === 0) return [];
  return db
    .select({ orgId: contractParties.orgId, n: count() })
    .from(contractParties)
    .innerJoin(contracts, eq(contracts.id, contractParties.contractId))
    .where(and(inArray(contractParties.orgId, orgIds), isNotNull(contracts.signedVersion)))
    .groupBy(contractParties.orgId);
}

/** Signed contracts in which the organisations are a party but not the initiator, with the signed version's amount. */
export async function openContractAmounts(
  db: DbOrTx,
  orgIds: string[],
): Promise<{ orgId: string; contractId: string; amountFen: string | null }[]> {
  if (orgIds.length === 0) return [];
  return db
    .select({
      orgId: contractParties.orgId,
      contractId: contracts.id,
      amountFen: sql<string | null>`${contractVersions.variables}->>'amountFen'`,
    })
    .from(contractParties)
    .innerJoin(contracts, eq(contracts.id, contractParties.contractId))
    .innerJoin(
      contractVersions,
      and(eq(contractVersions.contractId, contracts.id), eq(contractVersions.versionNo, contracts.signedVersion)),
    )
    .where(
      and(
        inArray(contractParties.orgId, orgIds),
        isNotNull(contracts.signedVersion),
        ne(contracts.initiatorOrgId, contractParties.orgId),
      ),
    );
}

/** Contracts waiting for signatures on their current version, with that version, not yet reminded. */
export async function awaitingSignatures(db: DbOrTx) {
  return db
    .select({ contract: contracts, version: contractVersions })
    .from(contracts)
    .innerJoin(
      contractVersions,
      and(eq(contractVersions.contractId, contracts.id), eq(contractVersions.versionNo, contracts.currentVersion)),
    )
    .where(
      and(inArray(contracts.status, ['negotiating', 'amending']), sql`${contractVersions.signingRemindedAt} is null`),
    );
}

export async function markReminded(db: DbOrTx, contractId: string, versionNo: number, at: Date): Promise<void> {
  await db
    .update(contractVersions)
    .set({ signingRemindedAt: at })
    .where(and(eq(contractVersions.contractId, contractId), eq(contractVersions.versionNo, versionNo)));
}

/**
 * The version each contract is being or was last signed on (the signed version, or the current one while it
 * awaits signatures), for versions created since `since`.
 */
export async function signingVersionsSince(db: DbOrTx, since: Date) {
  return db
    .select({ contract: contracts, versionNo: contractVersions.versionNo, versionAt: contractVersions.createdAt })
    .from(contracts)
    .innerJoin(contractVersions, eq(contractVersions.contractId, contracts.id))
    .where(
      and(
        sql`${contractVersions.createdAt} >= ${since}`,
        or(
          eq(contractVersions.versionNo, contracts.signedVersion),
          and(
            eq(contractVersions.versionNo, contracts.currentVersion),
            inArray(contracts.status, ['negotiating', 'amending']),
          ),
        ),
      ),
    )
    .orderBy(asc(contractVersions.createdAt));
}
