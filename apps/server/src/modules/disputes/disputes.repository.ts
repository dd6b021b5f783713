import { and, asc, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { disputeEvidence, disputeMessages, disputes, disputeVotes } from './disputes.tables';

export type DisputeRow = typeof disputes.$inferSelect;
export type EvidenceRow = typeof disputeEvidence.$inferSelect;
export type MessageRow = typeof disputeMessages.$inferSelect;
export type VoteRow = typeof disputeVotes.$inferSelect;

export async function insertDispute(db: DbOrTx, row: typeof disputes.$inferInsert) {
  await db.insert(disputes).values(row);
}

export async function findDispute(db: DbOrTx, id: string, forUpdate = false): Promise<DisputeRow | undefined> {
  const query = db.select().from(disputes).where(eq(disputes.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function updateDispute(db: DbOrTx, id: string, patch: Partial<typeof disputes.$inferInsert>) {
  await db.update(disputes).set(patch).where(eq(disputes.id, id));
}

export async function disputesOfOrg(db: DbOrTx, orgId: string): Promise<DisputeRow[]> {
  return db
    .select()
    .from(disputes)
    .where(or(eq(disputes.claimantOrgId, orgId), eq(disputes.respondentOrgId, orgId)))
    .orderBy(desc(disputes.filedAt))
    .limit(200);
}

export async function allDisputes(db: DbOrTx): Promise<DisputeRow[]> {
  return db.select().from(disputes).orderBy(desc(disputes.filedAt)).limit(500);
}

export async function withoutTeam(db: DbOrTx): Promise<DisputeRow[]> {
  return db
    .select()
    .from(disputes)
    .where(and(sql`${disputes.teamFormedAt} is null`, eq(disputes.status, 'filed')))
    .orderBy(asc(disputes.filedAt));
}

export async function decided(db: DbOrTx): Promise<DisputeRow[]> {
  return db.select().from(disputes).where(isNotNull(disputes.decidedAt)).orderBy(desc(disputes.decidedAt)).limit(500);
}

/** Open cases per staff member (owner or specialist), to spread new cases. */
export async function openLoad(db: DbOrTx): Promise<{ userId: string; n: number }[]> {
  const rows = await db
    .select({ owner: disputes.ownerUserId, specialist: disputes.specialistUserId })
    .from(disputes)
    .where(inArray(disputes.status, ['filed', 'mediation', 'arbitration']));
  const load = new Map<string, number>();
  for (const r of rows) for (const u of [r.owner, r.specialist]) if (u) load.set(u, (load.get(u) ?? 0) + 1);
  return [...load].map(([userId, n]) => ({ userId, n }));
}

export async function countDisputes(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<string>`count(*)` }).from(disputes);
  return Number(row?.n ?? 0);
}

export async function insertEvidence(db: DbOrTx, row: EvidenceRow) {
  await db.insert(disputeEvidence).values(row);
}

export async function evidenceOf(db: DbOrTx, disputeId: string): Promise<EvidenceRow[]> {
  return db
    .select()
    .from(disputeEvidence)
    .where(eq(disputeEvidence.disputeId, disputeId))
    .orderBy(asc(disputeEvidence.createdAt));
}

export async function findEvidence(db: DbOrTx, disputeId: string, id: string): Promise<EvidenceRow | undefined> {
  const [row] = await db
    .select()
    .from(disputeEvidence)
    .where(and(eq(disputeEvidence.disputeId, disputeId), eq(disputeEvidence.id, id)));
  return row;
}

export async function insertMessage(db: DbOrTx, row: MessageRow) {
  await db.insert(disputeMessages).values(row);
}

export async function messagesOf(db: DbOrTx, disputeId: string): Promise<MessageRow[]> {
  return db
    .select()
    .from(disputeMessages)
    .where(eq(disputeMessages.disputeId, disputeId))
    .orderBy(asc(disputeMessages.createdAt));
}

export async function insertVote(db: DbOrTx, row: VoteRow): Promise<boolean> {
  const inserted = await db.insert(disputeVotes).values(row).onConflictDoNothing().returning();
  return inserted.length > 0;
}

export async function votesOf(db: DbOrTx, disputeId: string): Promise<VoteRow[]> {
  return db
    .select()
    .from(disputeVotes)
    .where(eq(disputeVotes.disputeId, disputeId))
    .orderBy(asc(disputeVotes.createdAt));
}

/** Disputes filed since `since`, oldest first: the promises board reads their SLA timestamps. */
export async function filedSince(db: DbOrTx, since: Date) {
  return db.select().from(disputes).where(sql`${disputes.filedAt} >= ${since}`).orderBy(asc(disputes.filedAt));
}
