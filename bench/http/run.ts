/**
 * HTTP benchmark: throughput and latency of an authenticated read (GET /api/auth/me) and of login
 * (POST /api/auth/login, argon2id-bound), on the embedded PGlite and on PostgreSQL.
 *
 *   npm run bench:http                       # both databases, 10 s per scenario
 *   BENCH_DATABASE_URL=postgres://…/test BENCH_SECONDS=20 npm run bench:http
 *
 * The server runs as a child process, as `npm start` runs it, with rate limits raised so that they do not
 * cap the figures. Prints a table and writes bench/results/http-<timestamp>.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startBenchServer, stopBenchServer } from '../server-process';

const root = new URL('../..', import.meta.url).pathname;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const pgAdminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const port = 3901;
const base = `http://127.0.0.1:${port}`;

interface Scenario {
  database: string;
  scenario: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function session(identifier: string, password: string): Promise<string> {
  const register = await fetch(`${base}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier, password, displayName: '压测用户' }),
  });
  if (register.status !== 201) throw new Error(`register failed: ${register.status} ${await register.text()}`);
  const cookie = register.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

async function run(database: string, scenario: string, options: autocannon.Options): Promise<Scenario> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ ...options, connections, duration: seconds }, (error, finished) =>
      error ? reject(error) : resolve(finished),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    database,
    scenario,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Nearest-rank percentile of every response's latency, in milliseconds. */
function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const value = sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
  return Math.round(value * 10) / 10;
}

async function benchDatabase(label: string, env: Record<string, string>): Promise<Scenario[]> {
  const server = await startBenchServer(port, env);
  try {
    const password = 'Bench-Password-1';
    const identifier = `bench.${Date.now()}@example.com`;
    const cookie = await session(identifier, password);
    const read = await run(label, 'GET /api/auth/me (authenticated read)', {
      url: `${base}/api/auth/me`,
      headers: { cookie },
    });
    const login = await run(label, 'POST /api/auth/login (argon2id)', {
      url: `${base}/api/auth/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier, password }),
    });
    return [read, login];
  } finally {
    await stopBenchServer(server);
  }
}

const results: Scenario[] = [];
const pgliteDir = mkdtempSync(join(tmpdir(), 'zh-bench-pglite-'));
try {
  results.push(...(await benchDatabase('PGlite', { DATA_DIR: pgliteDir })));
} finally {
  rmSync(pgliteDir, { recursive: true, force: true });
}

const dbName = `zh_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: pgAdminUrl });
await admin.connect();
await admin.query(`create database ${dbName}`);
try {
  const url = new URL(pgAdminUrl);
  url.pathname = `/${dbName}`;
  results.push(...(await benchDatabase('PostgreSQL', { DATABASE_URL: url.toString() })));
} finally {
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}

const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
console.log(
  `\nbench/http — ${seconds} s per scenario, ${connections} connections, ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}`,
);
console.table(
  results.map((r) => ({
    database: r.database,
    scenario: r.scenario,
    'req/s': r.rps,
    'p50 ms': r.p50,
    'p95 ms': r.p95,
    'p99 ms': r.p99,
    requests: r.requests,
    'errors+timeouts': r.errors,
    non2xx: r.non2xx,
  })),
);
const outDir = join(root, 'bench/results');
mkdirSync(outDir, { recursive: true });
const file = join(outDir, `http-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  JSON.stringify({ date: new Date().toISOString(), seconds, connections, machine, results }, null, 2),
);
console.log(`results written to ${file}`);
