import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import {
  settlementQuantityProposals,
  settlementQuantityVotes,
  settlementSignatures,
  settlements,
} from './settlement.tables';

export type SettlementRow = typeof settlements.$inferSelect;
export type ProposalRow = typeof settlementQuantityProposals.$inferSelect;
export type VoteRow = typeof settlementQuantityVotes.$inferSelect;
export type SignatureRow = typeof settlementSignatures.$inferSelect;

export async function settlementsOf(db: DbOrTx, contractId: string): Promise<SettlementRow[]> {
  return db
    .select()
    .from(settlements)
    .where(eq(settlements.contractId, contractId))
    .orderBy(asc(settlements.createdAt));
}

export async function findSettlement(db: DbOrTx, contractId: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(settlements)
    .where(and(eq(settlements.contractId, contractId), eq(settlements.id, id)))
    .limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertSettlement(db: DbOrTx, row: typeof settlements.$inferInsert): Promise<void> {
  await db.insert(settlements).values(row);
}

export async function updateSettlement(
  db: DbOrTx,
  id: string,
  patch: Partial<typeof settlements.$inferInsert>,
): Promise<void> {
  await db.update(settlements).set(patch).where(eq(settlements.id, id));
}

export async function proposalsOf(db: DbOrTx, settlementId: string): Promise<ProposalRow[]> {
  return db
    .select()
    .from(settlementQuantityProposals)
    .where(eq(settlementQuantityProposals.settlementId, settlementId))
    .orderBy(asc(settlementQuantityProposals.seq));
}

export async function insertProposal(db: DbOrTx, row: ProposalRow): Promise<void> {
  await db.insert(settlementQuantityProposals).values(row);
}

export async function votesOf(db: DbOrTx, settlementId: string): Promise<VoteRow[]> {
  return db
    .select()
    .from(settlementQuantityVotes)
    .where(eq(settlementQuantityVotes.settlementId, settlementId))
    .orderBy(asc(settlementQuantityVotes.createdAt));
}

export async function insertVote(db: DbOrTx, row: VoteRow): Promise<void> {
  await db.insert(settlementQuantityVotes).values(row);
}

export async function signaturesOf(db: DbOrTx, settlementId: string): Promise<SignatureRow[]> {
  return db
    .select()
    .from(settlementSignatures)
    .where(eq(settlementSignatures.settlementId, settlementId))
    .orderBy(asc(settlementSignatures.signedAt));
}

export async function insertSignature(db: DbOrTx, row: SignatureRow): Promise<void> {
  await db.insert(settlementSignatures).values(row);
}
