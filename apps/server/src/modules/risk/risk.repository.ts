import { and, desc, eq, gte, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import {
  riskAmendments,
  riskMoneyFlows,
  riskTenderFlags,
  riskWarningParties,
  riskWarnings,
  riskWarningTransitions,
} from './risk.tables';

export type WarningRow = typeof riskWarnings.$inferSelect;
export type TransitionRow = typeof riskWarningTransitions.$inferSelect;
export type TenderFlagsRow = typeof riskTenderFlags.$inferSelect;
export type FlowRow = typeof riskMoneyFlows.$inferSelect;

const ACTIVE = ['open', 'acknowledged'];

/** The active warning, or one closed since `closedSince`, of a subject and type (deduplication). */
export async function findRecent(db: DbOrTx, kind: string, id: string, type: string, closedSince: Date) {
  const [row] = await db
    .select({ id: riskWarnings.id })
    .from(riskWarnings)
    .where(
      and(
        eq(riskWarnings.subjectKind, kind),
        eq(riskWarnings.subjectId, id),
        eq(riskWarnings.type, type),
        or(inArray(riskWarnings.state, ACTIVE), gte(riskWarnings.updatedAt, closedSince)),
      ),
    )
    .limit(1);
  return row;
}

/** Inserts unless an active warning of the subject and type exists (the partial unique index); true if stored. */
export async function insertWarning(db: DbOrTx, row: WarningRow): Promise<boolean> {
  const stored = await db.insert(riskWarnings).values(row).onConflictDoNothing().returning({ id: riskWarnings.id });
  return stored.length > 0;
}

export async function insertParties(db: DbOrTx, warningId: string, orgIds: string[]) {
  if (orgIds.length === 0) return;
  await db
    .insert(riskWarningParties)
    .values([...new Set(orgIds)].map((orgId) => ({ warningId, orgId })))
    .onConflictDoNothing();
}

export async function insertTransition(db: DbOrTx, row: TransitionRow) {
  await db.insert(riskWarningTransitions).values(row);
}

export async function findWarning(db: DbOrTx, id: string, lock = false): Promise<WarningRow | undefined> {
  const q = db.select().from(riskWarnings).where(eq(riskWarnings.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Moves a warning on only if it is still in `from`; false when someone else moved it meanwhile. */
export async function setState(db: DbOrTx, id: string, from: string, to: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(riskWarnings)
    .set({ state: to, updatedAt: at })
    .where(and(eq(riskWarnings.id, id), eq(riskWarnings.state, from)))
    .returning({ id: riskWarnings.id });
  return rows.length > 0;
}

export async function partiesOf(db: DbOrTx, warningIds: string[]) {
  if (warningIds.length === 0) return [];
  return db.select().from(riskWarningParties).where(inArray(riskWarningParties.warningId, warningIds));
}

export async function transitionsOf(db: DbOrTx, warningIds: string[]): Promise<TransitionRow[]> {
  if (warningIds.length === 0) return [];
  return db
    .select()
    .from(riskWarningTransitions)
    .where(inArray(riskWarningTransitions.warningId, warningIds))
    .orderBy(riskWarningTransitions.at);
}

export interface WarningFilter {
  state?: string | undefined;
  type?: string | undefined;
  contractId?: string | undefined;
}

function filters(f: WarningFilter) {
  return [
    f.state ? eq(riskWarnings.state, f.state) : undefined,
    f.type ? eq(riskWarnings.type, f.type) : undefined,
    f.contractId ? eq(riskWarnings.contractId, f.contractId) : undefined,
  ];
}

/** The warnings delivered to an organisation, newest first. */
export async function warningsOfOrg(db: DbOrTx, orgId: string, f: WarningFilter, limit = 200) {
  return db
    .select({ w: riskWarnings })
    .from(riskWarnings)
    .innerJoin(riskWarningParties, eq(riskWarningParties.warningId, riskWarnings.id))
    .where(and(eq(riskWarningParties.orgId, orgId), ...filters(f)))
    .orderBy(desc(riskWarnings.detectedAt))
    .limit(limit)
    .then((rows) => rows.map((r) => r.w));
}

export async function allWarnings(db: DbOrTx, f: WarningFilter, limit = 200): Promise<WarningRow[]> {
  return db
    .select()
    .from(riskWarnings)
    .where(and(...filters(f)))
    .orderBy(desc(riskWarnings.detectedAt))
    .limit(limit);
}

/** The active warnings of some types, for the scan's automatic resolution. */
export async function activeOfTypes(db: DbOrTx, types: string[]): Promise<WarningRow[]> {
  return db
    .select()
    .from(riskWarnings)
    .where(and(inArray(riskWarnings.type, types), inArray(riskWarnings.state, ACTIVE)));
}

export async function countsByTypeAndState(db: DbOrTx) {
  return db
    .select({ type: riskWarnings.type, state: riskWarnings.state, count: sql<number>`count(*)::int` })
    .from(riskWarnings)
    .groupBy(riskWarnings.type, riskWarnings.state);
}

export async function insertAmendment(db: DbOrTx, row: typeof riskAmendments.$inferInsert) {
  await db.insert(riskAmendments).values(row).onConflictDoNothing();
}

export async function amendmentsOf(db: DbOrTx, contractId: string) {
  return db.select().from(riskAmendments).where(eq(riskAmendments.contractId, contractId));
}

export async function insertFlow(db: DbOrTx, row: FlowRow) {
  await db.insert(riskMoneyFlows).values(row).onConflictDoNothing();
}

/** Flows from `payeeOrgId` back to `payerOrgId` (the reverse direction). */
export async function flowsBetween(db: DbOrTx, payerOrgId: string, payeeOrgId: string): Promise<FlowRow[]> {
  return db
    .select()
    .from(riskMoneyFlows)
    .where(and(eq(riskMoneyFlows.payerOrgId, payerOrgId), eq(riskMoneyFlows.payeeOrgId, payeeOrgId)));
}

export async function flowsOfContracts(db: DbOrTx, contractIds: string[]): Promise<FlowRow[]> {
  if (contractIds.length === 0) return [];
  return db.select().from(riskMoneyFlows).where(inArray(riskMoneyFlows.contractId, contractIds));
}

export async function upsertTenderFlags(db: DbOrTx, row: TenderFlagsRow) {
  await db
    .insert(riskTenderFlags)
    .values(row)
    .onConflictDoUpdate({
      target: riskTenderFlags.tenderId,
      set: { flags: row.flags, title: row.title, computedAt: row.computedAt },
    });
}

/** Tenders with at least one red flag, newest first. */
export async function flaggedTenders(db: DbOrTx, limit = 100): Promise<TenderFlagsRow[]> {
  return db
    .select()
    .from(riskTenderFlags)
    .where(sql`jsonb_array_length(${riskTenderFlags.flags}) > 0`)
    .orderBy(desc(riskTenderFlags.computedAt))
    .limit(limit);
}
