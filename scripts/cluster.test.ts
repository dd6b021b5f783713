import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { validCreditCode } from '../apps/server/src/test/credit-codes';

/**
 * Three server processes on one PostgreSQL, started by scripts/cluster.sh (primary + replica + 3 apps + nginx):
 * what each process used to keep to itself now holds across them. Runs with CLUSTER_TEST=1 (a step of .ci/run);
 * needs the PostgreSQL 15 binaries, nginx and the ports 3320–3323, 5433–5434.
 */
const enabled = process.env.CLUSTER_TEST === '1';
const ROOT = join(import.meta.dirname, '..');
const SCRIPT = join(ROOT, 'scripts/cluster.sh');
const PORTS = [3321, 3322, 3323];
const LOGIN_MAX = 6;
const env = {
  ...process.env,
  CLUSTER_DIR: process.env.CLUSTER_DIR ?? '/tmp/zhuhe-cluster-test',
  SEED_DEMO: 'false',
  LOGIN_RATE_LIMIT_MAX: String(LOGIN_MAX),
  // the heartbeat every 2 seconds, so a few slots pass during the test
  SCHEDULER_HEARTBEAT_CRON: '*/2 * * * * *',
};
let db: pg.Client;

/** A browser-like session over real HTTP: the session cookie and the CSRF token. */
class Session {
  cookies = new Map<string, string>();
  csrf = '';
  get cookie() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async send(port: number, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const set of response.headers.getSetCookie()) {
      const [pair = ''] = set.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const text = await response.text();
    const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const token = (json.csrfToken ?? (json.me as { csrfToken?: string } | undefined)?.csrfToken) as string | undefined;
    if (token) this.csrf = token;
    return { status: response.status, json, headers: response.headers };
  }
}

describe.runIf(enabled)('three server processes on one PostgreSQL (scripts/cluster.sh)', () => {
  beforeAll(async () => {
    execFileSync('bash', [SCRIPT, 'start', '3'], { env, stdio: ['ignore', 'inherit', 'inherit'], timeout: 170_000 });
    db = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5433/zhuhe' });
    await db.connect();
  }, 180_000);
  afterAll(async () => {
    await db?.end();
    execFileSync('bash', [SCRIPT, 'stop'], { env, stdio: 'inherit', timeout: 60_000 });
  }, 70_000);

  it('a scheduled job runs once per slot, not once per process', async () => {
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    const { rows } = await db.query<{ slot: string; n: number; attempts: number; done: number }>(
      `select dedupe_key as slot, count(*)::int as n, max(attempts)::int as attempts,
         count(*) filter (where status = 'done')::int as done
       from jobs where name = 'ops.heartbeat' and status <> 'queued' group by dedupe_key order by 1`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row, row.slot).toMatchObject({ n: 1, attempts: 1 });
  });

  it('an idempotent request sent to two processes at once is applied once', async () => {
    const user = new Session();
    const email = `cluster.${Date.now()}@example.com`;
    const registered = await user.send(PORTS[0] as number, 'POST', '/api/auth/register', {
      identifier: email,
      password: 'Correct-Horse-9',
      displayName: '集群测试',
    });
    expect(registered.status).toBe(201);
    const body = { name: '集群测试建设有限公司', creditCode: validCreditCode(), businessRoles: ['GC'] };
    const key = { 'idempotency-key': `create-org-${Date.now()}` };
    const [a, c] = await Promise.all([
      user.send(PORTS[0] as number, 'POST', '/api/orgs', body, key),
      user.send(PORTS[2] as number, 'POST', '/api/orgs', body, key),
    ]);
    const statuses = [a.status, c.status].sort();
    // the first applies it; the other either waits on it (409, retry later) or replays its answer
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    for (const r of [a, c]) if (r.status === 409) expect(r.json.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    const first = a.status === 201 && !a.headers.get('idempotent-replayed') ? a : c;
    // the retry, on the third process, replays the stored answer
    const retry = await user.send(PORTS[1] as number, 'POST', '/api/orgs', body, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.json.id).toBe(first.json.id);
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from organisations where credit_code = $1`,
      [body.creditCode],
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('reads from the replica, and a user reads their own write even while the replica lags', async () => {
    const user = new Session();
    const registered = await user.send(PORTS[0] as number, 'POST', '/api/auth/register', {
      identifier: `replica.${Date.now()}@example.com`,
      password: 'Correct-Horse-9',
      displayName: '只读副本测试',
    });
    expect(registered.status).toBe(201);
    const replica = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5434/zhuhe' });
    await replica.connect();
    try {
      await replica.query('select pg_wal_replay_pause()'); // the replica stops applying: it lags from now on
      const created = await user.send(PORTS[1] as number, 'POST', '/api/orgs', {
        name: '副本测试建设有限公司',
        creditCode: validCreditCode(),
        businessRoles: ['GC'],
      });
      expect(created.status).toBe(201);
      expect(user.cookies.get('zh_lsn')).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      const path = `/api/orgs/${created.json.id as string}`;
      // the writer's next read, on another process, is served by the primary: the replica has not reached its write
      expect((await user.send(PORTS[2] as number, 'GET', path)).status).toBe(200);
      // a project published by the same user is in the library and in search for them at once, on any process
      const project = await user.send(PORTS[0] as number, 'POST', `/api/orgs/${created.json.id as string}/projects`, {
        name: '副本测试钢结构厂房工程',
        engineeringType: 'building',
        investmentFen: 1_000_000_00,
        regionCode: '330109',
        tags: ['钢结构'],
        description: '只读副本读己之写测试',
      });
      expect(project.status).toBe(201);
      const projectPath = `/api/projects/${project.json.id as string}`;
      const searchPath = `/api/search?q=${encodeURIComponent('副本测试')}&kind=project`;
      const found = async (session: Session, port: number) =>
        ((await session.send(port, 'GET', searchPath)).json.items as { id: string }[]).map((hit) => hit.id);
      expect((await user.send(PORTS[2] as number, 'GET', projectPath)).status).toBe(200);
      expect(await found(user, PORTS[1] as number)).toContain(project.json.id);
      // the same read without the write position goes to the lagging replica, which does not have the row yet
      const withoutPosition = new Session();
      withoutPosition.cookies.set('zh_sid', user.cookies.get('zh_sid') as string);
      expect((await withoutPosition.send(PORTS[2] as number, 'GET', path)).status).toBe(404);
      expect((await withoutPosition.send(PORTS[2] as number, 'GET', projectPath)).status).toBe(404);
      expect(await found(withoutPosition, PORTS[0] as number)).not.toContain(project.json.id);
      await replica.query('select pg_wal_replay_resume()');
      const deadline = Date.now() + 10_000;
      let status = 0;
      while (status !== 200 && Date.now() < deadline) {
        status = (await withoutPosition.send(PORTS[0] as number, 'GET', path)).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe(200);
    } finally {
      await replica.query('select pg_wal_replay_resume()').catch(() => {});
      await replica.end();
    }
  });

  it('the status page reports the read replica and its lag in seconds', async () => {
    const staff = new Session();
    const registered = await staff.send(PORTS[0] as number, 'POST', '/api/auth/register', {
      identifier: `replica.status.${Date.now()}@example.com`,
      password: 'Correct-Horse-9',
      displayName: '副本运维',
    });
    expect(registered.status).toBe(201);
    const userId = (registered.json.user as { id: string }).id;
    // an admin whose session counts as opened with a second factor: logging in again with TOTP would use up the
    // login limit that the rate-limit test below counts
    await db.query(`insert into staff_roles (user_id, role) values ($1, 'admin')`, [userId]);
    await db.query('update sessions set mfa = true where user_id = $1', [userId]);
    const status = await staff.send(PORTS[2] as number, 'GET', '/api/staff/status');
    expect(status.status).toBe(200);
    const replica = status.json.readReplica as { configured: boolean; state: string; lagSeconds: number | null };
    expect(replica).toMatchObject({ configured: true, lagLimitSeconds: 5 });
    expect(['ok', 'lagging']).toContain(replica.state);
    expect(typeof replica.lagSeconds).toBe('number');
  });

  it('a chat message posted on process A reaches a socket connected to process C', async () => {
    const party = async (port: number, name: string) => {
      const user = new Session();
      const registered = await user.send(port, 'POST', '/api/auth/register', {
        identifier: `chat.${port}.${Date.now()}@example.com`,
        password: 'Correct-Horse-9',
        displayName: name,
      });
      expect(registered.status).toBe(201);
      const org = await user.send(port, 'POST', '/api/orgs', {
        name: `${name}建设有限公司`,
        creditCode: validCreditCode(),
        businessRoles: ['GC'],
      });
      expect(org.status).toBe(201);
      return { user, orgId: org.json.id as string };
    };
    const a = await party(PORTS[0] as number, '甲方集群');
    const c = await party(PORTS[2] as number, '乙方集群');
    const conversation = await a.user.send(PORTS[0] as number, 'POST', `/api/orgs/${a.orgId}/chat/conversations`, {
      kind: 'direct',
      withOrgId: c.orgId,
    });
    expect(conversation.status).toBeLessThan(300);
    const ws = new WebSocket(`ws://127.0.0.1:${PORTS[2]}/api/chat/ws`, { headers: { cookie: c.user.cookie } });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    try {
      const received = new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no message on process C within 10 s')), 10_000);
        ws.on('message', (data) => {
          const frame = JSON.parse(data.toString()) as { type: string; message?: { body: string } };
          if (frame.type === 'message' && frame.message) {
            clearTimeout(timer);
            resolve(frame.message.body);
          }
        });
      });
      const sent = await a.user.send(
        PORTS[0] as number,
        'POST',
        `/api/orgs/${a.orgId}/chat/conversations/${conversation.json.id as string}/messages`,
        { body: '跨进程消息' },
      );
      expect(sent.status).toBeLessThan(300);
      expect(await received).toBe('跨进程消息');
    } finally {
      ws.close();
    }
  });

  it('a rate limit counts the requests of every process', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const port = PORTS[i % 3] as number;
      const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifier: 'nobody@example.com', password: 'wrong-password-1' }),
      });
      statuses.push(response.status);
    }
    // each process saw only 4: alone, none would have refused
    expect(statuses.filter((s) => s !== 429)).toHaveLength(LOGIN_MAX);
    expect(statuses.slice(LOGIN_MAX).every((s) => s === 429)).toBe(true);
  });

  it('nginx spreads requests over the processes and answers while one of them drains and restarts', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 9; i++) {
      const response = await fetch('http://127.0.0.1:3320/readyz');
      expect(response.status).toBe(200);
      seen.add(response.headers.get('x-upstream-addr') ?? '');
    }
    expect(seen.size).toBe(3);
    const failures: number[] = [];
    let stop = false;
    const load = (async () => {
      while (!stop) {
        const response = await fetch('http://127.0.0.1:3320/api/auth/me').catch(() => null);
        if (!response || response.status >= 500) failures.push(response?.status ?? 0);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    execFileSync('bash', [SCRIPT, 'restart-app', '2'], { env, stdio: 'inherit', timeout: 120_000 });
    stop = true;
    await load;
    expect(failures).toEqual([]);
  }, 130_000);
});
