import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows, uuidArray } from '../../infra/db/client';
import {
  escrowBondPolicies,
  escrowContracts,
  escrowEvents,
  escrowExpectedDeposits,
  escrowPayouts,
  escrowReleases,
  escrowRiskCases,
  escrowScheduleItems,
  escrowStatementImports,
  escrowStatementLines,
  simulatedBankPayments,
} from './escrow.tables';

export type { ReconciliationLine } from './escrow.tables';

export type EscrowRow = typeof escrowContracts.$inferSelect;
export type ScheduleRow = typeof escrowScheduleItems.$inferSelect;
export type ReleaseRow = typeof escrowReleases.$inferSelect;
export type EventRow = typeof escrowEvents.$inferSelect;
export type RiskCaseRow = typeof escrowRiskCases.$inferSelect;
export type ExpectedRow = typeof escrowExpectedDeposits.$inferSelect;
export type ImportRow = typeof escrowStatementImports.$inferSelect;
export type LineRow = typeof escrowStatementLines.$inferSelect;
export type PayoutRow = typeof escrowPayouts.$inferSelect;
export type BondPolicyRow = typeof escrowBondPolicies.$inferSelect;

export async function findBondPolicy(db: DbOrTx, contractId: string): Promise<BondPolicyRow | undefined> {
  const [row] = await db.select().from(escrowBondPolicies).where(eq(escrowBondPolicies.contractId, contractId));
  return row;
}

/** Inserts the policy in place of the bond; false when the contract's bond is already covered by one. */
export async function insertBondPolicy(db: DbOrTx, row: BondPolicyRow): Promise<boolean> {
  const inserted = await db
    .insert(escrowBondPolicies)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: escrowBondPolicies.contractId });
  return inserted.length > 0;
}

export async function findEscrow(db: DbOrTx, contractId: string, lock = false): Promise<EscrowRow | undefined> {
  const q = db.select().from(escrowContracts).where(eq(escrowContracts.contractId, contractId));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function escrowByReference(db: DbOrTx, reference: string): Promise<EscrowRow | undefined> {
  const [row] = await db.select().from(escrowContracts).where(eq(escrowContracts.depositReference, reference));
  return row;
}

export async function insertEscrow(db: DbOrTx, row: typeof escrowContracts.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(escrowContracts)
    .values(row)
    .onConflictDoNothing({ target: escrowContracts.contractId })
    .returning({ id: escrowContracts.contractId });
  return inserted.length > 0;
}

export async function setFrozen(
  db: DbOrTx,
  contractId: string,
  frozen: boolean,
  reason: string | null,
  at: Date | null,
): Promise<boolean> {
  const rows = await db
    .update(escrowContracts)
    .set({ frozen, frozenReason: reason, frozenAt: at })
    .where(and(eq(escrowContracts.contractId, contractId), eq(escrowContracts.frozen, !frozen)))
    .returning({ id: escrowContracts.contractId });
  return rows.length > 0;
}

export async function frozenEscrows(db: DbOrTx): Promise<EscrowRow[]> {
  return db
    .select()
    .from(escrowContracts)
    .where(eq(escrowContracts.frozen, true))
    .orderBy(desc(escrowContracts.frozenAt));
}

export async function scheduleOf(db: DbOrTx, contractId: string): Promise<ScheduleRow[]> {
  return db
    .select()
    .from(escrowScheduleItems)
    .where(eq(escrowScheduleItems.contractId, contractId))
    .orderBy(asc(escrowScheduleItems.dueDate), asc(escrowScheduleItems.milestoneId));
}

export async function upsertScheduleItem(db: DbOrTx, row: typeof escrowScheduleItems.$inferInsert): Promise<void> {
  await db
    .insert(escrowScheduleItems)
    .values(row)
    .onConflictDoUpdate({
      target: [escrowScheduleItems.contractId, escrowScheduleItems.milestoneId],
      set: { title: row.title, dueDate: row.dueDate, amountFen: row.amountFen },
      setWhere: eq(escrowScheduleItems.status, 'scheduled'),
    });
}

export async function deleteScheduledItems(db: DbOrTx, contractId: string, keep: string[]): Promise<void> {
  const rows = await scheduleOf(db, contractId);
  const drop = rows.filter((r) => r.status === 'scheduled' && !keep.includes(r.milestoneId)).map((r) => r.milestoneId);
  if (drop.length === 0) return;
  await db
    .delete(escrowScheduleItems)
    .where(and(eq(escrowScheduleItems.contractId, contractId), inArray(escrowScheduleItems.milestoneId, drop)));
}

export async function markPaid(db: DbOrTx, contractId: string, milestoneId: string, settlementId: string, at: Date) {
  const rows = await db
    .update(escrowScheduleItems)
    .set({ status: 'paid', settlementId, paidAt: at })
    .where(
      and(
        eq(escrowScheduleItems.contractId, contractId),
        eq(escrowScheduleItems.milestoneId, milestoneId),
        eq(escrowScheduleItems.status, 'scheduled'),
      ),
    )
    .returning({ id: escrowScheduleItems.milestoneId });
  return rows.length > 0;
}

/** Unpaid schedule items due before `before` on escrows that are not frozen. */
export async function overdueItems(db: DbOrTx, before: string): Promise<ScheduleRow[]> {
  const rows = await db
    .select({ item: escrowScheduleItems })
    .from(escrowScheduleItems)
    .innerJoin(escrowContracts, eq(escrowContracts.contractId, escrowScheduleItems.contractId))
    .where(
      and(
        eq(escrowScheduleItems.status, 'scheduled'),
        lt(escrowScheduleItems.dueDate, before),
        eq(escrowContracts.frozen, false),
      ),
    )
    .orderBy(asc(escrowScheduleItems.dueDate));
  return rows.map((r) => r.item);
}

export async function releaseByClientId(db: DbOrTx, clientId: string): Promise<ReleaseRow | undefined> {
  const [row] = await db.select().from(escrowReleases).where(eq(escrowReleases.clientId, clientId));
  return row;
}

export async function releasesOf(db: DbOrTx, contractId: string): Promise<ReleaseRow[]> {
  return db
    .select()
    .from(escrowReleases)
    .where(eq(escrowReleases.contractId, contractId))
    .orderBy(asc(escrowReleases.createdAt));
}

export async function insertRelease(db: DbOrTx, row: ReleaseRow): Promise<void> {
  await db.insert(escrowReleases).values(row);
}

export async function insertEvent(db: DbOrTx, row: typeof escrowEvents.$inferInsert): Promise<void> {
  await db.insert(escrowEvents).values(row);
}

export async function eventsOf(db: DbOrTx, contractId: string): Promise<EventRow[]> {
  return db
    .select()
    .from(escrowEvents)
    .where(eq(escrowEvents.contractId, contractId))
    .orderBy(asc(escrowEvents.at), asc(escrowEvents.id));
}

export async function expectedOf(db: DbOrTx, contractId: string): Promise<ExpectedRow[]> {
  return db
    .select()
    .from(escrowExpectedDeposits)
    .where(eq(escrowExpectedDeposits.contractId, contractId))
    .orderBy(asc(escrowExpectedDeposits.createdAt));
}

export async function deleteOpenExpected(db: DbOrTx, contractId: string, purpose: string): Promise<void> {
  await db
    .delete(escrowExpectedDeposits)
    .where(
      and(
        eq(escrowExpectedDeposits.contractId, contractId),
        eq(escrowExpectedDeposits.purpose, purpose),
        eq(escrowExpectedDeposits.status, 'open'),
      ),
    );
}

export async function insertExpected(db: DbOrTx, row: ExpectedRow): Promise<void> {
  await db.insert(escrowExpectedDeposits).values(row);
}

export async function matchExpected(db: DbOrTx, id: string, lineId: string): Promise<boolean> {
  const rows = await db
    .update(escrowExpectedDeposits)
    .set({ status: 'matched', matchedLineId: lineId })
    .where(and(eq(escrowExpectedDeposits.id, id), eq(escrowExpectedDeposits.status, 'open')))
    .returning({ id: escrowExpectedDeposits.id });
  return rows.length > 0;
}

export async function linesByTxnIds(db: DbOrTx, ids: string[]): Promise<LineRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(escrowStatementLines).where(inArray(escrowStatementLines.bankTxnId, ids));
}

export async function insertLine(db: DbOrTx, row: LineRow): Promise<boolean> {
  const rows = await db
    .insert(escrowStatementLines)
    .values(row)
    .onConflictDoNothing({ target: escrowStatementLines.bankTxnId })
    .returning({ id: escrowStatementLines.id });
  return rows.length > 0;
}

export async function insertImport(db: DbOrTx, row: ImportRow): Promise<void> {
  await db.insert(escrowStatementImports).values(row);
}

export async function findImport(db: DbOrTx, id: string): Promise<ImportRow | undefined> {
  const [row] = await db.select().from(escrowStatementImports).where(eq(escrowStatementImports.id, id));
  return row;
}

export async function recentImports(db: DbOrTx, limit: number): Promise<ImportRow[]> {
  return db.select().from(escrowStatementImports).orderBy(desc(escrowStatementImports.createdAt)).limit(limit);
}

export async function unmatchedLines(db: DbOrTx, limit: number): Promise<LineRow[]> {
  return db
    .select()
    .from(escrowStatementLines)
    .where(eq(escrowStatementLines.status, 'unmatched'))
    .orderBy(desc(escrowStatementLines.createdAt))
    .limit(limit);
}

export async function openRiskCaseFor(db: DbOrTx, contractId: string, kind: string): Promise<RiskCaseRow | undefined> {
  const [row] = await db
    .select()
    .from(escrowRiskCases)
    .where(
      and(
        eq(escrowRiskCases.contractId, contractId),
        eq(escrowRiskCases.kind, kind),
        eq(escrowRiskCases.status, 'open'),
      ),
    );
  return row;
}

export async function insertRiskCase(db: DbOrTx, row: RiskCaseRow): Promise<void> {
  await db.insert(escrowRiskCases).values(row);
}

export async function closeRiskCases(db: DbOrTx, contractId: string, by: string, at: Date): Promise<void> {
  await db
    .update(escrowRiskCases)
    .set({ status: 'closed', closedAt: at, closedBy: by })
    .where(and(eq(escrowRiskCases.contractId, contractId), eq(escrowRiskCases.status, 'open')));
}

export async function riskCases(db: DbOrTx, status: string | undefined, limit: number): Promise<RiskCaseRow[]> {
  const q = db.select().from(escrowRiskCases);
  return (status ? q.where(eq(escrowRiskCases.status, status)) : q)
    .orderBy(desc(escrowRiskCases.openedAt))
    .limit(limit);
}

/** Payouts sent (or being sent) to the bank whose answer is not in yet. */
export async function countPendingPayouts(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(escrowPayouts)
    .where(eq(escrowPayouts.status, 'pending'));
  return row?.n ?? 0;
}

export async function insertPayout(db: DbOrTx, row: PayoutRow): Promise<void> {
  await db.insert(escrowPayouts).values(row);
}

export async function payoutById(db: DbOrTx, id: string): Promise<PayoutRow | undefined> {
  const [row] = await db.select().from(escrowPayouts).where(eq(escrowPayouts.id, id));
  return row;
}

export async function payoutByClientId(db: DbOrTx, clientId: string): Promise<PayoutRow | undefined> {
  const [row] = await db.select().from(escrowPayouts).where(eq(escrowPayouts.clientId, clientId));
  return row;
}

export async function finishPayout(db: DbOrTx, id: string, status: 'paid' | 'failed', bankReference: string | null) {
  await db
    .update(escrowPayouts)
    .set({ status, bankReference })
    .where(and(eq(escrowPayouts.id, id), eq(escrowPayouts.status, 'pending')));
}

/** Payouts still pending that were created before `before`, oldest first (the crash recovery's work list). */
export async function stalePendingPayouts(db: DbOrTx, before: Date, limit: number): Promise<PayoutRow[]> {
  return db
    .select()
    .from(escrowPayouts)
    .where(and(eq(escrowPayouts.status, 'pending'), lt(escrowPayouts.createdAt, before)))
    .orderBy(escrowPayouts.createdAt)
    .limit(limit);
}

/** Payouts whose beneficiary account is still stored in plaintext (rows written before encryption at rest). */
export async function plaintextPayouts(db: DbOrTx, limit: number): Promise<PayoutRow[]> {
  return db.select().from(escrowPayouts).where(isNull(escrowPayouts.beneficiaryAccountEnc)).limit(limit);
}

export async function encryptPayoutAccount(
  db: DbOrTx,
  id: string,
  values: { beneficiaryAccountMasked: string; beneficiaryAccountEnc: string; beneficiaryAccountHash: string },
): Promise<void> {
  await db
    .update(escrowPayouts)
    .set(values)
    .where(and(eq(escrowPayouts.id, id), isNull(escrowPayouts.beneficiaryAccountEnc)));
}

export type SimulatedPaymentRow = typeof simulatedBankPayments.$inferSelect;

/** The simulated bank's memory: the first answer to an instruction id stays. */
export async function recordSimulatedPayment(db: DbOrTx, row: SimulatedPaymentRow): Promise<void> {
  await db.insert(simulatedBankPayments).values(row).onConflictDoNothing();
}

export async function simulatedPayment(db: DbOrTx, instructionId: string): Promise<SimulatedPaymentRow | undefined> {
  const [row] = await db
    .select()
    .from(simulatedBankPayments)
    .where(eq(simulatedBankPayments.instructionId, instructionId));
  return row;
}

/** Payouts created since an instant, oldest first, with whether the organisation had paid that account before. */
export async function payoutsSince(db: DbOrTx, since: Date) {
  return queryRows<{
    id: string;
    org_id: string;
    amount_fen: string;
    beneficiary_name: string;
    beneficiary_account: string;
    status: string;
    created_at: Date | string;
    earlier: number;
  }>(
    db,
    sql`select p.id, p.org_id, p.amount_fen::text as amount_fen, p.beneficiary_name, p.beneficiary_account, p.status,
               p.created_at,
               (select count(*)::int from escrow_payouts e
                 where e.org_id = p.org_id and e.beneficiary_account_hash = p.beneficiary_account_hash
                   and e.status = 'paid' and e.created_at < p.created_at) as earlier
          from escrow_payouts p where p.created_at >= ${since} and p.status <> 'failed' order by p.created_at`,
  );
}

/** 付款及时性 per payer: schedule items due by `dueBy` (a date), and those released by their due date (Beijing time). */
export async function paymentFacts(db: DbOrTx, orgIds: readonly string[], dueBy: string) {
  if (orgIds.length === 0) return [];
  const ids = uuidArray(orgIds);
  return queryRows<{ org_id: string; due: number; on_time: number }>(
    db,
    sql`select c.payer_org_id as org_id, count(*)::int as due,
               count(*) filter (where s.paid_at is not null
                 and (s.paid_at at time zone 'Asia/Shanghai')::date <= s.due_date)::int as on_time
          from escrow_schedule_items s join escrow_contracts c on c.contract_id = s.contract_id
         where c.payer_org_id = any(${ids}) and s.due_date <= ${dueBy}::date
         group by c.payer_org_id`,
  );
}

export async function recentPayouts(db: DbOrTx, limit: number): Promise<PayoutRow[]> {
  return db.select().from(escrowPayouts).orderBy(desc(escrowPayouts.createdAt)).limit(limit);
}

export async function payoutsOf(db: DbOrTx, orgId: string): Promise<PayoutRow[]> {
  return db.select().from(escrowPayouts).where(eq(escrowPayouts.orgId, orgId)).orderBy(desc(escrowPayouts.createdAt));
}

/** For `ledger:verify`: the first escrow that paid out more than was funded into it, or released more than settled. */
export async function firstEscrowViolation(db: DbOrTx) {
  const [overpaid] = await queryRows<{ contract_id: string; inflow: string; outflow: string }>(
    db,
    sql`select e.contract_id, coalesce(i.s,0)::text as inflow, coalesce(o.s,0)::text as outflow
        from escrow_contracts e
        left join (select credit_account_id a, sum(amount) s from ledger_transfers
                   where kind in ('single','post_pending','reversal') group by 1) i on i.a = e.escrow_account_id
        left join (select debit_account_id a, sum(amount) s from ledger_transfers
                   where kind in ('single','post_pending','reversal') group by 1) o on o.a = e.escrow_account_id
        where coalesce(o.s,0) > coalesce(i.s,0) order by e.contract_id limit 1`,
  );
  const [unsettled] = await queryRows<{ contract_id: string; settled: string; released: string }>(
    db,
    sql`select e.contract_id, coalesce(r.s,0)::text as settled, coalesce(t.s,0)::text as released
        from escrow_contracts e
        left join (select contract_id, sum(gross_fen + reserve_fen) s from escrow_releases group by 1) r
               on r.contract_id = e.contract_id
        left join (select debit_account_id a, sum(amount) s from ledger_transfers
                   where kind = 'single' and code like 'escrow.release.%' group by 1) t on t.a = e.escrow_account_id
        where coalesce(t.s,0) <> coalesce(r.s,0) order by e.contract_id limit 1`,
  );
  return { overpaid, unsettled };
}

export async function riskCaseExists(db: DbOrTx, contractId: string, kind: string, milestoneId: string) {
  const [row] = await db
    .select({ id: escrowRiskCases.id })
    .from(escrowRiskCases)
    .where(
      and(
        eq(escrowRiskCases.contractId, contractId),
        eq(escrowRiskCases.kind, kind),
        eq(escrowRiskCases.milestoneId, milestoneId),
      ),
    );
  return Boolean(row);
}

/** Gross released per contract (the same figure as the money view's released amount), in one query. */
export async function releasedByContract(
  db: DbOrTx,
  contractIds: string[],
): Promise<{ contractId: string; fen: string }[]> {
  if (contractIds.length === 0) return [];
  return db
    .select({
      contractId: escrowReleases.contractId,
      fen: sql<string>`coalesce(sum(${escrowReleases.grossFen}), 0)::text`,
    })
    .from(escrowReleases)
    .where(inArray(escrowReleases.contractId, contractIds))
    .groupBy(escrowReleases.contractId);
}

/** The escrows in which the organisation is the payee (supply-chain finance's assets). */
export async function escrowsOfPayee(db: DbOrTx, orgId: string): Promise<EscrowRow[]> {
  return db
    .select()
    .from(escrowContracts)
    .where(eq(escrowContracts.payeeOrgId, orgId))
    .orderBy(desc(escrowContracts.createdAt));
}

/**
 * 工资专户出款 per contract of `contractIds`: the payouts from its wage account instructed in [from, to) that did not
 * fail, their number and amount.
 */
export async function wagePayoutsBetween(db: DbOrTx, contractIds: readonly string[], from: Date, to: Date) {
  if (contractIds.length === 0) return [];
  return queryRows<{ contract_id: string; has_account: boolean; payouts: number; paid_fen: string }>(
    db,
    sql`select c.contract_id, true as has_account, count(p.id)::int as payouts,
               coalesce(sum(p.amount_fen), 0)::text as paid_fen
          from escrow_contracts c
          left join escrow_payouts p on p.account_id = c.labour_account_id and p.status <> 'failed'
               and p.created_at >= ${from} and p.created_at < ${to}
         where c.contract_id = any(${uuidArray(contractIds)})
         group by c.contract_id`,
  );
}
