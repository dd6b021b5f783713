import type { Db, DbOrTx } from '../../infra/db/client';
import { DomainError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import { ledgerErrors } from './ledger.errors';
import * as repo from './ledger.repository';

export type { AccountRow, TransferRow } from './ledger.repository';

/** A transfer row as a step produced it; `repeated` when the client id had been seen before. */
export type AppliedTransfer = repo.TransferRow & { repeated: boolean };

/** Account kinds of the escrow ledger (FUND-1, FUND-2, FUND-4, FUND-5). */
export type AccountKind =
  | 'org_wallet'
  | 'contract_escrow'
  | 'contract_retention'
  | 'contract_bond'
  | 'labour_wage'
  | 'platform_fees'
  | 'risk_reserve'
  | 'bank_clearing'
  /** 放款账户 a FIN organisation's lending account: negative while its loans are out (money from outside the ledger) */
  | 'finance_lending'
  /**
   * 保险账户 a FIN organisation's insurance account: premiums in, claim payouts out; negative when it has paid more
   * than it collected (the insurer's capital, from outside the ledger)
   */
  | 'insurance_pool';

export type Floor = 'no_overdraft' | 'none';

export interface AccountSpec {
  code: string;
  kind: AccountKind;
  ownerOrgId?: string | null;
  contractId?: string | null;
  floor: Floor;
}

/** The platform's own accounts; `bank:clearing` stands for money outside the ledger (the bank), so it may be negative. */
export const SYSTEM_ACCOUNTS = {
  bankClearing: { code: 'bank:clearing', kind: 'bank_clearing', floor: 'none' },
  platformFees: { code: 'platform:fees', kind: 'platform_fees', floor: 'no_overdraft' },
  riskReserve: { code: 'platform:risk-reserve', kind: 'risk_reserve', floor: 'no_overdraft' },
} as const satisfies Record<string, AccountSpec>;

export const orgWallet = (orgId: string): AccountSpec => ({
  code: `org:${orgId}:wallet`,
  kind: 'org_wallet',
  ownerOrgId: orgId,
  floor: 'no_overdraft',
});

/** Creates the accounts that do not exist yet (idempotent) and returns all of them, keyed by code. */
export async function ensureAccounts(db: DbOrTx, specs: AccountSpec[]): Promise<Map<string, repo.AccountRow>> {
  const existing = await repo.accountsByCodes(
    db,
    specs.map((s) => s.code),
  );
  const have = new Set(existing.map((a) => a.code));
  for (const spec of specs) {
    if (have.has(spec.code)) continue;
    await repo.insertAccountIfMissing(db, {
      id: newId(),
      code: spec.code,
      kind: spec.kind,
      ownerOrgId: spec.ownerOrgId ?? null,
      contractId: spec.contractId ?? null,
      floor: spec.floor,
      createdAt: new Date(),
    });
  }
  const rows =
    have.size === specs.length
      ? existing
      : await repo.accountsByCodes(
          db,
          specs.map((s) => s.code),
        );
  return new Map(rows.map((r) => [r.code, r]));
}

export async function accountByCode(db: DbOrTx, code: string): Promise<repo.AccountRow> {
  const row = await repo.accountByCode(db, code);
  if (!row) throw ledgerErrors.raise('LEDGER_ACCOUNT_NOT_FOUND');
  return row;
}

export const findAccountByCode = (db: DbOrTx, code: string) => repo.accountByCode(db, code);
export const accountsOfOrg = (db: DbOrTx, orgId: string) => repo.accountsOfOrg(db, orgId);
export const transfersOfAccount = (db: DbOrTx, accountId: string, limit = 500) =>
  repo.transfersOfAccount(db, accountId, limit);
export const transfersOfContract = (db: DbOrTx, contractId: string) => repo.transfersOfContract(db, contractId);
export const accountsById = (db: DbOrTx, ids: string[]) => repo.accountsById(db, ids);

interface Tagging {
  /** a short machine code for what the money is for, e.g. `escrow.deposit` */
  code: string;
  contractId?: string | null;
  memo?: Record<string, string>;
}

/** One step of a ledger operation. Every step carries a client id: a repeat returns the first result. */
export type LedgerOp =
  | ({ op: 'transfer'; clientId: string; debitAccountId: string; creditAccountId: string; amount: bigint } & Tagging)
  | ({
      op: 'hold';
      clientId: string;
      debitAccountId: string;
      creditAccountId: string;
      amount: bigint;
      timeoutAt: Date;
    } & Tagging)
  /** posts a hold; `amount` omitted → the full held amount */
  | { op: 'post'; clientId: string; pendingId: string; amount?: bigint; memo?: Record<string, string> }
  | { op: 'void'; clientId: string; pendingId: string; memo?: Record<string, string> }
  | { op: 'expire'; clientId: string; pendingId: string }
  | { op: 'reverse'; clientId: string; transferId: string; memo?: Record<string, string> };

const KIND_OF_OP = {
  transfer: 'single',
  hold: 'pending',
  post: 'post_pending',
  void: 'void_pending',
  expire: 'expire_pending',
  reverse: 'reversal',
} as const;

/** The fields that make a repeat "the same request": compared against the stored row of that client id. */
function sameRequest(op: LedgerOp, row: repo.TransferRow): boolean {
  if (row.kind !== KIND_OF_OP[op.op]) return false;
  switch (op.op) {
    case 'transfer':
    case 'hold':
      return (
        row.debitAccountId === op.debitAccountId &&
        row.creditAccountId === op.creditAccountId &&
        row.amount === op.amount &&
        row.code === op.code &&
        (row.contractId ?? null) === (op.contractId ?? null) &&
        (op.op !== 'hold' || row.timeoutAt?.getTime() === op.timeoutAt.getTime())
      );
    case 'post':
      return row.pendingId === op.pendingId && (op.amount === undefined || row.amount === op.amount);
    case 'void':
    case 'expire':
      return row.pendingId === op.pendingId;
    case 'reverse':
      return row.reversesId === op.transferId;
  }
}

const RETRYABLE = new Set(['40P01', '40001', '23505']);

function pgCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code ?? e?.cause?.code;
}

/**
 * Runs `fn` in a transaction, retrying on deadlock (40P01), serialization failure (40001) and a client-id race
 * (23505, two requests with the same client id: the retry finds the first and returns it). Money-moving services
 * use this as their outer transaction.
 */
export async function ledgerTransaction<T>(db: Db, fn: (tx: DbOrTx) => Promise<T>, attempts = 12): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (error) {
      const code = pgCode(error);
      if (!code || !RETRYABLE.has(code)) throw error;
      if (attempt >= attempts) throw ledgerErrors.raise('LEDGER_BUSY');
      await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
    }
  }
}

type Balances = { posted: bigint; pendingDebits: bigint; pendingCredits: bigint };

/**
 * Applies the steps atomically inside `tx`: locks every account involved in id order, answers repeats from the
 * stored rows, checks floors after each step, then writes each account's balances once and inserts the rows.
 * Returns one transfer row per step, in order.
 */
export async function applyInTx(tx: DbOrTx, ops: LedgerOp[], now = new Date()): Promise<AppliedTransfer[]> {
  for (const op of ops) {
    if ((op.op === 'transfer' || op.op === 'hold') && op.debitAccountId === op.creditAccountId)
      throw ledgerErrors.raise('LEDGER_SAME_ACCOUNT');
    if (
      (op.op === 'transfer' || op.op === 'hold' || (op.op === 'post' && op.amount !== undefined)) &&
      !(op.amount! > 0n)
    )
      throw ledgerErrors.raise('LEDGER_AMOUNT_INVALID');
  }
  // 1. the transfers referred to (holds to resolve, transfers to reverse), to know their accounts
  const refIds = ops.flatMap((op) =>
    op.op === 'post' || op.op === 'void' || op.op === 'expire'
      ? [op.pendingId]
      : op.op === 'reverse'
        ? [op.transferId]
        : [],
  );
  const refs = new Map((await repo.transfersById(tx, refIds)).map((t) => [t.id, t]));
  const accountIds = new Set<string>();
  for (const op of ops) {
    if (op.op === 'transfer' || op.op === 'hold') {
      accountIds.add(op.debitAccountId);
      accountIds.add(op.creditAccountId);
    } else {
      const ref = refs.get(op.op === 'reverse' ? op.transferId : op.pendingId);
      if (ref) {
        accountIds.add(ref.debitAccountId);
        accountIds.add(ref.creditAccountId);
      }
    }
  }
  // 2. lock, in one fixed order
  const locked = await repo.lockAccounts(tx, [...accountIds]);
  const accounts = new Map(locked.map((a) => [a.id, a]));
  // 3. repeats (checked under the locks, so a concurrent first attempt has committed or not started)
  const existing = new Map(
    (
      await repo.transfersByClientIds(
        tx,
        ops.map((o) => o.clientId),
      )
    ).map((t) => [t.clientId, t]),
  );
  const followUps = await repo.followUpsOf(tx, refIds);
  const resolved = new Set(followUps.filter((f) => f.pendingId).map((f) => f.pendingId as string));
  const reversed = new Set(followUps.filter((f) => f.reversesId).map((f) => f.reversesId as string));

  const balances = new Map<string, Balances>(
    locked.map((a) => [a.id, { posted: a.posted, pendingDebits: a.pendingDebits, pendingCredits: a.pendingCredits }]),
  );
  const touched = new Set<string>();
  const results: AppliedTransfer[] = [];
  const inserts: repo.TransferRow[] = [];
  const seenClientIds = new Map<string, repo.TransferRow>();

  const account = (id: string) => {
    const a = accounts.get(id);
    const b = balances.get(id);
    if (!a || !b) throw ledgerErrors.raise('LEDGER_ACCOUNT_NOT_FOUND');
    return { a, b };
  };

  for (const op of ops) {
    const prior = existing.get(op.clientId) ?? seenClientIds.get(op.clientId);
    if (prior) {
      if (!sameRequest(op, prior)) throw ledgerErrors.raise('LEDGER_IDEMPOTENCY_CONFLICT', { clientId: op.clientId });
      results.push({ ...prior, repeated: true });
      continue;
    }
    const base = {
      id: newId(),
      clientId: op.clientId,
      kind: KIND_OF_OP[op.op] as string,
      pendingId: null as string | null,
      reversesId: null as string | null,
      timeoutAt: null as Date | null,
      createdAt: now,
    };
    let row: repo.TransferRow;
    if (op.op === 'transfer' || op.op === 'hold') {
      const d = account(op.debitAccountId);
      const c = account(op.creditAccountId);
      if (d.a.currency !== c.a.currency) throw ledgerErrors.raise('LEDGER_CURRENCY_MISMATCH');
      if (op.op === 'transfer') {
        d.b.posted -= op.amount;
        c.b.posted += op.amount;
      } else {
        d.b.pendingDebits += op.amount;
        c.b.pendingCredits += op.amount;
      }
      row = {
        ...base,
        debitAccountId: op.debitAccountId,
        creditAccountId: op.creditAccountId,
        amount: op.amount,
        timeoutAt: op.op === 'hold' ? op.timeoutAt : null,
        code: op.code,
        contractId: op.contractId ?? null,
        memo: op.memo ?? {},
      };
    } else if (op.op === 'reverse') {
      const original = refs.get(op.transferId);
      if (!original || (original.kind !== 'single' && original.kind !== 'post_pending') || reversed.has(original.id))
        throw ledgerErrors.raise('LEDGER_NOT_REVERSIBLE');
      reversed.add(original.id);
      const d = account(original.creditAccountId);
      const c = account(original.debitAccountId);
      d.b.posted -= original.amount;
      c.b.posted += original.amount;
      row = {
        ...base,
        debitAccountId: original.creditAccountId,
        creditAccountId: original.debitAccountId,
        amount: original.amount,
        reversesId: original.id,
        code: `${original.code}.reversal`,
        contractId: original.contractId,
        memo: op.memo ?? {},
      };
    } else {
      const hold = refs.get(op.pendingId);
      if (hold?.kind !== 'pending') throw ledgerErrors.raise('LEDGER_HOLD_NOT_FOUND');
      if (resolved.has(hold.id)) throw ledgerErrors.raise('LEDGER_HOLD_RESOLVED');
      if (op.op === 'expire' && (!hold.timeoutAt || hold.timeoutAt.getTime() > now.getTime()))
        throw ledgerErrors.raise('LEDGER_HOLD_NOT_EXPIRED');
      resolved.add(hold.id);
      const d = account(hold.debitAccountId);
      const c = account(hold.creditAccountId);
      d.b.pendingDebits -= hold.amount;
      c.b.pendingCredits -= hold.amount;
      let amount = hold.amount;
      if (op.op === 'post') {
        amount = op.amount ?? hold.amount;
        if (amount > hold.amount) throw ledgerErrors.raise('LEDGER_POST_EXCEEDS_HOLD');
        d.b.posted -= amount;
        c.b.posted += amount;
      }
      row = {
        ...base,
        debitAccountId: hold.debitAccountId,
        creditAccountId: hold.creditAccountId,
        amount,
        pendingId: hold.id,
        code: hold.code,
        contractId: hold.contractId,
        memo: op.op === 'expire' ? {} : (op.memo ?? {}),
      };
    }
    for (const id of [row.debitAccountId, row.creditAccountId]) {
      touched.add(id);
      const { a, b } = account(id);
      if (a.floor === 'no_overdraft' && b.posted - b.pendingDebits < 0n)
        throw ledgerErrors.raise('LEDGER_INSUFFICIENT_FUNDS', { account: a.code });
    }
    inserts.push(row);
    results.push({ ...row, repeated: false });
    seenClientIds.set(op.clientId, row);
  }
  for (const id of [...touched].sort()) {
    const b = balances.get(id) as Balances;
    await repo.writeBalances(tx, id, b);
  }
  await repo.insertTransfers(tx, inserts);
  return results;
}

/** Applies the steps in their own transaction (retried on deadlock), or inside the caller's `tx`. */
export async function applyOps(db: Db, ops: LedgerOp[], tx?: DbOrTx): Promise<AppliedTransfer[]> {
  if (tx) return applyInTx(tx, ops);
  return ledgerTransaction(db, (t) => applyInTx(t, ops));
}

/** Expires lapsed holds (the `ledger.expire-holds` job); returns how many were expired. */
export async function expireHolds(db: Db, now = new Date(), limit = 500): Promise<number> {
  const due = await repo.expiredHolds(db, now, limit);
  let count = 0;
  for (const hold of due) {
    try {
      await ledgerTransaction(db, (tx) =>
        applyInTx(tx, [{ op: 'expire', clientId: `expire:${hold.id}`, pendingId: hold.id }], now),
      );
      count++;
    } catch (error) {
      // posted or voided meanwhile: nothing to expire
      if (!(error instanceof DomainError && error.code === 'LEDGER_HOLD_RESOLVED')) throw error;
    }
  }
  return count;
}

export async function findTransferByClientId(db: DbOrTx, clientId: string): Promise<repo.TransferRow | undefined> {
  return (await repo.transfersByClientIds(db, [clientId]))[0];
}

export const openHoldsOf = (db: DbOrTx, accountId: string) => repo.openHoldsOf(db, accountId);

export interface LedgerVerification {
  ok: boolean;
  violations: string[];
  accounts: number;
  transfers: number;
}

/** The invariant checker behind `npm run ledger:verify`; names the first violation of each kind. */
export async function verifyLedger(db: DbOrTx): Promise<LedgerVerification> {
  const v = await repo.firstViolations(db);
  const violations: string[] = [];
  if (v.totals && BigInt(v.totals.posted) !== 0n)
    violations.push(`sum of all balances is ${v.totals.posted} fen, not 0`);
  if (v.totals && v.totals.pd !== v.totals.pc)
    violations.push(`held debits ${v.totals.pd} ≠ held credits ${v.totals.pc}`);
  if (v.balance)
    violations.push(
      `account ${v.balance.code}: balance ${v.balance.stored} ≠ sum of its posted transfers ${v.balance.computed}`,
    );
  if (v.pending)
    violations.push(
      `account ${v.pending.code}: held ${v.pending.stored_d}/${v.pending.stored_c} ≠ open holds ${v.pending.open_d}/${v.pending.open_c}`,
    );
  if (v.hold) violations.push(`transfer ${v.hold.client_id}: ${v.hold.problem}`);
  if (v.reversal) violations.push(`transfer ${v.reversal.client_id}: reversal does not mirror the original`);
  if (v.floor)
    violations.push(
      `account ${v.floor.code}: below its floor (balance ${v.floor.posted}, held ${v.floor.pending_debits})`,
    );
  if (v.orphan) violations.push(`transfer ${v.orphan.client_id}: names an account that does not exist`);
  return {
    ok: violations.length === 0,
    violations,
    accounts: Number(v.totals?.accounts ?? 0),
    transfers: v.transferCount,
  };
}

/** Lapsed holds are expired every five minutes. */
export function registerLedgerJobs(
  jobs: { schedule(name: string, cron: string, handler: () => Promise<void>): void },
  db: Db,
) {
  jobs.schedule('ledger.expire-holds', '*/5 * * * *', async () => {
    await expireHolds(db);
  });
}
