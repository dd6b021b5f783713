/**
 * Ledger benchmark (FUND-1): transfers per second and commit latency (p50/p99) of `applyOps`, the path every
 * escrow deposit, release and payout takes — lock the accounts in id order, check floors and the client id,
 * write balances, insert the immutable row, commit.
 *
 *   npm run bench:ledger
 *   BENCH_TRANSFERS=5000 BENCH_CONCURRENCY=16 BENCH_DATABASE_URL=postgres://…/test npm run bench:ledger
 *   BENCH_ONLY=pglite|postgres npm run bench:ledger
 *
 * Two shapes of load: `hot` — every transfer between four accounts (the worst case: every transaction waits for
 * the same row locks, as on a busy platform-fee account); `spread` — random pairs among 2,000 accounts (typical:
 * contracts have their own escrow accounts). Latency is measured from the call to the commit's return. The ledger
 * is verified after each run. PGlite is one embedded connection, so its transactions run one after another.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { type DatabaseHandle, openPglite, openPostgres } from '../../apps/server/src/infra/db/client';
import { applyOps, ensureAccounts, verifyLedger } from '../../apps/server/src/modules/ledger';

const root = new URL('../..', import.meta.url).pathname;
const transfers = Number(process.env.BENCH_TRANSFERS ?? 4000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const only = process.env.BENCH_ONLY;
const pgAdminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Row {
  database: string;
  load: 'hot' | 'spread';
  transfers: number;
  concurrency: number;
  'transfers/s': number;
  'p50 ms': number;
  'p99 ms': number;
  retried: string;
  verify: string;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function measure(handle: DatabaseHandle, database: string, load: 'hot' | 'spread', workers: number) {
  const run = randomBytes(4).toString('hex');
  const size = load === 'hot' ? 4 : 2000;
  const specs = [
    { code: `bench:${run}:bank`, kind: 'bank_clearing' as const, floor: 'none' as const },
    ...Array.from({ length: size }, (_, i) => ({
      code: `bench:${run}:${i}`,
      kind: 'org_wallet' as const,
      floor: 'no_overdraft' as const,
    })),
  ];
  const accounts = await ensureAccounts(handle.db, specs);
  const ids = specs.map((s) => (accounts.get(s.code) as { id: string }).id);
  const [bank, ...wallets] = ids as [string, ...string[]];
  for (let i = 0; i < wallets.length; i += 200)
    await applyOps(
      handle.db,
      wallets.slice(i, i + 200).map((id, k) => ({
        op: 'transfer' as const,
        clientId: `${run}:fund:${i + k}`,
        debitAccountId: bank,
        creditAccountId: id,
        amount: 100_000_000n,
        code: 'bench.fund',
      })),
    );
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const n = next++;
      if (n >= transfers) return;
      const a = Math.floor(Math.random() * size);
      let b = Math.floor(Math.random() * (size - 1));
      if (b >= a) b++;
      const t0 = performance.now();
      await applyOps(handle.db, [
        {
          op: 'transfer',
          clientId: `${run}:${n}`,
          debitAccountId: wallets[a] as string,
          creditAccountId: wallets[b] as string,
          amount: BigInt(1 + Math.floor(Math.random() * 10_000)),
          code: 'bench.transfer',
        },
      ]);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((x, y) => x - y);
  const verified = await verifyLedger(handle.db);
  const row: Row = {
    database,
    load,
    transfers,
    concurrency: workers,
    'transfers/s': Math.round(transfers / elapsed),
    'p50 ms': Number(pct(latencies, 0.5).toFixed(2)),
    'p99 ms': Number(pct(latencies, 0.99).toFixed(2)),
    retried: 'deadlocks retried inside applyOps',
    verify: verified.ok ? 'clean' : (verified.violations[0] ?? 'broken'),
  };
  console.log(row);
  return row;
}

const results: Row[] = [];
if (only !== 'postgres') {
  const handle = await openPglite();
  await handle.migrate();
  for (const load of ['hot', 'spread'] as const) results.push(await measure(handle, 'PGlite (in memory)', load, 1));
  await handle.close();
}
if (only !== 'pglite') {
  const name = `zh_bench_ledger_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), concurrency);
  try {
    await handle.migrate();
    for (const load of ['hot', 'spread'] as const) results.push(await measure(handle, 'PostgreSQL', load, concurrency));
  } finally {
    await handle.close();
    const cleanup = new pg.Client({ connectionString: pgAdminUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  }
}

const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30) };
console.log(`ledger bench — ${transfers} transfers per run; ${machine.cpus} cores, ${machine.memoryGb} GB`);
console.table(results.map(({ retried: _r, ...rest }) => rest));
const outDir = join(root, 'bench/results');
mkdirSync(outDir, { recursive: true });
const file = join(outDir, `ledger-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2));
console.log(`written ${file}`);
