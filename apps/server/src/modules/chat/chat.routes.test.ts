import type { AddressInfo } from 'node:net';
import { type ChatServerFrame, CreateTenderBody } from '@zhuhe/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { queryRows } from '../../infra/db/client';
import type { Actor } from '../../infra/http/access';
import { validCreditCode } from '../../test/credit-codes';
import {
  createOrg,
  createTestApp,
  PASSWORD,
  registeredClient,
  type TestApp,
  type TestClient,
  tinyPdf,
  tinyPng,
  uniqueEmail,
  upload,
} from '../../test/test-app';
import { createContract } from '../contracts';
import { createDemandsDirect } from '../demands';
import { createTender, publishTender } from '../tendering';
import { SOCKET_BURST } from './chat.socket';

/**
 * Chat over HTTP and the WebSocket on a real database: who may open, read and post (outsiders get 404 however they
 * guess), the tender rule (public Q&A only before the deadline), limits, attachments, receipts, unread counts,
 * search, the evidence log for contract conversations, and live delivery with catch-up after a reconnect.
 */
let t: TestApp;
type Party = { client: TestClient; orgId: string; userId: string };
let gc: Party;
let sub: Party;
let outsider: Party;
let member: TestClient;
let contractId: string;
let demandId: string;
let tenderId: string;
let baseUrl: string;

const party = async (roles: string[], name: string): Promise<Party> => {
  const u = await registeredClient(t.app, undefined, `${name}负责人`);
  const org = await createOrg(u.client, { creditCode: validCreditCode(), businessRoles: roles, name });
  return { client: u.client, orgId: org.id, userId: u.userId };
};

beforeAll(async () => {
  t = await createTestApp();
  gc = await party(['GC'], '浙江宏筑建设集团有限公司');
  sub = await party(['SUB'], '杭州安居劳务有限公司');
  outsider = await party(['SUB'], '温州远方劳务有限公司');
  const memberEmail = uniqueEmail('member');
  const invitation = (
    await gc.client.post(`/api/orgs/${gc.orgId}/invitations`, { identifier: memberEmail, role: 'member' })
  ).json();
  member = (await registeredClient(t.app, memberEmail, '总包成员 赵')).client;
  await member.post(`/api/invitations/${invitation.id}/accept`);
  await member.post('/api/auth/logout');
  await member.post('/api/auth/login', { identifier: memberEmail, password: PASSWORD });

  contractId = await createContract(t.ctx, { userId: gc.userId }, gc.orgId, {
    kind: 'subcontract',
    counterpartyOrgId: sub.orgId,
    title: '2# 楼砌体劳务分包',
    variables: {
      projectName: '杭州未来科技城 A3 地块住宅项目',
      projectLocation: '杭州市余杭区',
      scope: '2# 楼砌体劳务作业',
      amountFen: 30_000_000,
      startDate: '2026-10-01',
      endDate: '2027-03-31',
      advanceBp: 1000,
      retentionBp: 300,
      paymentTerms: '按节点计量',
      qualityStandard: '合格（GB 50300-2013）',
      disputeVenue: '杭州仲裁委员会',
    },
  });
  const now = new Date();
  await createDemandsDirect(t.ctx, [
    {
      orgId: gc.orgId,
      orgName: '浙江宏筑建设集团有限公司',
      createdBy: gc.userId,
      createdAt: now,
      approvedAt: now,
      reviewerId: gc.userId,
      type: 'subcontract',
      title: '钢结构厂房主体结构分包',
      projectName: '嘉兴测试产业园 2# 厂房',
      category: '钢结构分包',
      items: [{ name: '钢结构制作安装', spec: 'Q355B', unit: '吨', quantity: 120 }],
      budgetFen: 300_000_000,
      qualificationKind: '钢结构工程专业承包',
      qualificationGrade: '二级',
      regionCode: '330400',
      siteAddress: '嘉兴市南湖区',
      deadline: '2099-12-31',
      description: '',
      tags: [],
      feasibilityFileId: gc.orgId,
      fundsProofFileId: gc.orgId,
    },
  ]);
  demandId = (await gc.client.get(`/api/orgs/${gc.orgId}/demands`)).json().items[0].id;
  const actor = { userId: gc.userId } as Actor;
  tenderId = await createTender(
    t.ctx,
    actor,
    gc.orgId,
    CreateTenderBody.parse({
      demandId,
      title: '钢结构厂房主体结构分包招标',
      mode: 'open',
      deadline: new Date(Date.now() + 3_600_000).toISOString(),
    }),
  );
  await publishTender(t.ctx, actor, gc.orgId, tenderId, { minWindowSeconds: 60 });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/chat/ws`;
}, 60_000);
afterAll(async () => {
  await t.close();
});

const chat = (p: { orgId: string }) => `/api/orgs/${p.orgId}/chat`;

async function open(p: Party, body: Record<string, unknown>) {
  const response = await p.client.post(`${chat(p)}/conversations`, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { id: string; participants: { orgId: string; lastReadSeq: number }[]; unread: number };
}

/** A real WebSocket client with the session cookie, collecting frames. */
async function connect(client: TestClient, headers: Record<string, string> = {}) {
  const frames: ChatServerFrame[] = [];
  const ws = new WebSocket(baseUrl, { headers: { cookie: `zh_sid=${client.cookie}`, ...headers } });
  ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as ChatServerFrame));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const waitFor = async (match: (f: ChatServerFrame) => boolean, ms = 3000) => {
    const started = Date.now();
    while (Date.now() - started < ms) {
      const found = frames.find(match);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no matching frame; got ${JSON.stringify(frames.map((f) => f.type))}`);
  };
  const closed = new Promise<{ code: number }>((resolve) => ws.once('close', (code) => resolve({ code })));
  return { ws, frames, waitFor, closed, sendJson: (v: unknown) => ws.send(JSON.stringify(v)) };
}

describe('chat', () => {
  let directId: string;

  it('opens a direct conversation once; both organisations see it, an outsider cannot read or post', async () => {
    const first = await open(gc, { kind: 'direct', withOrgId: sub.orgId });
    const again = await open(sub, { kind: 'direct', withOrgId: gc.orgId });
    expect(again.id).toBe(first.id);
    directId = first.id;
    expect(first.participants.map((p) => p.orgId).sort()).toEqual([gc.orgId, sub.orgId].sort());

    // the outsider acting for its own organisation, guessing the id
    const url = `${chat(outsider)}/conversations/${directId}`;
    expect((await outsider.client.get(url)).statusCode).toBe(404);
    expect((await outsider.client.get(`${url}/messages`)).statusCode).toBe(404);
    const posted = await outsider.client.post(`${url}/messages`, { body: '你好' });
    expect(posted.statusCode).toBe(404);
    expect(posted.json().code).toBe('CHAT_CONVERSATION_NOT_FOUND');
    expect((await outsider.client.post(`${url}/read`, { seq: 1 })).statusCode).toBe(404);
    // or naming an organisation it is not a member of
    expect((await outsider.client.get(`${chat(gc)}/conversations/${directId}`)).statusCode).toBe(404);
    expect(
      (await outsider.client.post(`${chat(gc)}/conversations/${directId}/messages`, { body: 'x' })).statusCode,
    ).toBe(404);
    expect((await outsider.client.get(`${chat(outsider)}/conversations`)).json().items).toEqual([]);
    // a plain member of a participant organisation may read and post
    const byMember = await member.post(`${chat(gc)}/conversations/${directId}/messages`, { body: '成员留言' });
    expect(byMember.statusCode, byMember.body).toBe(201);
  });

  it('refuses a 20,000-character message with a clear 400, and an empty one; nothing is stored', async () => {
    const before = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from chat_messages`);
    const long = await gc.client.post(`${chat(gc)}/conversations/${directId}/messages`, { body: '字'.repeat(20_000) });
    expect(long.statusCode).toBe(400);
    expect(long.json().code).toBe('CHAT_MESSAGE_TOO_LONG');
    expect(long.json().message['zh-CN']).toContain('4000');
    expect(long.json().message.en).toContain('20000');
    const empty = await gc.client.post(`${chat(gc)}/conversations/${directId}/messages`, { body: '   ' });
    expect(empty.statusCode).toBe(400);
    const ok = await gc.client.post(`${chat(gc)}/conversations/${directId}/messages`, { body: '字'.repeat(4000) });
    expect(ok.statusCode).toBe(201);
    const after = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from chat_messages`);
    expect(after[0]?.n).toBe((before[0]?.n ?? 0) + 1);
  });

  it('counts unread per conversation and in total, and moves receipts on read', async () => {
    await gc.client.post(`${chat(gc)}/conversations/${directId}/messages`, { body: '请确认进场时间：下周一 8:00' });
    const list = (await sub.client.get(`${chat(sub)}/conversations`)).json();
    const conversation = list.items.find((c: { id: string }) => c.id === directId);
    expect(conversation.unread).toBe(3);
    expect(list.totalUnread).toBe(3);
    expect((await sub.client.get(`${chat(sub)}/unread`)).json()).toEqual({ total: 3 });
    const seq = conversation.lastMessage.seq;
    expect((await sub.client.post(`${chat(sub)}/conversations/${directId}/read`, { seq })).statusCode).toBe(204);
    expect((await sub.client.get(`${chat(sub)}/unread`)).json()).toEqual({ total: 0 });
    const seen = (await gc.client.get(`${chat(gc)}/conversations/${directId}`)).json();
    const subReceipt = seen.participants.find((p: { orgId: string }) => p.orgId === sub.orgId);
    expect(subReceipt.lastReadSeq).toBe(seq);
    expect(subReceipt.lastDeliveredSeq).toBe(seq);
  });

  it('finds history by Chinese text', async () => {
    const found = await sub.client.get(
      `${chat(sub)}/conversations/${directId}/messages?q=${encodeURIComponent('进场')}`,
    );
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((m: { body: string }) => m.body)).toEqual(['请确认进场时间：下周一 8:00']);
    const none = await sub.client.get(
      `${chat(sub)}/conversations/${directId}/messages?q=${encodeURIComponent('100%')}`,
    );
    expect(none.json().items).toEqual([]);
  });

  it('sends an image through the files module; the other party downloads it, an outsider cannot', async () => {
    const sent = await upload(
      gc.client,
      `${chat(gc)}/conversations/${directId}/files`,
      '现场.png',
      tinyPng(),
      'image/png',
    );
    expect(sent.statusCode, sent.body).toBe(201);
    const message = sent.json();
    expect(message.attachment).toMatchObject({ name: '现场.png', kind: 'image', mime: 'image/png' });
    expect(message.attachment.sha256).toMatch(/^[0-9a-f]{64}$/);
    const fileUrl = (p: Party) => `${chat(p)}/conversations/${directId}/messages/${message.id}/file`;
    const got = await sub.client.get(fileUrl(sub));
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(tinyPng())).toBe(true);
    expect((await outsider.client.get(fileUrl(outsider))).statusCode).toBe(404);
    // a PDF named .png is refused by its bytes
    const disguised = await upload(gc.client, `${chat(gc)}/conversations/${directId}/files`, 'x.png', tinyPdf());
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().code).toBe('FILE_TYPE_MISMATCH');
  });

  it('logs every message of a contract conversation in the evidence log', async () => {
    const conversation = await open(sub, { kind: 'contract', contextId: contractId });
    expect(conversation.participants.map((p) => p.orgId).sort()).toEqual([gc.orgId, sub.orgId].sort());
    const sent = await sub.client.post(`${chat(sub)}/conversations/${conversation.id}/messages`, {
      body: '已按合同第 5 条提交进度款申请',
    });
    expect(sent.statusCode).toBe(201);
    const { evidenceSha256, id } = sent.json();
    expect(evidenceSha256).toMatch(/^[0-9a-f]{64}$/);
    const [entry] = await queryRows<{ kind: string; sha: string }>(
      t.ctx.db,
      sql`select kind, content_sha256 as sha from evidence_entries where subject = ${`contract:${contractId}:chat:${id}`}`,
    );
    expect(entry).toEqual({ kind: 'chat.message', sha: evidenceSha256 });
    // not a party: the contract does not exist for the outsider
    const refused = await outsider.client.post(`${chat(outsider)}/conversations`, {
      kind: 'contract',
      contextId: contractId,
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('CHAT_CONTEXT_NOT_FOUND');
  });

  it('opens a demand conversation between its owner and whoever asks', async () => {
    const asked = await open(sub, { kind: 'demand', contextId: demandId });
    expect(asked.participants.map((p) => p.orgId).sort()).toEqual([gc.orgId, sub.orgId].sort());
    // the owner must name whom to talk to
    const owner = await gc.client.post(`${chat(gc)}/conversations`, { kind: 'demand', contextId: demandId });
    expect(owner.statusCode).toBe(400);
    expect(owner.json().code).toBe('CHAT_COUNTERPART_REQUIRED');
    expect((await open(gc, { kind: 'demand', contextId: demandId, withOrgId: sub.orgId })).id).toBe(asked.id);
  });

  it('allows only the public Q&A on a tender before its deadline; a private channel is refused', async () => {
    const qa = await open(sub, { kind: 'tender', contextId: tenderId });
    const joined = await open(outsider, { kind: 'tender', contextId: tenderId });
    expect(joined.id).toBe(qa.id);
    expect(joined.participants.map((p) => p.orgId).sort()).toEqual([gc.orgId, sub.orgId, outsider.orgId].sort());
    const fromBuyer = await gc.client.post(`${chat(gc)}/conversations`, {
      kind: 'tender',
      contextId: tenderId,
      withOrgId: sub.orgId,
    });
    expect(fromBuyer.statusCode).toBe(409);
    expect(fromBuyer.json().code).toBe('CHAT_TENDER_PRIVATE_BEFORE_DEADLINE');
    expect(fromBuyer.json().message['zh-CN']).toContain('公开答疑');
    const fromBidder = await sub.client.post(`${chat(sub)}/conversations`, {
      kind: 'tender',
      contextId: tenderId,
      withOrgId: gc.orgId,
    });
    expect(fromBidder.statusCode).toBe(409);
    const stored = await queryRows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from chat_conversations where context_key like ${`tender:${tenderId}:private%`}`,
    );
    expect(stored[0]?.n).toBe(0);
  });
});

describe('chat WebSocket', () => {
  let conversationId: string;
  beforeAll(async () => {
    conversationId = (await open(gc, { kind: 'direct', withOrgId: sub.orgId })).id;
  });

  it('refuses a connection without a session, and one from another site', async () => {
    const anonymous = new WebSocket(baseUrl);
    const refused = await new Promise<string>((resolve) =>
      anonymous.once('unexpected-response', (_r, res) => resolve(String(res.statusCode))),
    );
    expect(refused).toBe('401');
    const foreign = await connect(gc.client, { origin: 'https://evil.example' });
    expect((await foreign.closed).code).toBe(1008);
  });

  it('delivers a message live to the other organisation, and receipts back to the sender', async () => {
    const a = await connect(gc.client);
    const b = await connect(sub.client);
    const o = await connect(outsider.client);
    await a.waitFor((f) => f.type === 'ready');
    await b.waitFor((f) => f.type === 'ready');
    a.sendJson({ type: 'send', orgId: gc.orgId, conversationId, body: '实时消息 测试', clientId: 'c1' });
    const sent = (await a.waitFor((f) => f.type === 'sent')) as Extract<ChatServerFrame, { type: 'sent' }>;
    expect(sent.clientId).toBe('c1');
    const got = (await b.waitFor((f) => f.type === 'message' && f.message.body === '实时消息 测试')) as Extract<
      ChatServerFrame,
      { type: 'message' }
    >;
    expect(got.message.id).toBe(sent.message.id);
    // delivered (written within a second), then read
    const delivered = await a.waitFor(
      (f) => f.type === 'receipt' && f.receipt.orgId === sub.orgId && f.receipt.lastDeliveredSeq >= sent.message.seq,
    );
    expect(delivered.type).toBe('receipt');
    b.sendJson({ type: 'read', orgId: sub.orgId, conversationId, seq: got.message.seq });
    await a.waitFor(
      (f) => f.type === 'receipt' && f.receipt.orgId === sub.orgId && f.receipt.lastReadSeq === got.message.seq,
    );
    // the outsider's socket saw nothing of it
    await new Promise((r) => setTimeout(r, 100));
    expect(o.frames.filter((f) => f.type === 'message' || f.type === 'receipt')).toEqual([]);
    // and cannot post into it over the socket either, nor read it by resuming
    o.sendJson({ type: 'send', orgId: gc.orgId, conversationId, body: '闯入' });
    o.sendJson({ type: 'send', orgId: outsider.orgId, conversationId, body: '闯入' });
    await o.waitFor((f) => f.type === 'error' && f.code === 'CHAT_CONVERSATION_NOT_FOUND');
    o.sendJson({ type: 'resume', after: 0 });
    const missed = (await o.waitFor((f) => f.type === 'missed')) as Extract<ChatServerFrame, { type: 'missed' }>;
    expect(missed.messages.filter((m) => m.conversationId === conversationId)).toEqual([]);
    for (const c of [a, b, o]) c.ws.close();
  });

  it('catches up after a reconnect with what was sent meanwhile', async () => {
    const b = await connect(sub.client);
    b.sendJson({ type: 'resume', after: 0 });
    const first = (await b.waitFor((f) => f.type === 'missed')) as Extract<ChatServerFrame, { type: 'missed' }>;
    const lastSeen = Math.max(...first.messages.map((m) => m.seq));
    b.ws.close();
    await b.closed;
    await gc.client.post(`${chat(gc)}/conversations/${conversationId}/messages`, { body: '离线时发的第一条' });
    await gc.client.post(`${chat(gc)}/conversations/${conversationId}/messages`, { body: '离线时发的第二条' });
    const again = await connect(sub.client);
    again.sendJson({ type: 'resume', after: lastSeen });
    const missed = (await again.waitFor((f) => f.type === 'missed')) as Extract<ChatServerFrame, { type: 'missed' }>;
    expect(missed.messages.map((m) => m.body)).toEqual(['离线时发的第一条', '离线时发的第二条']);
    again.ws.close();
  });

  it('answers a malformed frame with an error and stays open; closes a flooding connection after an error', async () => {
    const c = await connect(gc.client);
    c.ws.send('not json');
    c.sendJson({ type: 'launch' });
    c.sendJson({ type: 'send', orgId: gc.orgId, conversationId, body: '字'.repeat(20_000) });
    await c.waitFor((f) => f.type === 'error' && f.code === 'CHAT_MESSAGE_TOO_LONG');
    expect(c.frames.filter((f) => f.type === 'error' && f.code === 'CHAT_FRAME_INVALID')).toHaveLength(2);
    c.sendJson({ type: 'ping' });
    await c.waitFor((f) => f.type === 'pong');
    for (let i = 0; i < SOCKET_BURST + 20; i++) c.sendJson({ type: 'ping' });
    const { code } = await c.closed;
    expect(code).toBe(1008);
    expect(c.frames.some((f) => f.type === 'error' && f.code === 'CHAT_RATE_LIMITED')).toBe(true);
  });
});
