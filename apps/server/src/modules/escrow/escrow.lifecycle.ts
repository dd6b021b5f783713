import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { platformFeeInForce } from '../commission';
import {
  type AccountSpec,
  accountsById,
  applyInTx,
  ensureAccounts,
  findTransferByClientId,
  type LedgerOp,
  ledgerTransaction,
  orgWallet,
  SYSTEM_ACCOUNTS,
} from '../ledger';
import { fenToYuan } from './escrow.bank';
import { escrowErrors } from './escrow.errors';
import { presentRelease, presentScheduleItem } from './escrow.presenter';
import * as repo from './escrow.repository';

/** 风险准备金 FUND-4: 1% of settled volume, borne by the payer — paid from escrow on top of the gross release. */
export const RISK_RESERVE_BPS = 100n;

export type Fen = bigint | number;

export function fen(value: Fen, field: string): bigint {
  if (typeof value === 'number' && !Number.isSafeInteger(value))
    throw escrowErrors.raise('ESCROW_TERMS_INVALID', { detail: `${field} must be whole fen` });
  return BigInt(value);
}

/** Basis points of an amount, rounded half up to the fen. */
export function bps(amount: bigint, points: bigint): bigint {
  return (amount * points + 5000n) / 10000n;
}

const accountSpecs = (contractId: string, payeeOrgId: string): Record<string, AccountSpec> => ({
  escrow: { code: `contract:${contractId}:escrow`, kind: 'contract_escrow', contractId, floor: 'no_overdraft' },
  retention: {
    code: `contract:${contractId}:retention`,
    kind: 'contract_retention',
    contractId,
    floor: 'no_overdraft',
  },
  bond: { code: `contract:${contractId}:bond`, kind: 'contract_bond', contractId, floor: 'no_overdraft' },
  /** 农民工工资专用账户 the payee's wage account for this project */
  labour: {
    code: `contract:${contractId}:labour-wage`,
    kind: 'labour_wage',
    contractId,
    ownerOrgId: payeeOrgId,
    floor: 'no_overdraft',
  },
});

async function inTx<T>(ctx: AppContext, tx: DbOrTx | undefined, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return tx ? fn(tx) : ledgerTransaction(ctx.db, fn);
}

export async function event(
  tx: DbOrTx,
  contractId: string,
  kind: string,
  amountFen: bigint | null,
  detail: Record<string, string> = {},
) {
  await repo.insertEvent(tx, { id: newId(), contractId, kind, amountFen, detail, at: new Date() });
}

export async function requireEscrow(db: DbOrTx, contractId: string, lock = false): Promise<repo.EscrowRow> {
  const row = await repo.findEscrow(db, contractId, lock);
  if (!row) throw escrowErrors.raise('ESCROW_NOT_FOUND');
  return row;
}

export const bondReferenceOf = (depositReference: string) => `ZB${depositReference.slice(2)}`;

function newReference(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return `ZH${[...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

export interface OpenEscrowInput {
  contractId: string;
  payerOrgId: string;
  payeeOrgId: string;
  contractAmountFen: Fen;
  advanceRatioPct: number;
  retentionPct: number;
  labourSharePct: number;
  /** null when the contract carries no performance bond */
  bondPct: number | null;
}

/**
 * 开设资金监管 opens the contract's escrow, retention, bond and wage accounts (and the parties' wallets). FUND-2: an
 * advance ratio over 30% requires a bond of 5–10% of the contract amount, posted before work starts. Repeating
 * with the same terms returns the escrow; other terms are refused.
 */
export async function openContractEscrow(ctx: AppContext, input: OpenEscrowInput, tx?: DbOrTx) {
  const amount = fen(input.contractAmountFen, 'contractAmountFen');
  const pct = (v: number, name: string) => {
    if (!Number.isInteger(v) || v < 0 || v > 100)
      throw escrowErrors.raise('ESCROW_TERMS_INVALID', { detail: `${name} 0–100` });
  };
  if (amount <= 0n) throw escrowErrors.raise('ESCROW_TERMS_INVALID', { detail: 'contractAmountFen > 0' });
  if (input.payerOrgId === input.payeeOrgId)
    throw escrowErrors.raise('ESCROW_TERMS_INVALID', { detail: 'payer ≠ payee' });
  pct(input.advanceRatioPct, 'advanceRatioPct');
  pct(input.retentionPct, 'retentionPct');
  pct(input.labourSharePct, 'labourSharePct');
  if (input.bondPct !== null && (!Number.isInteger(input.bondPct) || input.bondPct < 5 || input.bondPct > 10))
    throw escrowErrors.raise('ESCROW_BOND_REQUIRED_FOR_ADVANCE');
  if (input.advanceRatioPct > 30 && input.bondPct === null)
    throw escrowErrors.raise('ESCROW_BOND_REQUIRED_FOR_ADVANCE');
  const bondRequiredFen = input.bondPct === null ? 0n : (amount * BigInt(input.bondPct) + 50n) / 100n;

  return inTx(ctx, tx, async (t) => {
    const specs = accountSpecs(input.contractId, input.payeeOrgId);
    const accounts = await ensureAccounts(t, [
      ...Object.values(specs),
      orgWallet(input.payerOrgId),
      orgWallet(input.payeeOrgId),
      SYSTEM_ACCOUNTS.bankClearing,
      SYSTEM_ACCOUNTS.platformFees,
      SYSTEM_ACCOUNTS.riskReserve,
    ]);
    const id = (key: keyof typeof specs) => (accounts.get(specs[key]?.code as string) as { id: string }).id;
    const row = {
      contractId: input.contractId,
      payerOrgId: input.payerOrgId,
      payeeOrgId: input.payeeOrgId,
      contractAmountFen: amount,
      advanceRatioPct: input.advanceRatioPct,
      retentionPct: input.retentionPct,
      labourSharePct: input.labourSharePct,
      bondPct: input.bondPct,
      bondRequiredFen,
      depositReference: newReference(),
      escrowAccountId: id('escrow'),
      retentionAccountId: id('retention'),
      bondAccountId: id('bond'),
      labourAccountId: id('labour'),
      createdAt: new Date(),
    };
    if (!(await repo.insertEscrow(t, row))) {
      const existing = await requireEscrow(t, input.contractId);
      const same =
        existing.payerOrgId === row.payerOrgId &&
        existing.payeeOrgId === row.payeeOrgId &&
        existing.contractAmountFen === row.contractAmountFen &&
        existing.advanceRatioPct === row.advanceRatioPct &&
        existing.retentionPct === row.retentionPct &&
        existing.labourSharePct === row.labourSharePct &&
        existing.bondPct === row.bondPct;
      if (!same) throw escrowErrors.raise('ESCROW_EXISTS');
      return presentOpened(existing);
    }
    await event(t, input.contractId, 'opened', amount, { reference: row.depositReference });
    if (bondRequiredFen > 0n) {
      await repo.insertExpected(t, {
        id: newId(),
        contractId: input.contractId,
        purpose: 'bond',
        milestoneId: null,
        amountFen: bondRequiredFen,
        status: 'open',
        matchedLineId: null,
        createdAt: new Date(),
      });
    }
    return presentOpened(row);
  });
}

function presentOpened(row: Pick<repo.EscrowRow, 'contractId' | 'depositReference' | 'bondRequiredFen'>) {
  return {
    contractId: row.contractId,
    depositReference: row.depositReference,
    bondReference: bondReferenceOf(row.depositReference),
    bondRequiredFen: Number(row.bondRequiredFen),
  };
}

async function availableFen(db: DbOrTx, accountId: string): Promise<bigint> {
  const [a] = await accountsById(db, [accountId]);
  return a ? a.posted - a.pendingDebits : 0n;
}

/**
 * FUND-2: work may start only once a required performance bond is fully posted, or a 履约保证险 policy insuring at
 * least the bond was accepted in its place (以保单替代现金保证金).
 */
export async function assertWorkMayStart(ctx: Pick<AppContext, 'db'>, contractId: string): Promise<void> {
  const escrow = await requireEscrow(ctx.db, contractId);
  if (escrow.bondRequiredFen === 0n) return;
  if (await repo.findBondPolicy(ctx.db, contractId)) return;
  const posted = await availableFen(ctx.db, escrow.bondAccountId);
  if (posted < escrow.bondRequiredFen)
    throw escrowErrors.raise('ESCROW_BOND_NOT_POSTED', {
      required: fenToYuan(escrow.bondRequiredFen),
      posted: fenToYuan(posted),
    });
}

export interface BondPolicyInput {
  contractId: string;
  /** the organisation that bought the policy: it must be the payee, who owes the bond */
  holderOrgId: string;
  policyId: string;
  insurerOrgId: string;
  insuredFen: bigint;
}

/**
 * 以保单替代现金保证金 accepts a 履约保证险 policy in place of the cash bond, inside the caller's transaction (the one
 * that takes the premium): the payee's bond must still be due (required, not fully posted, not covered yet) and the
 * policy must insure at least the required bond. From then on the bond rule is satisfied.
 */
export async function acceptBondPolicy(tx: DbOrTx, input: BondPolicyInput, now = new Date()) {
  const escrow = await requireEscrow(tx, input.contractId, true);
  if (escrow.payeeOrgId !== input.holderOrgId) throw escrowErrors.raise('ESCROW_NOT_FOUND');
  const posted = await availableFen(tx, escrow.bondAccountId);
  if (
    escrow.bondRequiredFen === 0n ||
    posted >= escrow.bondRequiredFen ||
    (await repo.findBondPolicy(tx, escrow.contractId))
  )
    throw escrowErrors.raise('ESCROW_BOND_NOT_DUE');
  if (input.insuredFen < escrow.bondRequiredFen)
    throw escrowErrors.raise('ESCROW_BOND_POLICY_TOO_SMALL', {
      insured: fenToYuan(input.insuredFen),
      required: fenToYuan(escrow.bondRequiredFen),
    });
  const row = {
    contractId: input.contractId,
    policyId: input.policyId,
    insurerOrgId: input.insurerOrgId,
    insuredFen: input.insuredFen,
    acceptedAt: now,
  };
  if (!(await repo.insertBondPolicy(tx, row))) throw escrowErrors.raise('ESCROW_BOND_NOT_DUE');
  await event(tx, input.contractId, 'bond_insured', input.insuredFen, { policyId: input.policyId });
  return row;
}

export interface ScheduleInput {
  contractId: string;
  items: { milestoneId: string; title: string; dueDate: string; amountFen: Fen }[];
}

/**
 * 付款计划 sets the milestones' payment dates and amounts. Items already paid keep their terms; unpaid items are
 * replaced. Each unpaid item expects a deposit of its amount plus the 1% risk reserve the payer bears.
 */
export async function setPaymentSchedule(ctx: AppContext, input: ScheduleInput, tx?: DbOrTx) {
  const ids = new Set<string>();
  for (const item of input.items) {
    if (!item.milestoneId || ids.has(item.milestoneId))
      throw escrowErrors.raise('ESCROW_SCHEDULE_INVALID', { detail: `milestone ${item.milestoneId} twice or empty` });
    ids.add(item.milestoneId);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(item.dueDate) || Number.isNaN(Date.parse(item.dueDate)))
      throw escrowErrors.raise('ESCROW_SCHEDULE_INVALID', { detail: `dueDate ${item.dueDate}` });
    if (fen(item.amountFen, 'amountFen') <= 0n)
      throw escrowErrors.raise('ESCROW_SCHEDULE_INVALID', { detail: 'amountFen > 0' });
  }
  return inTx(ctx, tx, async (t) => {
    await requireEscrow(t, input.contractId, true);
    for (const item of input.items) {
      await repo.upsertScheduleItem(t, {
        contractId: input.contractId,
        milestoneId: item.milestoneId,
        title: item.title,
        dueDate: item.dueDate,
        amountFen: BigInt(item.amountFen),
        status: 'scheduled',
      });
    }
    await repo.deleteScheduledItems(t, input.contractId, [...ids]);
    await repo.deleteOpenExpected(t, input.contractId, 'escrow');
    const matched = new Set(
      (await repo.expectedOf(t, input.contractId)).filter((e) => e.status === 'matched').map((e) => e.milestoneId),
    );
    const schedule = await repo.scheduleOf(t, input.contractId);
    for (const item of schedule) {
      if (item.status !== 'scheduled' || matched.has(item.milestoneId)) continue;
      await repo.insertExpected(t, {
        id: newId(),
        contractId: input.contractId,
        purpose: 'escrow',
        milestoneId: item.milestoneId,
        amountFen: item.amountFen + bps(item.amountFen, RISK_RESERVE_BPS),
        status: 'open',
        matchedLineId: null,
        createdAt: new Date(),
      });
    }
    await event(t, input.contractId, 'schedule_set', null, { items: String(schedule.length) });
    return schedule.map((i) => presentScheduleItem(i));
  });
}

export async function deposit(
  ctx: AppContext,
  tx: DbOrTx,
  escrow: repo.EscrowRow,
  purpose: 'escrow' | 'bond',
  input: { amountFen: bigint; reference: string; clientId: string },
) {
  const [bank] = [...(await ensureAccounts(tx, [SYSTEM_ACCOUNTS.bankClearing])).values()];
  const [row] = await applyInTx(tx, [
    {
      op: 'transfer',
      clientId: input.clientId,
      debitAccountId: (bank as { id: string }).id,
      creditAccountId: purpose === 'escrow' ? escrow.escrowAccountId : escrow.bondAccountId,
      amount: input.amountFen,
      code: purpose === 'escrow' ? 'escrow.deposit' : 'escrow.bond',
      contractId: escrow.contractId,
      memo: { reference: input.reference },
    },
  ]);
  if (row && !row.repeated)
    await event(tx, escrow.contractId, purpose === 'escrow' ? 'funded' : 'bond_posted', input.amountFen, {
      reference: input.reference,
    });
  void ctx;
  return row;
}

/** 入金 money into the contract's escrow through the deposit adapter (a bank credit already confirmed). */
export async function fundEscrowByDeposit(
  ctx: AppContext,
  input: { contractId: string; amountFen: Fen; reference: string; clientId: string },
  tx?: DbOrTx,
) {
  const amountFen = fen(input.amountFen, 'amountFen');
  return inTx(ctx, tx, async (t) => {
    const escrow = await requireEscrow(t, input.contractId);
    const row = await deposit(ctx, t, escrow, 'escrow', { ...input, amountFen });
    return { transferId: row?.id as string, amountFen: Number(amountFen), repeated: row?.repeated ?? false };
  });
}

/** 履约保证金 the payee posts the bond (FUND-2) through the deposit adapter. */
export async function postBondByDeposit(
  ctx: AppContext,
  input: { contractId: string; amountFen: Fen; reference: string; clientId: string },
  tx?: DbOrTx,
) {
  const amountFen = fen(input.amountFen, 'amountFen');
  return inTx(ctx, tx, async (t) => {
    const escrow = await requireEscrow(t, input.contractId);
    const row = await deposit(ctx, t, escrow, 'bond', { ...input, amountFen });
    return { transferId: row?.id as string, amountFen: Number(amountFen), repeated: row?.repeated ?? false };
  });
}

export interface ReleaseInput {
  contractId: string;
  milestoneId: string;
  settlementId: string;
  clientId: string;
  grossFen: Fen;
  retentionFen: Fen;
  labourFen: Fen;
}

/**
 * 结算放款 an approved settlement releases the milestone from escrow, in one transaction:
 * retention → the contract's retention account; labour cost → the payee's wage account (农民工工资专用账户);
 * platform fee (the rate of the `platform_fee` policy in force, 0.2% at launch, borne by the payee) → platform fees; the rest → the payee's wallet; and 1% of gross
 * → the risk reserve, paid from escrow on top of the gross (borne by the payer). Refused when frozen or when the
 * escrow holds less than gross + reserve. Marks the schedule item paid. A repeat with the same client id and
 * amounts returns the first release.
 */
export async function releaseMilestone(ctx: AppContext, input: ReleaseInput, tx?: DbOrTx) {
  const gross = fen(input.grossFen, 'grossFen');
  const retention = fen(input.retentionFen, 'retentionFen');
  const labour = fen(input.labourFen, 'labourFen');
  if (gross <= 0n || retention < 0n || labour < 0n)
    throw escrowErrors.raise('ESCROW_RELEASE_INVALID', { detail: 'gross > 0, retention ≥ 0, labour ≥ 0' });
  const reserve = bps(gross, RISK_RESERVE_BPS);

  return inTx(ctx, tx, async (t) => {
    const prior = await repo.releaseByClientId(t, input.clientId);
    if (prior) {
      const same =
        prior.contractId === input.contractId &&
        prior.milestoneId === input.milestoneId &&
        prior.settlementId === input.settlementId &&
        prior.grossFen === gross &&
        prior.retentionFen === retention &&
        prior.labourFen === labour;
      if (!same) throw escrowErrors.raise('ESCROW_RELEASE_CONFLICT');
      return presentRelease(prior);
    }
    // the fee rate is the policy version in force now, read in this transaction (issue 12 item 13)
    const feePolicy = await platformFeeInForce(t);
    const fee = bps(gross, BigInt(feePolicy.rateBp));
    const net = gross - retention - labour - fee;
    if (net < 0n) throw escrowErrors.raise('ESCROW_RELEASE_INVALID', { detail: 'retention + labour + fee > gross' });
    // the escrow row lock orders releases and freezes of one contract
    const escrow = await requireEscrow(t, input.contractId, true);
    if (escrow.frozen) throw escrowErrors.raise('ESCROW_FROZEN');
    const item = (await repo.scheduleOf(t, input.contractId)).find((i) => i.milestoneId === input.milestoneId);
    if (!item) throw escrowErrors.raise('ESCROW_MILESTONE_NOT_SCHEDULED');
    if (item.status !== 'scheduled') throw escrowErrors.raise('ESCROW_MILESTONE_PAID');
    const available = await availableFen(t, escrow.escrowAccountId);
    if (available < gross + reserve)
      throw escrowErrors.raise('ESCROW_UNDERFUNDED', {
        needed: fenToYuan(gross + reserve),
        available: fenToYuan(available),
      });
    const system = await ensureAccounts(t, [
      SYSTEM_ACCOUNTS.platformFees,
      SYSTEM_ACCOUNTS.riskReserve,
      orgWallet(escrow.payeeOrgId),
    ]);
    const idOf = (code: string) => (system.get(code) as { id: string }).id;
    const releaseId = newId();
    const memo = {
      milestoneId: input.milestoneId,
      settlementId: input.settlementId,
      releaseId,
      feePolicy: `${feePolicy.policyId}@${feePolicy.version}`,
    };
    const legs: [string, string, bigint][] = [
      ['net', idOf(orgWallet(escrow.payeeOrgId).code), net],
      ['retention', escrow.retentionAccountId, retention],
      ['labour', escrow.labourAccountId, labour],
      ['fee', idOf(SYSTEM_ACCOUNTS.platformFees.code), fee],
      ['reserve', idOf(SYSTEM_ACCOUNTS.riskReserve.code), reserve],
    ];
    const ops: LedgerOp[] = legs
      .filter(([, , amount]) => amount > 0n)
      .map(([leg, creditAccountId, amount]) => ({
        op: 'transfer' as const,
        clientId: `${input.clientId}:${leg}`,
        debitAccountId: escrow.escrowAccountId,
        creditAccountId,
        amount,
        code: `escrow.release.${leg}`,
        contractId: input.contractId,
        memo,
      }));
    await applyInTx(t, ops);
    const row: repo.ReleaseRow = {
      id: releaseId,
      clientId: input.clientId,
      contractId: input.contractId,
      milestoneId: input.milestoneId,
      settlementId: input.settlementId,
      grossFen: gross,
      retentionFen: retention,
      labourFen: labour,
      feeFen: fee,
      reserveFen: reserve,
      netFen: net,
      createdAt: new Date(),
    };
    await repo.insertRelease(t, row);
    if (!(await repo.markPaid(t, input.contractId, input.milestoneId, input.settlementId, row.createdAt)))
      throw escrowErrors.raise('ESCROW_MILESTONE_PAID');
    await event(t, input.contractId, 'released', gross, {
      milestoneId: input.milestoneId,
      net: String(net),
      retention: String(retention),
      labour: String(labour),
      fee: String(fee),
      reserve: String(reserve),
    });
    await ctx.events.publish(
      t,
      'escrow.milestone_released',
      {
        releaseId,
        contractId: input.contractId,
        milestoneId: input.milestoneId,
        settlementId: input.settlementId,
        payerOrgId: escrow.payerOrgId,
        payeeOrgId: escrow.payeeOrgId,
        grossFen: Number(gross),
        netFen: Number(net),
        retentionFen: Number(retention),
        labourFen: Number(labour),
        feeFen: Number(fee),
        feePolicy: memo.feePolicy,
        dueDate: item.dueDate,
        releasedAt: row.createdAt.toISOString(),
      },
      row.createdAt,
    );
    return presentRelease(row);
  });
}

/** 质保金返还 pays the retention held for the contract (or part of it) to the payee's wallet. */
export async function releaseRetention(
  ctx: AppContext,
  input: { contractId: string; clientId: string; amountFen?: Fen },
  tx?: DbOrTx,
) {
  return inTx(ctx, tx, async (t) => {
    const escrow = await requireEscrow(t, input.contractId, true);
    const prior = await findTransferByClientId(t, input.clientId);
    if (prior && prior.code === 'escrow.retention-release' && prior.contractId === input.contractId)
      return { transferId: prior.id, amountFen: Number(prior.amount) };
    if (escrow.frozen) throw escrowErrors.raise('ESCROW_FROZEN');
    const amount =
      input.amountFen === undefined
        ? await availableFen(t, escrow.retentionAccountId)
        : fen(input.amountFen, 'amountFen');
    if (amount <= 0n) throw escrowErrors.raise('ESCROW_RELEASE_INVALID', { detail: 'nothing retained' });
    const wallet = [...(await ensureAccounts(t, [orgWallet(escrow.payeeOrgId)])).values()][0] as { id: string };
    const [row] = await applyInTx(t, [
      {
        op: 'transfer',
        clientId: input.clientId,
        debitAccountId: escrow.retentionAccountId,
        creditAccountId: wallet.id,
        amount,
        code: 'escrow.retention-release',
        contractId: input.contractId,
      },
    ]);
    if (row && !row.repeated) await event(t, input.contractId, 'retention_released', amount);
    return { transferId: row?.id as string, amountFen: Number(amount) };
  });
}
