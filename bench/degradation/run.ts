/**
 * Degradation benchmark (PLAT-7): the latency of ordinary reads while SMTP is down and the bank answers after 30 s,
 * next to the same reads with every dependency healthy (the baseline), and the mail held back by the outage going
 * out once SMTP returns.
 *
 *   npm run bench:degradation
 *   BENCH_DATABASE_URL=postgres://…/test BENCH_SECONDS=20 BENCH_BANK_DELAY_MS=30000 npm run bench:degradation
 *
 * Each phase runs the server as a child process (as `npm start` runs it) on a fresh PostgreSQL database, with SMTP
 * pointed at a local catcher that this script starts and stops, and the simulated bank delayed by
 * SIMULATED_BANK_DELAY_MS. While autocannon reads the project list, a payout loop talks to the bank and password
 * resets queue mail, the same in both phases. Prints a table and writes bench/results/degradation-<timestamp>.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { generate } from 'otplib';
import pg from 'pg';
import pino from 'pino';
import { createActorResolver } from '../../apps/server/src/access-resolver';
import { composeModules } from '../../apps/server/src/composition';
import { loadConfig } from '../../apps/server/src/config';
import { systemClock } from '../../apps/server/src/infra/clock';
import type { AppContext } from '../../apps/server/src/infra/context';
import { openPostgres } from '../../apps/server/src/infra/db/client';
import { DomainEventBus } from '../../apps/server/src/infra/events';
import { MemoryBlobStore } from '../../apps/server/src/infra/files/blob-store';
import { newId } from '../../apps/server/src/infra/ids';
import { JobQueue } from '../../apps/server/src/infra/jobs/job-queue';
import { MailCatcher } from '../../apps/server/src/infra/mail/mailer';
import { BreakerRegistry } from '../../apps/server/src/infra/resilience/breaker';
import {
  fundEscrowByDeposit,
  openContractEscrow,
  releaseMilestone,
  setPaymentSchedule,
} from '../../apps/server/src/modules/escrow';
import { validCreditCode } from '../../apps/server/src/test/credit-codes';
import { startBenchServer, stopBenchServer } from '../server-process';

const root = new URL('../..', import.meta.url).pathname;
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const bankDelayMs = Number(process.env.BENCH_BANK_DELAY_MS ?? 30_000);
const pgAdminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const masterKey = randomBytes(32).toString('base64');
const PASSWORD = 'Bench-Password-1';
const MAIL_USERS = 10;
const RESETS_PER_USER = 3;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

interface Phase {
  phase: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  payouts: Record<string, number>;
  mailQueuedAfterReads: number;
  mailSentAfterReads: number;
  notices: string[];
  loadBefore: string;
  loadAfter: string;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** A client that keeps the session cookie and sends the CSRF token on mutations. */
class Client {
  cookie = '';
  csrf = '';
  constructor(private readonly base: string) {}
  async call(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const set = response.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0] ?? '';
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    const token = (json as { csrfToken?: string } | null)?.csrfToken;
    if (token) this.csrf = token;
    return { status: response.status, json };
  }
  async must(method: string, path: string, body?: unknown) {
    const r = await this.call(method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json as Record<string, unknown>;
  }
}

/** A context on the phase's database for the escrow set-up the HTTP API has no shortcut for. */
async function serviceContext(databaseUrl: string) {
  const handle = await openPostgres(databaseUrl, 2);
  const config = loadConfig({
    NODE_ENV: 'test',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    WEB_DIST: '/nonexistent',
    MASTER_KEY: masterKey,
  });
  const log = pino({ level: 'silent' });
  const jobs = new JobQueue(handle.db, log);
  const ctx: AppContext = {
    db: handle.db,
    config,
    log,
    jobs,
    events: new DomainEventBus(jobs, log),
    blobs: new MemoryBlobStore(),
    mailer: { send: async () => ({ messageId: 'bench' }) },
    clock: systemClock(),
    resilience: new BreakerRegistry(),
  };
  composeModules(ctx, { resolver: createActorResolver(ctx) });
  return { ctx, close: () => handle.close() };
}

async function setUp(base: string, databaseUrl: string) {
  const tag = `${Date.now()}.${randomBytes(2).toString('hex')}`;
  const reader = new Client(base);
  await reader.must('POST', '/api/auth/register', {
    identifier: `reader.${tag}@example.com`,
    password: PASSWORD,
    displayName: '压测读者',
  });
  const gcOrg = (await reader.must('POST', '/api/orgs', {
    name: '压测总包建设有限公司',
    creditCode: validCreditCode(),
    businessRoles: ['GC'],
  })) as { id: string };
  for (let i = 0; i < 5; i++)
    await reader.must('POST', `/api/orgs/${gcOrg.id}/projects`, {
      name: `压测项目 ${i + 1} 号厂房工程`,
      engineeringType: 'building',
      investmentFen: 10_000_000_00,
      regionCode: '330109',
      description: '压测数据。',
    });

  const payee = new Client(base);
  await payee.must('POST', '/api/auth/register', {
    identifier: `payee.${tag}@example.com`,
    password: PASSWORD,
    displayName: '压测收款方',
  });
  const payeeOrg = (await payee.must('POST', '/api/orgs', {
    name: '压测分包劳务有限公司',
    creditCode: validCreditCode(),
    businessRoles: ['SUB'],
  })) as { id: string };
  const { secret } = (await payee.must('POST', '/api/auth/totp/setup')) as { secret: string };
  await payee.must('POST', '/api/auth/totp/enable', { code: await generate({ secret }) });
  const service = await serviceContext(databaseUrl);
  try {
    const contractId = newId();
    await openContractEscrow(service.ctx, {
      contractId,
      payerOrgId: gcOrg.id,
      payeeOrgId: payeeOrg.id,
      contractAmountFen: 100_000_00,
      advanceRatioPct: 10,
      retentionPct: 3,
      labourSharePct: 25,
      bondPct: null,
    });
    await setPaymentSchedule(service.ctx, {
      contractId,
      items: [{ milestoneId: 'm1', title: '基础工程', dueDate: '2030-01-01', amountFen: 100_000_00 }],
    });
    await fundEscrowByDeposit(service.ctx, {
      contractId,
      amountFen: 101_000_00,
      reference: 'bench',
      clientId: newId(),
    });
    await releaseMilestone(service.ctx, {
      contractId,
      milestoneId: 'm1',
      settlementId: 'bench',
      clientId: newId(),
      grossFen: 100_000_00,
      retentionFen: 3_000_00,
      labourFen: 25_000_00,
    });
  } finally {
    await service.close();
  }

  const mailUsers: string[] = [];
  for (let i = 0; i < MAIL_USERS; i++) {
    const identifier = `mail.${i}.${tag}@example.com`;
    await new Client(base).must('POST', '/api/auth/register', {
      identifier,
      password: PASSWORD,
      displayName: '收信人',
    });
    mailUsers.push(identifier);
  }
  return { reader, gcOrg: gcOrg.id, payee, payeeOrg: payeeOrg.id, mailUsers };
}

/** Payouts one after another while `running()`: each talks to the (maybe slow) bank. Counts the answers. */
async function payoutLoop(payee: Client, orgId: string, running: () => boolean) {
  const answers: Record<string, number> = {};
  let n = 0;
  while (running()) {
    n += 1;
    const r = await payee.call('POST', `/api/orgs/${orgId}/wallet/payouts`, {
      amountFen: 100,
      beneficiaryName: '某劳务班组',
      beneficiaryAccount: '6222020200112233',
      clientId: `bench-${n}-${randomBytes(3).toString('hex')}`,
    });
    const status = (r.json as { status?: string }).status;
    const key = r.status === 200 ? `200 ${status}` : `${r.status} ${(r.json as { code?: string }).code ?? ''}`;
    answers[key] = (answers[key] ?? 0) + 1;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return answers;
}

async function mailCounts(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ status: string; n: number }>(
    `select status, count(*)::int as n from jobs where name = 'mail.send' group by status`,
  );
  await client.end();
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
  return { queued: by.queued ?? 0, running: by.running ?? 0, done: by.done ?? 0, failed: by.failed ?? 0 };
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const value = sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
  return Math.round(value * 10) / 10;
}

async function phase(
  label: string,
  options: { smtpUp: boolean; bankDelayMs: number },
): Promise<{ result: Phase; drained?: { before: number; after: number; sent: number; seconds: number } }> {
  const catcher = new MailCatcher();
  const smtpPort = await freePort();
  if (options.smtpUp) await catcher.start(smtpPort);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dbName = `zh_bench_deg_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const url = new URL(pgAdminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const dataDir = mkdtempSync(join(tmpdir(), 'zh-bench-deg-'));
  const server = await startBenchServer(port, {
    // development: the simulated bank's delay is a drill setting, refused in production
    NODE_ENV: 'development',
    LOG_LEVEL: 'fatal',
    MASTER_KEY: masterKey,
    SUPPORT_SMTP_PORT: '0',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    SIMULATED_BANK_DELAY_MS: String(options.bankDelayMs),
  });
  try {
    const s = await setUp(base, databaseUrl);
    const loadBefore = load();
    let running = true;
    const payouts = payoutLoop(s.payee, s.payeeOrg, () => running);
    // password resets queue mail through the outbox, spread over the first seconds of the reads
    const resets = (async () => {
      for (let round = 0; round < RESETS_PER_USER; round++)
        for (const identifier of s.mailUsers) {
          await new Client(base).call('POST', '/api/auth/password-reset', { identifier });
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
    })();
    const latencies: number[] = [];
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: `${base}/api/orgs/${s.gcOrg}/projects`,
          headers: { cookie: s.reader.cookie },
          connections,
          duration: seconds,
        },
        (error, finished) => (error ? reject(error) : resolve(finished)),
      );
      instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
        latencies.push(responseTime);
      });
    });
    running = false;
    const [answers] = await Promise.all([payouts, resets]);
    const loadAfter = load();
    latencies.sort((a, b) => a - b);
    const notices = ((await s.reader.call('GET', '/api/system/notices')).json as { notices: { dependency: string }[] })
      .notices;
    const mail = await mailCounts(databaseUrl);
    const phaseResult: Phase = {
      phase: label,
      requests: result.requests.total,
      rps: Math.round(result.requests.average),
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      payouts: answers,
      mailQueuedAfterReads: mail.queued + mail.running,
      mailSentAfterReads: mail.done,
      notices: notices.map((n) => n.dependency),
      loadBefore,
      loadAfter,
    };
    if (options.smtpUp) return { result: phaseResult };
    // SMTP returns: the deferred mail goes out once the breaker lets a probe through and the jobs come due
    await catcher.start(smtpPort);
    const started = performance.now();
    const before = mail.queued + mail.running;
    let now = mail;
    for (let i = 0; i < 300 && now.queued + now.running > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      now = await mailCounts(databaseUrl);
    }
    return {
      result: phaseResult,
      drained: {
        before,
        after: now.queued + now.running,
        sent: catcher.messages.length,
        seconds: Math.round((performance.now() - started) / 100) / 10,
      },
    };
  } finally {
    await stopBenchServer(server);
    await catcher.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

// the baseline before and after the degraded phase: their spread shows how much the shared machine itself moved
const healthy = await phase('healthy (baseline)', { smtpUp: true, bankDelayMs: 0 });
const degraded = await phase(`SMTP down, bank answers after ${bankDelayMs / 1000} s`, {
  smtpUp: false,
  bankDelayMs,
});
const healthyAgain = await phase('healthy again (baseline)', { smtpUp: true, bankDelayMs: 0 });

const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
console.log(
  `\nbench/degradation — GET /api/orgs/:orgId/projects for ${seconds} s, ${connections} connections, ` +
    `PostgreSQL, ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}`,
);
console.table(
  [healthy.result, degraded.result, healthyAgain.result].map((r) => ({
    phase: r.phase,
    'req/s': r.rps,
    'p50 ms': r.p50,
    'p95 ms': r.p95,
    'p99 ms': r.p99,
    requests: r.requests,
    'errors+timeouts': r.errors,
    non2xx: r.non2xx,
    'load before': r.loadBefore,
    'load after': r.loadAfter,
  })),
);
for (const r of [healthy.result, degraded.result, healthyAgain.result])
  console.log(
    `${r.phase}: payout answers ${JSON.stringify(r.payouts)}; mail sent ${r.mailSentAfterReads}, ` +
      `waiting ${r.mailQueuedAfterReads}; notices ${JSON.stringify(r.notices)}`,
  );
if (degraded.drained)
  console.log(
    `SMTP back: mail waiting ${degraded.drained.before} → ${degraded.drained.after}, ` +
      `${degraded.drained.sent} received by the catcher in ${degraded.drained.seconds} s`,
  );
const baselineP95 = (healthy.result.p95 + healthyAgain.result.p95) / 2;
console.log(
  `p95 degraded/healthy (mean of both baselines) ${(degraded.result.p95 / baselineP95).toFixed(2)}×; PLAT-7 target p95 < 1000 ms: ` +
    `${degraded.result.p95 < 1000 ? 'met' : 'NOT met'}; load average now ${load()}`,
);
const outDir = join(root, 'bench/results');
mkdirSync(outDir, { recursive: true });
const file = join(outDir, `degradation-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  JSON.stringify(
    { date: new Date().toISOString(), seconds, connections, bankDelayMs, machine, healthy, degraded, healthyAgain },
    null,
    2,
  ),
);
console.log(`results written to ${file}`);
