import { shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import { accountsById } from '../ledger';
import { getOrganisations } from '../organisation';
import { bondReferenceOf, requireEscrow } from './escrow.lifecycle';
import { presentImport, presentPayout, presentRelease, presentScheduleItem } from './escrow.presenter';
import * as repo from './escrow.repository';

/** Gross released so far per contract, for many contracts at once (matching's backlog); absent → nothing released. */
export async function releasedFenByContract(
  ctx: Pick<AppContext, 'db'>,
  contractIds: readonly string[],
): Promise<Map<string, bigint>> {
  const rows = await repo.releasedByContract(ctx.db, [...new Set(contractIds)]);
  return new Map(rows.map((r) => [r.contractId, BigInt(r.fen)]));
}

/** 资金状态 what a contract's money view shows: funded, held, released, retained, frozen, and the timeline. */
export async function escrowStatus(ctx: Pick<AppContext, 'db'>, contractId: string) {
  const escrow = await requireEscrow(ctx.db, contractId);
  const accounts = new Map(
    (
      await accountsById(ctx.db, [
        escrow.escrowAccountId,
        escrow.retentionAccountId,
        escrow.bondAccountId,
        escrow.labourAccountId,
      ])
    ).map((a) => [a.id, a]),
  );
  const balance = (id: string) => accounts.get(id)?.posted ?? 0n;
  const [releases, schedule, events, expected, policy] = await Promise.all([
    repo.releasesOf(ctx.db, contractId),
    repo.scheduleOf(ctx.db, contractId),
    repo.eventsOf(ctx.db, contractId),
    repo.expectedOf(ctx.db, contractId),
    repo.findBondPolicy(ctx.db, contractId),
  ]);
  const bondPosted = balance(escrow.bondAccountId);
  const funded = events.filter((e) => e.kind === 'funded').reduce((s, e) => s + (e.amountFen ?? 0n), 0n);
  const released = releases.reduce((s, r) => s + r.grossFen, 0n);
  return {
    contractId,
    payerOrgId: escrow.payerOrgId,
    payeeOrgId: escrow.payeeOrgId,
    contractAmountFen: Number(escrow.contractAmountFen),
    advanceRatioPct: escrow.advanceRatioPct,
    retentionPct: escrow.retentionPct,
    labourSharePct: escrow.labourSharePct,
    bondPct: escrow.bondPct,
    depositReference: escrow.depositReference,
    bondReference: bondReferenceOf(escrow.depositReference),
    /** paid into escrow so far */
    fundedFen: Number(funded),
    /** in escrow now, not yet released */
    heldFen: Number(balance(escrow.escrowAccountId)),
    /** gross released to the payee side (net + retention + wages + fee) */
    releasedFen: Number(released),
    /** retention held now */
    retainedFen: Number(balance(escrow.retentionAccountId)),
    labourWageFen: Number(balance(escrow.labourAccountId)),
    bondRequiredFen: Number(escrow.bondRequiredFen),
    bondPostedFen: Number(bondPosted),
    /** 以保单替代现金保证金 the policy accepted in place of the cash bond, if any */
    bondPolicy: policy
      ? {
          policyId: policy.policyId,
          insurerOrgId: policy.insurerOrgId,
          insuredFen: Number(policy.insuredFen),
          acceptedAt: policy.acceptedAt.toISOString(),
        }
      : null,
    /** FUND-2 satisfied: no bond required, the cash bond posted in full, or a policy in its place */
    bondSatisfied: escrow.bondRequiredFen === 0n || bondPosted >= escrow.bondRequiredFen || Boolean(policy),
    frozen: escrow.frozen,
    frozenAt: escrow.frozenAt?.toISOString() ?? null,
    frozenReason: escrow.frozenReason,
    schedule: schedule.map((i) => presentScheduleItem(i)),
    expectedDeposits: expected.map((e) => ({
      purpose: e.purpose as 'escrow' | 'bond',
      milestoneId: e.milestoneId,
      amountFen: Number(e.amountFen),
      status: e.status as 'open' | 'matched',
    })),
    releases: releases.map(presentRelease),
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      amountFen: e.amountFen === null ? null : Number(e.amountFen),
      detail: e.detail,
    })),
  };
}

export type EscrowStatus = Awaited<ReturnType<typeof escrowStatus>>;

/** Whether the organisation is a party (payer or payee) of the contract's escrow; false when none exists. */
export async function isEscrowParty(ctx: Pick<AppContext, 'db'>, contractId: string, orgId: string) {
  const escrow = await repo.findEscrow(ctx.db, contractId);
  return Boolean(escrow && (escrow.payerOrgId === orgId || escrow.payeeOrgId === orgId));
}

export async function financeOverview(ctx: AppContext) {
  const [imports, cases, frozen, payouts] = await Promise.all([
    repo.recentImports(ctx.db, 20),
    repo.riskCases(ctx.db, undefined, 100),
    repo.frozenEscrows(ctx.db),
    repo.recentPayouts(ctx.db, 50),
  ]);
  const orgNames = new Map(
    (await getOrganisations(ctx, [...new Set(payouts.map((p) => p.orgId))])).map((o) => [o.id, o.name]),
  );
  return {
    payouts: payouts.map((p) => ({ ...presentPayout(p), orgId: p.orgId, orgName: orgNames.get(p.orgId) ?? '—' })),
    imports: imports.map((i) => {
      const { lines: _lines, ...rest } = presentImport(i);
      return rest;
    }),
    riskCases: cases.map((c) => ({
      id: c.id,
      contractId: c.contractId,
      kind: c.kind,
      milestoneId: c.milestoneId,
      detail: c.detail,
      status: c.status as 'open' | 'closed',
      openedAt: c.openedAt.toISOString(),
      closedAt: c.closedAt?.toISOString() ?? null,
    })),
    frozen: frozen.map((e) => ({
      contractId: e.contractId,
      payerOrgId: e.payerOrgId,
      payeeOrgId: e.payeeOrgId,
      frozenAt: e.frozenAt?.toISOString() ?? null,
      frozenReason: e.frozenReason,
    })),
  };
}

/**
 * 付款及时性 for the credit rating: per payer, the escrow schedule items due by `until` and those released by their
 * due date. (Wages paid from the wage account reach the rating through `wages.month_recorded`, ADR 0126.)
 */
export async function paymentFacts(ctx: Pick<AppContext, 'db'>, orgIds: readonly string[], until: Date) {
  const rows = await repo.paymentFacts(ctx.db, orgIds, shanghaiDate(until));
  return new Map(rows.map((r) => [r.org_id, { scheduleDue: Number(r.due), schedulePaidOnTime: Number(r.on_time) }]));
}

/**
 * 出款 payouts made since an instant, for the risk warnings: amount, beneficiary, and whether it is the first
 * payout of the organisation to that account (a new, unknown destination).
 */
export async function payoutsSince(ctx: Pick<AppContext, 'db'>, since: Date) {
  return (await repo.payoutsSince(ctx.db, since)).map((r) => ({
    id: r.id,
    orgId: r.org_id,
    amountFen: Number(r.amount_fen),
    beneficiaryName: r.beneficiary_name,
    beneficiaryAccount: r.beneficiary_account,
    status: r.status,
    createdAt: new Date(r.created_at),
    firstUseOfAccount: Number(r.earlier) === 0,
  }));
}

/**
 * 融资标的 what supply-chain finance may lend against (and bond insurance may cover) in the contracts the
 * organisation is paid under (or in one contract): the contract amount, the performance bond still to post, its
 * account and any policy in its place, and each milestone payment still scheduled (not yet released), with the
 * released total as payment history.
 */
export async function financeableAssets(
  ctx: Pick<AppContext, 'db'>,
  payeeOrgId: string,
  contractId?: string,
  tx?: DbOrTx,
) {
  const db = tx ?? ctx.db;
  const escrows = contractId
    ? [await repo.findEscrow(db, contractId)].filter((e): e is repo.EscrowRow => Boolean(e))
    : await repo.escrowsOfPayee(db, payeeOrgId);
  const out = [];
  for (const e of escrows.filter((row) => row.payeeOrgId === payeeOrgId)) {
    const [schedule, releases, accounts, policy] = await Promise.all([
      repo.scheduleOf(db, e.contractId),
      repo.releasesOf(db, e.contractId),
      accountsById(db, [e.bondAccountId]),
      repo.findBondPolicy(db, e.contractId),
    ]);
    out.push({
      contractId: e.contractId,
      payerOrgId: e.payerOrgId,
      contractAmountFen: e.contractAmountFen,
      frozen: e.frozen,
      bondAccountId: e.bondAccountId,
      bondRequiredFen: e.bondRequiredFen,
      bondPostedFen: accounts[0]?.posted ?? 0n,
      /** the 履约保证险 policy accepted in place of the cash bond (then no bond is due) */
      bondPolicyId: policy?.policyId ?? null,
      releases: releases.length,
      releasedFen: releases.reduce((s, r) => s + r.grossFen, 0n),
      scheduled: schedule
        .filter((i) => i.status === 'scheduled')
        .map((i) => ({ milestoneId: i.milestoneId, title: i.title, dueDate: i.dueDate, amountFen: i.amountFen })),
    });
  }
  return out;
}

export type FinanceableAsset = Awaited<ReturnType<typeof financeableAssets>>[number];

/**
 * 农民工工资 for the wage rule (FUND-5): per contract with an escrow (and so a wage account), the payouts from the
 * wage account instructed in [from, to) that did not fail. Contracts without an escrow are absent.
 */
export async function wagePayouts(ctx: Pick<AppContext, 'db'>, contractIds: readonly string[], from: Date, to: Date) {
  return new Map(
    (await repo.wagePayoutsBetween(ctx.db, contractIds, from, to)).map((r) => [
      r.contract_id,
      { payouts: Number(r.payouts), paidFen: Number(r.paid_fen) },
    ]),
  );
}
