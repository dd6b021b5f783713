/**
 * 消息 benchmark (ADR 0110). Two modes:
 *
 *   npm run bench:chat                         one server process on PGlite: N WebSocket connections (default 2,000,
 *                                              `--connections`), messages posted at `--rate` per second for
 *                                              `--seconds`; prints deliveries per second, end-to-end latency (post →
 *                                              frame on a socket) p50/p99, server memory per connection, load average
 *   npm run bench:chat -- --two-processes      two server processes on a fresh PostgreSQL database (on the server
 *                                              DATABASE_URL names, default 127.0.0.1:5432): sockets split over
 *                                              both, messages posted to both; checks every socket got every message once
 *
 * Traffic stays on 127.0.0.1; every loop is bounded in count and time.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { validCreditCode } from '../../apps/server/src/test/credit-codes';
import { startBenchServer, stopBenchServer } from '../server-process';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const twoProcesses = args.includes('--two-processes');
const connections = flag('connections', twoProcesses ? 400 : 2000);
const rate = flag('rate', 20);
const seconds = flag('seconds', 10);

interface Party {
  cookie: string;
  csrf: string;
  orgId: string;
}

async function party(base: string, name: string): Promise<Party> {
  const register = await fetch(`${base}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      identifier: `chat.${randomUUID()}@example.com`,
      password: 'Bench-Password-1',
      displayName: name,
    }),
  });
  if (register.status !== 201) throw new Error(`register failed: ${register.status} ${await register.text()}`);
  const cookie = register.headers.get('set-cookie')?.split(';')[0] as string;
  const me = (await (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  const org = await fetch(`${base}/api/orgs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': me.csrfToken },
    body: JSON.stringify({ name: `${name}建设有限公司`, creditCode: validCreditCode(), businessRoles: ['GC'] }),
  });
  if (org.status !== 201) throw new Error(`create org failed: ${org.status} ${await org.text()}`);
  return { cookie, csrf: me.csrfToken, orgId: ((await org.json()) as { id: string }).id };
}

async function post(base: string, p: Party, path: string, body: unknown) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: p.cookie, 'x-csrf-token': p.csrf },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<{ id: string }>;
}

function rssKb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0);
}

interface Socket {
  ws: WebSocket;
  received: Map<string, number>;
}

async function openSockets(urls: string[], cookies: string[], count: number, latencies: number[]): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, j) => {
      const n = i + j;
      const ws = new WebSocket(urls[n % urls.length] as string, {
        headers: { cookie: cookies[n % cookies.length] as string },
      });
      const socket: Socket = { ws, received: new Map() };
      ws.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as { type: string; message?: { id: string; body: string } };
        if (frame.type !== 'message' || !frame.message) return;
        socket.received.set(frame.message.id, (socket.received.get(frame.message.id) ?? 0) + 1);
        const sentAt = Number(frame.message.body.split('@')[1]);
        if (sentAt) latencies.push(Date.now() - sentAt);
      });
      sockets.push(socket);
      return new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
    });
    await Promise.all(batch);
  }
  return sockets;
}

const pct = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;

async function drive(bases: string[], sender: Party, conversationId: string) {
  const ids: string[] = [];
  const total = rate * seconds;
  const started = Date.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const base = bases[i % bases.length] as string;
    const message = await post(
      base,
      sender,
      `/api/orgs/${sender.orgId}/chat/conversations/${conversationId}/messages`,
      {
        body: `压测消息 ${i} @${Date.now()}`,
      },
    );
    ids.push(message.id);
  }
  return ids;
}

async function settle(sockets: Socket[], expected: number, limitMs = 30_000) {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (sockets.every((s) => s.received.size >= expected)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function single() {
  const port = 3390;
  const base = `http://127.0.0.1:${port}`;
  const server = await startBenchServer(port, {
    NODE_ENV: 'development',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'zhuhe-bench-chat-')),
  });
  try {
    const a = await party(base, '甲方压测');
    const b = await party(base, '乙方压测');
    const conversation = await post(base, a, `/api/orgs/${a.orgId}/chat/conversations`, {
      kind: 'direct',
      withOrgId: b.orgId,
    });
    const pid = server.pid as number;
    await new Promise((r) => setTimeout(r, 1000));
    const before = rssKb(pid);
    const latencies: number[] = [];
    const sockets = await openSockets(
      [`ws://127.0.0.1:${port}/api/chat/ws`],
      [a.cookie, b.cookie],
      connections,
      latencies,
    );
    await new Promise((r) => setTimeout(r, 2000));
    const after = rssKb(pid);
    const started = Date.now();
    const ids = await drive([base], a, conversation.id);
    await settle(sockets, ids.length);
    const elapsed = (Date.now() - started) / 1000;
    const delivered = sockets.reduce((sum, s) => sum + s.received.size, 0);
    const sorted = latencies.sort((x, y) => x - y);
    console.log(
      `chat, one process on PGlite — ${connections} WebSocket connections, ${ids.length} messages at ${rate}/s`,
    );
    console.log(
      `  delivered         ${delivered} of ${ids.length * connections} (${Math.round(delivered / elapsed)} deliveries/s)`,
    );
    console.log(
      `  latency post→frame p50 ${pct(sorted, 0.5)} ms, p99 ${pct(sorted, 0.99)} ms, max ${sorted.at(-1)} ms`,
    );
    console.log(
      `  server RSS        ${Math.round(before / 1024)} MiB → ${Math.round(after / 1024)} MiB with sockets open: ${(((after - before) * 1024) / connections / 1024).toFixed(1)} KiB per connection`,
    );
    console.log(
      `  load average      ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} (2 cores, shared)`,
    );
    for (const s of sockets) s.ws.close();
  } finally {
    await stopBenchServer(server);
  }
}

async function two() {
  // a fresh database per run on the server DATABASE_URL names (default: the local PostgreSQL)
  const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `zhuhe_bench_chat_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  server.pathname = `/${name}`;
  const databaseUrl = server.toString();
  const ports = [3391, 3392];
  const bases = ports.map((p) => `http://127.0.0.1:${p}`);
  // both processes share the master key; the first migrates, the second starts on the migrated database
  const env = { NODE_ENV: 'development', DATABASE_URL: databaseUrl, MASTER_KEY: randomBytes(32).toString('base64') };
  const first = await startBenchServer(ports[0] as number, env);
  const second = await startBenchServer(ports[1] as number, env).catch(async (error) => {
    await stopBenchServer(first);
    throw error;
  });
  try {
    const a = await party(bases[0] as string, '甲方压测');
    const b = await party(bases[1] as string, '乙方压测');
    const conversation = await post(bases[0] as string, a, `/api/orgs/${a.orgId}/chat/conversations`, {
      kind: 'direct',
      withOrgId: b.orgId,
    });
    const latencies: number[] = [];
    const sockets = await openSockets(
      ports.map((p) => `ws://127.0.0.1:${p}/api/chat/ws`),
      [a.cookie, b.cookie, b.cookie, a.cookie],
      connections,
      latencies,
    );
    const ids = await drive(bases, a, conversation.id);
    await settle(sockets, ids.length);
    let missing = 0;
    let duplicates = 0;
    for (const s of sockets)
      for (const id of ids) {
        const n = s.received.get(id) ?? 0;
        if (n === 0) missing++;
        if (n > 1) duplicates += n - 1;
      }
    const sorted = latencies.sort((x, y) => x - y);
    console.log(
      `chat, two processes on PostgreSQL (LISTEN/NOTIFY) — ${connections} sockets over both, ${ids.length} messages posted to both`,
    );
    console.log(`  expected ${ids.length * connections} deliveries: missing ${missing}, duplicated ${duplicates}`);
    console.log(`  latency post→frame p50 ${pct(sorted, 0.5)} ms, p99 ${pct(sorted, 0.99)} ms`);
    console.log(
      missing === 0 && duplicates === 0 ? '  every message delivered once to every socket' : '  DELIVERY MISMATCH',
    );
    for (const s of sockets) s.ws.close();
    if (missing || duplicates) process.exitCode = 1;
  } finally {
    await stopBenchServer(first);
    await stopBenchServer(second);
  }
}

await (twoProcesses ? two() : single());
