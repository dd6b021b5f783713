import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../infra/db/client';
import { DomainError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import { createTestDatabase } from '../../test/test-db';
import {
  type AppliedTransfer,
  accountsById,
  applyOps,
  ensureAccounts,
  expireHolds,
  type LedgerOp,
  ledgerTransaction,
  verifyLedger,
} from './index';

/**
 * Property tests of the ledger invariants over random operation sequences: transfers, holds posted in full or in
 * part, voided or expired, reversals, repeats with the same client id and with different fields. An in-memory
 * model predicts each outcome (success or the exact error code) and the balances; the checker must stay clean.
 * Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const account = fc.nat(4);
const amount = fc.integer({ min: 1, max: 1000 });
const opArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('transfer' as const), from: account, to: account, amount }) },
  {
    weight: 3,
    arbitrary: fc.record({ t: fc.constant('hold' as const), from: account, to: account, amount, lapsed: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('post' as const), hold: fc.nat(50), part: fc.integer({ min: 1, max: 100 }) }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('void' as const), hold: fc.nat(50) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('expire' as const) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('reverse' as const), transfer: fc.nat(50) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('repeat' as const), idx: fc.nat(50) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('conflict' as const), idx: fc.nat(50) }) },
);

async function outcome(p: Promise<AppliedTransfer[]>): Promise<{ rows?: AppliedTransfer[]; code?: string }> {
  try {
    return { rows: await p };
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code };
    throw error;
  }
}

describe('ledger invariants (property-based)', () => {
  it('random operation sequences keep balances, holds and the checker consistent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 30 }), async (ops) => {
        const run = newId();
        // account 0 is an external clearing account (no floor); 1–4 may not go below zero
        const specs = [0, 1, 2, 3, 4].map((i) => ({
          code: `test:${run}:${i}`,
          kind: i === 0 ? ('bank_clearing' as const) : ('org_wallet' as const),
          floor: i === 0 ? ('none' as const) : ('no_overdraft' as const),
        }));
        const byCode = await ensureAccounts(database.db, specs);
        const ids = specs.map((s) => (byCode.get(s.code) as { id: string }).id);
        const floored = (i: number) => i !== 0;
        const bal = [0n, 0n, 0n, 0n, 0n];
        const pd = [0n, 0n, 0n, 0n, 0n];
        const pc = [0n, 0n, 0n, 0n, 0n];
        const avail = (i: number) => (bal[i] as bigint) - (pd[i] as bigint);
        const holds: { id: string; from: number; to: number; amount: bigint; lapsed: boolean; open: boolean }[] = [];
        const posted: { id: string; from: number; to: number; amount: bigint; reversed: boolean }[] = [];
        const applied: { op: LedgerOp; id: string }[] = [];
        let n = 0;
        const cid = () => `${run}:${n++}`;

        for (const op of ops) {
          if (op.t === 'transfer' || op.t === 'hold') {
            const a = BigInt(op.amount);
            const ledgerOp: LedgerOp =
              op.t === 'transfer'
                ? {
                    op: 'transfer',
                    clientId: cid(),
                    debitAccountId: ids[op.from] as string,
                    creditAccountId: ids[op.to] as string,
                    amount: a,
                    code: 'test',
                  }
                : {
                    op: 'hold',
                    clientId: cid(),
                    debitAccountId: ids[op.from] as string,
                    creditAccountId: ids[op.to] as string,
                    amount: a,
                    code: 'test',
                    timeoutAt: new Date(Date.now() + (op.lapsed ? -3_600_000 : 3_600_000)),
                  };
            const r = await outcome(applyOps(database.db, [ledgerOp]));
            if (op.from === op.to) expect(r.code).toBe('LEDGER_SAME_ACCOUNT');
            else if (floored(op.from) && avail(op.from) < a) expect(r.code).toBe('LEDGER_INSUFFICIENT_FUNDS');
            else {
              expect(r.code).toBeUndefined();
              const row = r.rows?.[0] as AppliedTransfer;
              applied.push({ op: ledgerOp, id: row.id });
              if (op.t === 'transfer') {
                bal[op.from] = (bal[op.from] as bigint) - a;
                bal[op.to] = (bal[op.to] as bigint) + a;
                posted.push({ id: row.id, from: op.from, to: op.to, amount: a, reversed: false });
              } else {
                pd[op.from] = (pd[op.from] as bigint) + a;
                pc[op.to] = (pc[op.to] as bigint) + a;
                holds.push({ id: row.id, from: op.from, to: op.to, amount: a, lapsed: op.lapsed, open: true });
              }
            }
          } else if (op.t === 'post' || op.t === 'void') {
            const h = holds[op.hold % Math.max(1, holds.length)];
            if (!h) continue;
            const part = op.t === 'post' ? (h.amount * BigInt(op.part)) / 100n || 1n : 0n;
            const ledgerOp: LedgerOp =
              op.t === 'post'
                ? { op: 'post', clientId: cid(), pendingId: h.id, amount: part }
                : { op: 'void', clientId: cid(), pendingId: h.id };
            const r = await outcome(applyOps(database.db, [ledgerOp]));
            if (!h.open) {
              expect(r.code).toBe('LEDGER_HOLD_RESOLVED');
              continue;
            }
            expect(r.code).toBeUndefined();
            const row = r.rows?.[0] as AppliedTransfer;
            applied.push({ op: ledgerOp, id: row.id });
            h.open = false;
            pd[h.from] = (pd[h.from] as bigint) - h.amount;
            pc[h.to] = (pc[h.to] as bigint) - h.amount;
            if (op.t === 'post') {
              bal[h.from] = (bal[h.from] as bigint) - part;
              bal[h.to] = (bal[h.to] as bigint) + part;
              posted.push({ id: row.id, from: h.from, to: h.to, amount: part, reversed: false });
            }
          } else if (op.t === 'expire') {
            await expireHolds(database.db);
            for (const h of holds) {
              if (h.open && h.lapsed) {
                h.open = false;
                pd[h.from] = (pd[h.from] as bigint) - h.amount;
                pc[h.to] = (pc[h.to] as bigint) - h.amount;
              }
            }
          } else if (op.t === 'reverse') {
            const p = posted[op.transfer % Math.max(1, posted.length)];
            if (!p) continue;
            const ledgerOp: LedgerOp = { op: 'reverse', clientId: cid(), transferId: p.id };
            const r = await outcome(applyOps(database.db, [ledgerOp]));
            if (p.reversed) expect(r.code).toBe('LEDGER_NOT_REVERSIBLE');
            else if (floored(p.to) && avail(p.to) < p.amount) expect(r.code).toBe('LEDGER_INSUFFICIENT_FUNDS');
            else {
              expect(r.code).toBeUndefined();
              applied.push({ op: ledgerOp, id: r.rows?.[0]?.id as string });
              p.reversed = true;
              bal[p.to] = (bal[p.to] as bigint) - p.amount;
              bal[p.from] = (bal[p.from] as bigint) + p.amount;
            }
          } else if (op.t === 'repeat') {
            const prior = applied[op.idx % Math.max(1, applied.length)];
            if (!prior) continue;
            const r = await outcome(applyOps(database.db, [prior.op]));
            expect(r.code).toBeUndefined();
            expect(r.rows?.[0]?.id).toBe(prior.id);
            expect(r.rows?.[0]?.repeated).toBe(true);
          } else {
            const prior = applied.filter((a) => a.op.op === 'transfer' || a.op.op === 'hold')[
              op.idx % Math.max(1, applied.length)
            ];
            if (!prior || (prior.op.op !== 'transfer' && prior.op.op !== 'hold')) continue;
            const r = await outcome(applyOps(database.db, [{ ...prior.op, amount: prior.op.amount + 1n }]));
            expect(r.code).toBe('LEDGER_IDEMPOTENCY_CONFLICT');
          }
        }
        const rows = new Map((await accountsById(database.db, ids)).map((a) => [a.id, a]));
        ids.forEach((id, i) => {
          expect(rows.get(id)?.posted).toBe(bal[i]);
          expect(rows.get(id)?.pendingDebits).toBe(pd[i]);
          expect(rows.get(id)?.pendingCredits).toBe(pc[i]);
        });
        const verified = await verifyLedger(database.db);
        expect(verified.violations).toEqual([]);
      }),
      { numRuns: process.env.TEST_DATABASE_URL ? 40 : 25 },
    );
  });

  it('a batch is atomic: when one step fails, none is applied', async () => {
    const run = newId();
    const acc = await ensureAccounts(database.db, [
      { code: `batch:${run}:bank`, kind: 'bank_clearing', floor: 'none' },
      { code: `batch:${run}:a`, kind: 'org_wallet', floor: 'no_overdraft' },
    ]);
    const [bank, a] = [...acc.values()].map((x) => x.id) as [string, string];
    const result = await outcome(
      applyOps(database.db, [
        { op: 'transfer', clientId: `${run}:1`, debitAccountId: bank, creditAccountId: a, amount: 100n, code: 't' },
        { op: 'transfer', clientId: `${run}:2`, debitAccountId: a, creditAccountId: bank, amount: 101n, code: 't' },
      ]),
    );
    expect(result.code).toBe('LEDGER_INSUFFICIENT_FUNDS');
    const [row] = await accountsById(database.db, [a]);
    expect(row?.posted).toBe(0n);
  });

  it('retries a transaction that lost a deadlock, and gives up with LEDGER_BUSY after its attempts', async () => {
    let calls = 0;
    const value = await ledgerTransaction(database.db, async () => {
      calls++;
      if (calls < 3) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      return 'done';
    });
    expect([value, calls]).toEqual(['done', 3]);
    await expect(
      ledgerTransaction(
        database.db,
        async () => {
          throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
        },
        2,
      ),
    ).rejects.toThrow('LEDGER_BUSY');
  });

  it('posted transfers cannot be updated or deleted, even by direct SQL', async () => {
    const run = newId();
    const acc = await ensureAccounts(database.db, [
      { code: `imm:${run}:bank`, kind: 'bank_clearing', floor: 'none' },
      { code: `imm:${run}:a`, kind: 'org_wallet', floor: 'no_overdraft' },
    ]);
    const [bank, a] = [...acc.values()].map((x) => x.id) as [string, string];
    const [row] = await applyOps(database.db, [
      { op: 'transfer', clientId: `${run}:1`, debitAccountId: bank, creditAccountId: a, amount: 5n, code: 't' },
    ]);
    const { sql } = await import('drizzle-orm');
    await expect(
      database.db.execute(sql`update ledger_transfers set amount = 6 where id = ${row?.id}`),
    ).rejects.toThrow();
    await expect(database.db.execute(sql`delete from ledger_transfers where id = ${row?.id}`)).rejects.toThrow();
  });
});
