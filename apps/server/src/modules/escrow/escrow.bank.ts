import { createHash } from 'node:crypto';
import type { DbOrTx } from '../../infra/db/client';
import { type BreakerOptions, type BreakerRegistry, guard } from '../../infra/resilience/breaker';
import { recordSimulatedPayment, simulatedPayment } from './escrow.repository';

export type BankAnswer = { status: 'accepted'; bankReference: string } | { status: 'refused'; reason: string };

/**
 * 银行适配器 the bank interface: deposits arrive (by the deposit adapter or by statement import) and payouts leave
 * through it. The platform holds no bank connection yet; `SimulatedBank` is a local adapter that answers like a
 * bank would, and is labelled as such wherever it is used. A real bank (e.g. a 银企直连 host-to-host link) plugs in
 * by implementing this interface.
 */
export interface BankAdapter {
  readonly name: string;
  /** sends a payout; resolves with the bank's reference, or `refused` with a reason */
  pay(instruction: {
    instructionId: string;
    amountFen: bigint;
    beneficiaryName: string;
    beneficiaryAccount: string;
  }): Promise<BankAnswer>;
  /**
   * 查询指令结果 what became of an instruction the platform sent (by its instruction id, the platform's client id
   * at the bank); `unknown` when the bank never received it. Used to recover payouts left pending by a crash.
   */
  outcome(instructionId: string): Promise<BankAnswer | { status: 'unknown' }>;
  /** true while the adapter's circuit breaker refuses calls without trying them (ADR 0109) */
  refusing?(): boolean;
}

/**
 * The bank behind the `bank` breaker with a per-call timeout. A timeout or an open breaker throws
 * `DependencyUnavailable`; a `refused` answer is an answer, not a failure. Payouts whose call timed out stay
 * `pending` and the payout recovery asks the bank for their outcome (escrow.payouts.ts); `pending` counts them.
 */
export function guardBank(
  bank: BankAdapter,
  registry: BreakerRegistry,
  options: BreakerOptions,
  pending: () => Promise<number>,
): BankAdapter {
  // one breaker for both calls: they go to the same bank host, and an outage stops both
  const call = registry.add(
    guard('bank', (run: () => Promise<unknown>) => run(), options),
    pending,
  );
  return {
    name: bank.name,
    pay: (instruction) => call.call(() => bank.pay(instruction)) as Promise<BankAnswer>,
    outcome: (instructionId) =>
      call.call(() => bank.outcome(instructionId)) as Promise<BankAnswer | { status: 'unknown' }>,
    refusing: () => call.refusing(),
  };
}

/**
 * A local, simulated bank: accepts every well-formed instruction; refuses beneficiary accounts ending in 0000.
 * Like a real bank it remembers every instruction it received (in its own table, which outlives a crash of the
 * platform's process), answers a repeated instruction id with the first answer, and tells the outcome on request.
 */
export class SimulatedBank implements BankAdapter {
  readonly name = 'simulated-bank';
  constructor(
    private readonly db: DbOrTx,
    /** fault drills: answer every payout after this long, as a congested bank link would (SIMULATED_BANK_DELAY_MS) */
    private readonly delayMs = 0,
  ) {}

  async pay(instruction: { instructionId: string; amountFen: bigint; beneficiaryAccount: string }) {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const answer: BankAnswer = instruction.beneficiaryAccount.endsWith('0000')
      ? { status: 'refused', reason: 'beneficiary account closed (simulated)' }
      : {
          status: 'accepted',
          bankReference: `SIM${createHash('sha256').update(instruction.instructionId).digest('hex').slice(0, 16).toUpperCase()}`,
        };
    await recordSimulatedPayment(this.db, {
      instructionId: instruction.instructionId,
      status: answer.status,
      bankReference: answer.status === 'accepted' ? answer.bankReference : null,
      reason: answer.status === 'refused' ? answer.reason : null,
      amountFen: instruction.amountFen,
      receivedAt: new Date(),
    });
    return (await this.outcome(instruction.instructionId)) as BankAnswer;
  }

  async outcome(instructionId: string): Promise<BankAnswer | { status: 'unknown' }> {
    const row = await simulatedPayment(this.db, instructionId);
    if (!row) return { status: 'unknown' };
    return row.status === 'accepted'
      ? { status: 'accepted', bankReference: row.bankReference ?? '' }
      : { status: 'refused', reason: row.reason ?? '' };
  }
}

export interface StatementLine {
  lineNo: number;
  bankTxnId: string;
  valueDate: string;
  amountFen: bigint;
  payerName: string;
  memo: string;
}

const HEADER = ['交易流水号', '日期', '金额', '付款人', '摘要'];
const HEADER_EN = ['txn_id', 'date', 'amount', 'payer', 'memo'];

/**
 * Parses a bank statement CSV: header `交易流水号,日期,金额,付款人,摘要` (or `txn_id,date,amount,payer,memo`),
 * amounts in yuan with up to two decimals, credits positive. Debit lines (negative) are skipped. Returns the lines
 * and the numbers of lines it could not read, with why.
 */
export function parseStatementCsv(text: string): {
  lines: StatementLine[];
  invalid: { lineNo: number; reason: string }[];
} {
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvRow(rows[0] ?? '').map((h) => h.trim());
  if (!(header.join() === HEADER.join() || header.join().toLowerCase() === HEADER_EN.join()))
    throw new Error(`header must be ${HEADER.join(',')}`);
  const lines: StatementLine[] = [];
  const invalid: { lineNo: number; reason: string }[] = [];
  for (const [i, raw] of rows.slice(1).entries()) {
    const lineNo = i + 2;
    if (raw.trim() === '') continue;
    const [txn, date, amount, payer, memo] = splitCsvRow(raw).map((c) => c.trim());
    if (!txn || !date || !amount) {
      invalid.push({ lineNo, reason: 'missing field' });
      continue;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      invalid.push({ lineNo, reason: 'date must be YYYY-MM-DD' });
      continue;
    }
    const fen = yuanToFen(amount);
    if (fen === null) {
      invalid.push({ lineNo, reason: 'amount must be yuan with up to two decimals' });
      continue;
    }
    if (fen <= 0n) continue;
    lines.push({ lineNo, bankTxnId: txn, valueDate: date, amountFen: fen, payerName: payer ?? '', memo: memo ?? '' });
  }
  return { lines, invalid };
}

/** "1,234.5" → 123450n; null when not a plain decimal with at most two places. No floating point involved. */
export function yuanToFen(text: string): bigint | null {
  const clean = text.replace(/[,，\s]/g, '');
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(clean);
  if (!m) return null;
  const fen = BigInt(m[2] as string) * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] ? -fen : fen;
}

export function fenToYuan(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

function splitCsvRow(row: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const ch = row[i];
    if (quoted) {
      if (ch === '"' && row[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
