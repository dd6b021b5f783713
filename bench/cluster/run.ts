/**
 * Cluster benchmark: a mixed load through nginx in front of 1, 2 and 3 app processes (scripts/cluster.sh), then a
 * kill -9 of one process under a write load.
 *
 *   npx tsx bench/cluster/run.ts                 # 1, 2, 3 processes, 10 s each, then the kill drill
 *   BENCH_PROCESSES=1,3 BENCH_SECONDS=20 npx tsx bench/cluster/run.ts
 *
 * Mixed load (per request, round robin over the list): an authenticated read (GET /api/auth/me), an organisation
 * read (GET /api/orgs/:id, a read-replica route) and an organisation update (PATCH /api/orgs/:id, a write).
 * Kill drill: registrations (each an acknowledged write: 201) through nginx while process 2 is killed with SIGKILL;
 * afterwards every acknowledged user must exist, and only requests in flight on the killed process may fail.
 * Prints a table and writes bench/results/cluster-<timestamp>.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { validCreditCode } from '../../apps/server/src/test/credit-codes';

const root = join(import.meta.dirname, '../..');
const script = join(root, 'scripts/cluster.sh');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 12);
const counts = (process.env.BENCH_PROCESSES ?? '1,2,3').split(',').map(Number);
const base = 'http://127.0.0.1:3320';
const env = {
  ...process.env,
  CLUSTER_DIR: process.env.CLUSTER_DIR ?? '/tmp/zhuhe-cluster-bench',
  SEED_DEMO: 'false',
  RATE_LIMIT_MAX: '10000000',
  LOGIN_RATE_LIMIT_MAX: '10000000',
  LOG_LEVEL: 'error',
};

async function json(response: Response) {
  return (await response.json()) as Record<string, unknown>;
}

/** A registered user with an organisation: its session cookie, CSRF token and organisation id. */
async function owner() {
  const register = await fetch(`${base}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      identifier: `bench.${Date.now()}@example.com`,
      password: 'Bench-Password-1',
      displayName: '压测',
    }),
  });
  const cookie = register.headers.get('set-cookie')?.split(';')[0] ?? '';
  const csrf = ((await json(register)).csrfToken as string | undefined) ?? '';
  const org = await fetch(`${base}/api/orgs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
    body: JSON.stringify({ name: '压测建设有限公司', creditCode: validCreditCode(), businessRoles: ['GC'] }),
  });
  const orgId = (await json(org)).id as string;
  return { cookie, csrf, orgId };
}

async function mixed(processes: number) {
  const { cookie, csrf, orgId } = await owner();
  let n = 0;
  // replication lag under this load, sampled on the primary every 250 ms
  const primary = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5433/zhuhe' });
  await primary.connect();
  const lags: { bytes: number; ms: number }[] = [];
  const sampler = setInterval(() => {
    primary
      .query<{ bytes: string | null; ms: number | null }>(
        `select pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::text as bytes,
           (extract(epoch from replay_lag) * 1000)::float8 as ms from pg_stat_replication`,
      )
      .then(({ rows }) => {
        if (rows[0]) lags.push({ bytes: Number(rows[0].bytes ?? 0), ms: rows[0].ms ?? 0 });
      })
      .catch(() => {});
  }, 250);
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      { method: 'GET', path: '/api/auth/me', headers: { cookie } },
      { method: 'GET', path: `/api/orgs/${orgId}`, headers: { cookie } },
      {
        method: 'PATCH',
        path: `/api/orgs/${orgId}`,
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ name: `压测建设有限公司${++n % 1000}` }) }),
      },
    ],
  });
  clearInterval(sampler);
  await primary.end();
  const sorted = (values: number[]) => values.sort((a, b) => a - b);
  const bytes = sorted(lags.map((l) => l.bytes));
  const ms = sorted(lags.map((l) => l.ms));
  return {
    processes,
    replicaLagBytesP50: bytes[Math.floor(bytes.length / 2)] ?? null,
    replicaLagBytesMax: bytes[bytes.length - 1] ?? null,
    replicaLagMsMax: Math.round(ms[ms.length - 1] ?? 0),
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function killDrill() {
  const acknowledged: string[] = [];
  const failed: string[] = [];
  const pid = Number(readFileSync(join(env.CLUSTER_DIR, 'apps/app-2.pid'), 'utf8'));
  let stop = false;
  let i = 0;
  const worker = async () => {
    while (!stop) {
      const identifier = `drill.${process.pid}.${++i}.${Date.now()}@example.com`;
      const response = await fetch(`${base}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifier, password: 'Bench-Password-1', displayName: '演练' }),
      }).catch(() => null);
      if (response?.status === 201) acknowledged.push(identifier);
      else failed.push(`${identifier} ${response?.status ?? 'network'}`);
      await response?.arrayBuffer().catch(() => null);
    }
  };
  const workers = Array.from({ length: 8 }, worker);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  process.kill(pid, 'SIGKILL');
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  stop = true;
  await Promise.all(workers);
  const db = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5433/zhuhe' });
  await db.connect();
  const { rows } = await db.query<{ email: string }>('select email from users where email = any($1)', [acknowledged]);
  await db.end();
  const found = new Set(rows.map((r) => r.email));
  return {
    acknowledged: acknowledged.length,
    lost: acknowledged.filter((a) => !found.has(a)).length,
    failedRequests: failed.length,
    failures: failed.slice(0, 10),
  };
}

const results: unknown[] = [];
try {
  for (const processes of counts) {
    execFileSync('bash', [script, 'start', String(processes)], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const row = await mixed(processes);
    console.log(JSON.stringify(row));
    results.push(row);
    if (processes >= 2 && processes === counts[counts.length - 1]) {
      const drill = await killDrill();
      console.log(JSON.stringify({ killDrill: drill }));
      results.push({ killDrill: drill });
    }
  }
} finally {
  execFileSync('bash', [script, 'stop'], { env, stdio: 'ignore' });
}
const dir = join(root, 'bench/results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `cluster-${new Date().toISOString().replaceAll(':', '-')}.json`);
writeFileSync(file, JSON.stringify({ cpus: cpus().length, seconds, connections, results }, null, 2));
console.log(`written ${file}`);
