import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/builders';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import { createTestApp, PASSWORD, type TestApp, TestClient, tinyPdf, upload } from '../../test/test-app';
import { createOrganisationDirect } from '../organisation';
import { TICKET_ATTACHMENT_MAX_BYTES } from './tickets.rules';

let t: TestApp;

async function login(email: string) {
  const client = new TestClient(t.app);
  const r = await client.post('/api/auth/login', { identifier: email, password: PASSWORD });
  if (r.statusCode !== 200) throw new Error(`login failed ${r.body}`);
  return client;
}

/** An organisation with an owner and a plain member, both logged in. */
async function org(name: string) {
  const owner = await buildUser(t.ctx, `${name}负责人`);
  const member = await buildUser(t.ctx, `${name}员工`);
  const made = await createOrganisationDirect(
    t.ctx,
    owner.userId,
    {
      name,
      creditCode: validCreditCode('330100'),
      businessRoles: ['SUB'],
      regionCode: '330106',
      verification: 'verified',
    },
    [{ userId: member.userId, role: 'member' }],
  );
  return { orgId: made.id, owner: await login(owner.email), member: await login(member.email) };
}

let a: Awaited<ReturnType<typeof org>>;
let b: Awaited<ReturnType<typeof org>>;
let line1: TestClient;
let line2: TestClient;
let finance: TestClient;
let ticketId: string;

const ticket = (over: Record<string, unknown> = {}) => ({
  category: 'tendering',
  priority: 'high',
  subject: '投标文件上传失败',
  text: '上传 40MB 的投标文件时页面报错。',
  attachmentFileIds: [],
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  a = await org('浙江恒远劳务有限公司');
  b = await org('宁波第三建筑有限公司');
  line1 = (await staffClient(t, ['service'], '一线客服周静')).client;
  line2 = (await staffClient(t, ['support_technical'], '二线技术刘洋')).client;
  finance = (await staffClient(t, ['finance'], '资金专员')).client;
});
afterAll(async () => {
  await t?.close();
});

describe('tickets over HTTP', () => {
  it('bad input: empty subject, rating outside 1–5, a huge attachment — clear errors in both languages, nothing stored', async () => {
    const empty = await a.member.post(`/api/orgs/${a.orgId}/tickets`, ticket({ subject: '   ' }));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().issues[0]).toMatchObject({ path: 'subject', code: 'TICKET_SUBJECT_REQUIRED' });
    expect(empty.json().issues[0].message['zh-CN']).toContain('工单标题');
    expect(empty.json().issues[0].message.en).toContain('subject');

    const huge = Buffer.concat([tinyPdf(), Buffer.alloc(TICKET_ATTACHMENT_MAX_BYTES + 10, 32)]);
    const file = await upload(a.member, `/api/orgs/${a.orgId}/files`, '报错截图.pdf', huge, 'application/pdf');
    expect(file.statusCode).toBe(201);
    const tooLarge = await a.member.post(
      `/api/orgs/${a.orgId}/tickets`,
      ticket({ attachmentFileIds: [file.json().id] }),
    );
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.json().code).toBe('TICKET_ATTACHMENT_TOO_LARGE');
    expect(tooLarge.json().message['zh-CN']).toContain('不超过 10 MB');
    expect(tooLarge.json().message.en).toContain('up to 10 MB');
    // another organisation's file is not an attachment of ours
    const foreign = await b.owner.post(`/api/orgs/${b.orgId}/tickets`, ticket({ attachmentFileIds: [file.json().id] }));
    expect(foreign.json().code).toBe('TICKET_ATTACHMENT_UNKNOWN');
    for (const o of [a, b]) expect((await o.owner.get(`/api/orgs/${o.orgId}/tickets`)).json().items).toEqual([]);
  });

  it('a plain member opens a ticket with an attachment through the API; the whole organisation sees it', async () => {
    const file = await upload(a.member, `/api/orgs/${a.orgId}/files`, '报错截图.pdf', tinyPdf(), 'application/pdf');
    const opened = await a.member.post(
      `/api/orgs/${a.orgId}/tickets?channel=web`,
      ticket({ attachmentFileIds: [file.json().id] }),
    );
    expect(opened.statusCode).toBe(201);
    ticketId = opened.json().id;
    expect(opened.json()).toMatchObject({ status: 'new', line: 1, channel: 'web', priority: 'high' });
    expect(opened.json().attachments[0].name).toBe('报错截图.pdf');
    expect((await a.owner.get(`/api/orgs/${a.orgId}/tickets/${ticketId}`)).statusCode).toBe(200);
    const api = await a.owner.post(`/api/orgs/${a.orgId}/tickets`, ticket({ subject: '接口调用' }));
    expect(api.json().channel).toBe('api');
  });

  it('isolation: another organisation gets 404, staff of another role 403, a line-2 agent cannot answer at line 1', async () => {
    expect((await b.owner.get(`/api/orgs/${b.orgId}/tickets/${ticketId}`)).statusCode).toBe(404);
    expect((await b.owner.get(`/api/orgs/${a.orgId}/tickets/${ticketId}`)).statusCode).toBe(404);
    expect((await b.owner.get(`/api/orgs/${b.orgId}/tickets`)).json().items).toEqual([]);
    expect((await b.owner.post(`/api/orgs/${b.orgId}/tickets/${ticketId}/rating`, { stars: 5 })).statusCode).toBe(404);
    for (const url of ['/api/staff/tickets', `/api/staff/tickets/${ticketId}`, '/api/staff/tickets/board'])
      expect((await finance.get(url)).statusCode).toBe(403);
    expect((await a.owner.get('/api/staff/tickets')).statusCode).toBe(403);
    const wrongLine = await line2.post(`/api/staff/tickets/${ticketId}/messages`, { body: '你好' });
    expect(wrongLine.statusCode).toBe(403);
    expect(wrongLine.json().code).toBe('TICKET_NOT_YOUR_LINE');
    expect(wrongLine.json().message.en).toContain('line 1');
  });

  it('the journey: canned answer, internal note, escalation, line 2 resolves, the requester rates, the board counts it', async () => {
    const canned = await line1.post('/api/staff/tickets/canned-answers', {
      title: '已收到',
      body: '您好，已收到您的问题，正在排查。',
      category: null,
    });
    expect(canned.statusCode).toBe(201);
    const answer = canned.json().items[0];
    await line1.post(`/api/staff/tickets/${ticketId}/messages`, { body: answer.body, cannedAnswerId: answer.id });
    await line1.post(`/api/staff/tickets/${ticketId}/messages`, { body: '大文件分片上传问题', internal: true });
    const escalated = await line1.post(`/api/staff/tickets/${ticketId}/escalate`, { reason: '需技术排查上传服务' });
    expect(escalated.json()).toMatchObject({ line: 2, status: 'open' });
    expect((await line2.get('/api/staff/tickets?line=2')).json().items.map((i: { id: string }) => i.id)).toContain(
      ticketId,
    );
    const resolved = await line2.post(`/api/staff/tickets/${ticketId}/resolve`, {
      resolution: '已调大分片上限，请重试。',
    });
    expect(resolved.json().status).toBe('resolved');

    const seen = (await a.member.get(`/api/orgs/${a.orgId}/tickets/${ticketId}`)).json();
    expect(seen.messages.map((m: { body: string }) => m.body)).toEqual([
      '上传 40MB 的投标文件时页面报错。',
      '您好，已收到您的问题，正在排查。',
      '已调大分片上限，请重试。',
    ]);
    const outOfRange = await a.member.post(`/api/orgs/${a.orgId}/tickets/${ticketId}/rating`, {
      stars: 6,
      comment: '',
    });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().issues[0].message).toEqual({
      'zh-CN': '评分须为 1 到 5 星',
      en: 'The rating must be 1 to 5 stars',
    });
    expect((await a.member.get(`/api/orgs/${a.orgId}/tickets/${ticketId}`)).json().rating).toBeNull();
    const rated = await a.member.post(`/api/orgs/${a.orgId}/tickets/${ticketId}/rating`, {
      stars: 5,
      comment: '解决得很快',
    });
    expect(rated.json()).toMatchObject({ status: 'closed', rating: { stars: 5, comment: '解决得很快' } });

    const board = (await line1.get('/api/staff/tickets/board')).json();
    expect(board.overall.resolvedInMonth).toBe(1);
    expect(board.byLine.find((l: { line: number }) => l.line === 2).resolvedInMonth).toBe(1);
    expect(board.byCategory.find((c: { category: string }) => c.category === 'tendering').opened).toBe(2);
    expect((await line1.get('/api/staff/tickets/board?month=2026-13')).statusCode).toBe(400);
  });
});
