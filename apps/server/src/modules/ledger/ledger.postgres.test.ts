import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArray } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openPostgres } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { accountsById, applyOps, ensureAccounts, type LedgerOp, verifyLedger } from './index';
import { ledgerTransfers } from './ledger.tables';

/**
 * PostgreSQL only (skipped without TEST_DATABASE_URL): real parallelism through several connection pools, and a
 * process killed with SIGKILL in the middle of a transfer load.
 */
const adminUrl = process.env.TEST_DATABASE_URL;
let url = '';
let name = '';
let pools: DatabaseHandle[] = [];

beforeAll(async () => {
  if (!adminUrl) return;
  name = `zh_ledger_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  url = u.toString();
  pools = await Promise.all([0, 1, 2].map(() => openPostgres(url, 6)));
  await (pools[0] as DatabaseHandle).migrate();
});

afterAll(async () => {
  if (!adminUrl) return;
  await Promise.all(pools.map((p) => p.close()));
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe.skipIf(!adminUrl)('ledger on PostgreSQL', () => {
  it('many parallel transfers on a few hot accounts: no lost update, repeats answered once, checker clean', async () => {
    const db = (pools[0] as DatabaseHandle).db;
    const run = newId();
    const specs = [
      { code: `hot:${run}:bank`, kind: 'bank_clearing' as const, floor: 'none' as const },
      ...[1, 2, 3, 4].map((i) => ({
        code: `hot:${run}:${i}`,
        kind: 'org_wallet' as const,
        floor: 'no_overdraft' as const,
      })),
    ];
    const byCode = await ensureAccounts(db, specs);
    const ids = specs.map((s) => (byCode.get(s.code) as { id: string }).id);
    const [bank, ...hot] = ids as [string, ...string[]];
    await applyOps(
      db,
      hot.map((id, i) => ({
        op: 'transfer',
        clientId: `${run}:seed:${i}`,
        debitAccountId: bank,
        creditAccountId: id,
        amount: 20_000n,
        code: 'seed',
      })),
    );

    // 400 requests: single transfers and two-leg batches touching three accounts in random order, some sent twice
    // at the same moment with the same client id; amounts large enough that floors sometimes refuse.
    const requests: LedgerOp[][] = [];
    let seed = 7;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return (seed >>> 8) % n;
    };
    for (let i = 0; i < 400; i++) {
      const a = hot[rand(4)] as string;
      let b = hot[rand(4)] as string;
      if (b === a) b = i % 4 === 0 ? bank : (hot[(hot.indexOf(a) + 1) % 4] as string);
      const leg = (k: number, from: string, to: string): LedgerOp => ({
        op: 'transfer',
        clientId: `${run}:${i}:${k}`,
        debitAccountId: from,
        creditAccountId: to,
        amount: BigInt(1 + rand(200)),
        code: 'load',
      });
      const c = hot.find((h) => h !== a && h !== b) as string;
      requests.push(i % 3 === 0 ? [leg(0, a, b), leg(1, c, a)] : [leg(0, a, b)]);
    }
    const sent = requests.flatMap((ops, i) => (i % 10 === 0 ? [ops, ops] : [ops]));
    const results = await Promise.allSettled(
      sent.map((ops, i) => applyOps((pools[i % pools.length] as DatabaseHandle).db, ops)),
    );
    const failures = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    // the only acceptable failure is a floor refusal; deadlocks must have been retried away
    for (const f of failures) expect(String(f.reason)).toContain('LEDGER_INSUFFICIENT_FUNDS');
    expect(failures.length).toBeLessThan(sent.length / 2);

    // expected balances from what was stored (each client id once), against the accounts' stored balances
    const stored = await db
      .select()
      .from(ledgerTransfers)
      .where(
        inArray(
          ledgerTransfers.clientId,
          requests.flat().map((o) => o.clientId),
        ),
      );
    const clientIds = new Set(stored.map((s) => s.clientId));
    expect(clientIds.size).toBe(stored.length);
    const expected = new Map(ids.map((id) => [id, 0n]));
    expected.set(bank, -80_000n);
    for (const id of hot) expected.set(id, 20_000n);
    for (const t of stored) {
      expected.set(t.debitAccountId, (expected.get(t.debitAccountId) as bigint) - t.amount);
      expected.set(t.creditAccountId, (expected.get(t.creditAccountId) as bigint) + t.amount);
    }
    for (const row of await accountsById(db, ids)) {
      expect(row.posted).toBe(expected.get(row.id));
      if (row.id !== bank) expect(row.posted).toBeGreaterThanOrEqual(0n);
    }
    // a pair sent twice at once either both succeeded with the same rows, or both failed
    for (let i = 0; i < sent.length - 1; i++) {
      const [x, y] = [results[i], results[i + 1]];
      if (sent[i] !== sent[i + 1] || !x || !y) continue;
      expect(x.status).toBe(y.status);
      if (x.status === 'fulfilled' && y.status === 'fulfilled')
        expect(y.value.map((r) => r.id)).toEqual(x.value.map((r) => r.id));
    }
    expect((await verifyLedger(db)).violations).toEqual([]);
  }, 120_000);

  it('kill -9 during a transfer load: every acknowledged transfer is there after restart, checker clean', async () => {
    const db = (pools[0] as DatabaseHandle).db;
    const run = newId();
    const acc = await ensureAccounts(db, [
      { code: `crash:${run}:bank`, kind: 'bank_clearing', floor: 'none' },
      { code: `crash:${run}:a`, kind: 'org_wallet', floor: 'no_overdraft' },
    ]);
    const [bank, a] = [...acc.values()].map((x) => x.id) as [string, string];
    const ackFile = join(mkdtempSync(join(tmpdir(), 'ledger-crash-')), 'acks.txt');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', new URL('./ledger.crash-child.ts', import.meta.url).pathname, url, ackFile, bank, a, run],
      { stdio: 'ignore' },
    );
    const acked = () => (existsSync(ackFile) ? readFileSync(ackFile, 'utf8').split('\n').filter(Boolean) : []);
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (acked().length >= 200) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 20);
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') {
          clearInterval(timer);
          reject(new Error(`load exited early (${code})`));
        }
      });
    });
    await new Promise((r) => child.once('exit', r).once('close', r));
    const acks = acked();

    // "restart": a fresh pool, as a restarted server would open
    const restarted = await openPostgres(url, 2);
    try {
      const present = new Set(
        (
          await restarted.db
            .select({ c: ledgerTransfers.clientId })
            .from(ledgerTransfers)
            .where(inArray(ledgerTransfers.clientId, acks))
        ).map((r) => r.c),
      );
      expect(acks.filter((c) => !present.has(c))).toEqual([]);
      expect((await verifyLedger(restarted.db)).violations).toEqual([]);
      const [row] = await accountsById(restarted.db, [a]);
      expect(row?.posted).toBeGreaterThanOrEqual(BigInt(acks.length));
      // the ledger takes transfers again after the restart
      await applyOps(restarted.db, [
        {
          op: 'transfer',
          clientId: `${run}:after`,
          debitAccountId: a,
          creditAccountId: bank,
          amount: 1n,
          code: 'after',
        },
      ]);
      expect((await verifyLedger(restarted.db)).violations).toEqual([]);
    } finally {
      await restarted.close();
    }
  }, 120_000);
});
