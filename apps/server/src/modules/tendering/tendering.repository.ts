import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../infra/db/client';
import { tenderErrors } from './tendering.errors';
import {
  tenderAddenda,
  tenderAwards,
  tenderBidReceipts,
  tenderBids,
  tenderEvaluations,
  tenderEvaluators,
  tenderInvitations,
  tenderKeys,
  tenderOpenings,
  tenderScores,
  tenders,
} from './tendering.tables';

export type TenderRow = typeof tenders.$inferSelect;
export type BidRow = typeof tenderBids.$inferSelect;
export type AddendumRow = typeof tenderAddenda.$inferSelect;
export type OpeningRow = typeof tenderOpenings.$inferSelect;
export type ScoreRow = typeof tenderScores.$inferSelect;
export type EvaluationRow = typeof tenderEvaluations.$inferSelect;
export type AwardRow = typeof tenderAwards.$inferSelect;
export type EvaluatorRow = typeof tenderEvaluators.$inferSelect;

/** The database refuses what the sealed-bid rules forbid (migration 0012); this names its refusals. */
function sqlState(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code ?? e?.cause?.code;
}

export async function guarded<T>(run: () => Promise<T>, deadline?: Date): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const state = sqlState(error);
    if (state === 'ZT001') throw tenderErrors.raise('TENDER_SEALED');
    if (state === 'ZT002')
      throw tenderErrors.raise('TENDER_NOT_OPEN', { deadline: deadline ? deadline.toISOString() : '—' });
    if (state === 'ZT003') throw tenderErrors.raise('TENDER_DEADLINE_EARLIER');
    throw error;
  }
}

/** The database's clock: the one that decides deadlines. */
export async function dbNow(db: DbOrTx): Promise<Date> {
  const [row] = await queryRows<{ now: string | Date }>(db, sql`select clock_timestamp() as now`);
  return new Date(row?.now ?? Date.now());
}

export async function insertTender(db: DbOrTx, row: typeof tenders.$inferInsert): Promise<void> {
  await db.insert(tenders).values(row);
}

export async function findTender(db: DbOrTx, id: string, lock = false): Promise<TenderRow | undefined> {
  const query = db.select().from(tenders).where(eq(tenders.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateTender(db: DbOrTx, id: string, patch: Partial<typeof tenders.$inferInsert>) {
  await db
    .update(tenders)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(tenders.id, id));
}

export async function tendersOfBuyer(db: DbOrTx, orgId: string): Promise<TenderRow[]> {
  return db.select().from(tenders).where(eq(tenders.orgId, orgId)).orderBy(desc(tenders.createdAt)).limit(200);
}

/** Published tenders an organisation may see as a bidder: open ones, ones it is invited to, ones it bid on. */
export async function tendersForBidder(db: DbOrTx, orgId: string): Promise<TenderRow[]> {
  const invited = db
    .select({ id: tenderInvitations.tenderId })
    .from(tenderInvitations)
    .where(eq(tenderInvitations.orgId, orgId));
  const bidOn = db.select({ id: tenderBids.tenderId }).from(tenderBids).where(eq(tenderBids.orgId, orgId));
  return db
    .select()
    .from(tenders)
    .where(
      and(
        sql`${tenders.status} <> 'draft'`,
        sql`${tenders.orgId} <> ${orgId}`,
        or(eq(tenders.mode, 'open'), inArray(tenders.id, invited), inArray(tenders.id, bidOn)),
      ),
    )
    .orderBy(desc(tenders.deadline))
    .limit(200);
}

export async function insertKey(db: DbOrTx, row: typeof tenderKeys.$inferInsert): Promise<void> {
  await db.insert(tenderKeys).values(row);
}

/** The encrypted private key, through the database function that refuses before the deadline. */
export async function releaseKey(db: DbOrTx, tenderId: string): Promise<string> {
  return guarded(async () => {
    const [row] = await queryRows<{ key: string }>(db, sql`select tender_release_key(${tenderId}::uuid) as key`);
    if (!row) throw tenderErrors.raise('TENDER_SEALED');
    return row.key;
  });
}

export async function insertInvitations(db: DbOrTx, rows: (typeof tenderInvitations.$inferInsert)[]) {
  if (rows.length) await db.insert(tenderInvitations).values(rows).onConflictDoNothing();
}

export async function invitationsOf(db: DbOrTx, tenderId: string): Promise<string[]> {
  const rows = await db.select().from(tenderInvitations).where(eq(tenderInvitations.tenderId, tenderId));
  return rows.map((r) => r.orgId);
}

export async function insertAddendum(db: DbOrTx, row: typeof tenderAddenda.$inferInsert): Promise<void> {
  await db.insert(tenderAddenda).values(row);
}

export async function addendaOf(db: DbOrTx, tenderId: string): Promise<AddendumRow[]> {
  return db
    .select()
    .from(tenderAddenda)
    .where(eq(tenderAddenda.tenderId, tenderId))
    .orderBy(asc(tenderAddenda.versionNo));
}

export async function findBid(db: DbOrTx, tenderId: string, orgId: string): Promise<BidRow | undefined> {
  const [row] = await db
    .select()
    .from(tenderBids)
    .where(and(eq(tenderBids.tenderId, tenderId), eq(tenderBids.orgId, orgId)));
  return row;
}

export async function bidsOfOrg(db: DbOrTx, orgId: string, tenderIds: string[]): Promise<BidRow[]> {
  if (!tenderIds.length) return [];
  return db
    .select()
    .from(tenderBids)
    .where(and(eq(tenderBids.orgId, orgId), inArray(tenderBids.tenderId, tenderIds)));
}

export async function bidsOf(db: DbOrTx, tenderId: string): Promise<BidRow[]> {
  return db.select().from(tenderBids).where(eq(tenderBids.tenderId, tenderId)).orderBy(asc(tenderBids.submittedAt));
}

/** How many bids of a tender are submitted (withdrawn ones not counted). */
export async function countSubmittedBids(db: DbOrTx, tenderId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tenderBids)
    .where(and(eq(tenderBids.tenderId, tenderId), eq(tenderBids.status, 'submitted')));
  return row?.n ?? 0;
}

export async function insertBid(db: DbOrTx, row: typeof tenderBids.$inferInsert): Promise<void> {
  await db.insert(tenderBids).values(row);
}

export async function updateBid(db: DbOrTx, orgId: string, id: string, patch: Partial<typeof tenderBids.$inferInsert>) {
  await db
    .update(tenderBids)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(tenderBids.orgId, orgId), eq(tenderBids.id, id)));
}

export async function insertReceipt(db: DbOrTx, row: typeof tenderBidReceipts.$inferInsert): Promise<void> {
  await db.insert(tenderBidReceipts).values(row);
}

export async function insertOpening(db: DbOrTx, row: typeof tenderOpenings.$inferInsert): Promise<void> {
  await db.insert(tenderOpenings).values(row);
}

export async function findOpening(db: DbOrTx, tenderId: string): Promise<OpeningRow | undefined> {
  const [row] = await db.select().from(tenderOpenings).where(eq(tenderOpenings.tenderId, tenderId));
  return row;
}

export async function insertEvaluator(db: DbOrTx, row: typeof tenderEvaluators.$inferInsert): Promise<void> {
  await db.insert(tenderEvaluators).values(row).onConflictDoNothing();
}

export async function evaluatorsOf(db: DbOrTx, tenderId: string): Promise<EvaluatorRow[]> {
  return db
    .select()
    .from(tenderEvaluators)
    .where(eq(tenderEvaluators.tenderId, tenderId))
    .orderBy(asc(tenderEvaluators.createdAt));
}

export async function insertScore(db: DbOrTx, row: typeof tenderScores.$inferInsert): Promise<void> {
  await db.insert(tenderScores).values(row);
}

export async function scoresOf(db: DbOrTx, tenderId: string): Promise<ScoreRow[]> {
  return db
    .select()
    .from(tenderScores)
    .where(eq(tenderScores.tenderId, tenderId))
    .orderBy(asc(tenderScores.createdAt), asc(tenderScores.id));
}

export async function insertEvaluation(db: DbOrTx, row: typeof tenderEvaluations.$inferInsert): Promise<void> {
  await db.insert(tenderEvaluations).values(row);
}

export async function findEvaluation(db: DbOrTx, tenderId: string): Promise<EvaluationRow | undefined> {
  const [row] = await db.select().from(tenderEvaluations).where(eq(tenderEvaluations.tenderId, tenderId));
  return row;
}

export async function insertAward(db: DbOrTx, row: typeof tenderAwards.$inferInsert): Promise<void> {
  await db.insert(tenderAwards).values(row);
}

export async function awardsOf(db: DbOrTx, tenderId: string): Promise<AwardRow[]> {
  return db.select().from(tenderAwards).where(eq(tenderAwards.tenderId, tenderId)).orderBy(asc(tenderAwards.rank));
}

export async function findAward(db: DbOrTx, id: string): Promise<AwardRow | undefined> {
  const [row] = await db.select().from(tenderAwards).where(eq(tenderAwards.id, id));
  return row;
}

/** Moves an award out of `offered`; false when it was no longer on offer (answered or lapsed meanwhile). */
export async function closeOffer(
  db: DbOrTx,
  id: string,
  patch: { status: string; respondedAt: Date; respondedBy: string | null; reason: string | null },
): Promise<boolean> {
  const rows = await db
    .update(tenderAwards)
    .set(patch)
    .where(and(eq(tenderAwards.id, id), eq(tenderAwards.status, 'offered')))
    .returning({ id: tenderAwards.id });
  return rows.length > 0;
}

/** Tenders past their opening (for the risk module's red flags), newest first. */
export async function openedTenderIds(db: DbOrTx, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: tenderOpenings.tenderId })
    .from(tenderOpenings)
    .orderBy(desc(tenderOpenings.openedAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Every tender on one demand (re-tenders of the same work), oldest first. */
export async function tendersOfDemand(db: DbOrTx, demandId: string): Promise<TenderRow[]> {
  return db.select().from(tenders).where(eq(tenders.demandId, demandId)).orderBy(asc(tenders.createdAt));
}

/** The buyers that awarded a supplier (accepted awards), with how many awards each. */
export async function buyersOfSupplier(db: DbOrTx, supplierOrgId: string) {
  return db
    .select({ buyerOrgId: tenders.orgId, awards: sql<number>`count(*)::int` })
    .from(tenderAwards)
    .innerJoin(tenders, eq(tenders.id, tenderAwards.tenderId))
    .where(and(eq(tenderAwards.bidderOrgId, supplierOrgId), eq(tenderAwards.status, 'accepted')))
    .groupBy(tenders.orgId);
}
