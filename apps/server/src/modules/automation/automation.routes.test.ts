import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import {
  createOrg,
  createTestApp,
  registeredClient,
  type TestApp,
  type TestClient,
  uniqueEmail,
} from '../../test/test-app';

const base = '/api/staff/automation';

const cyclic = {
  name: '循环旅程',
  audience: 'organisation',
  segment: { silentDays: 30 },
  trigger: { kind: 'schedule', reentryDays: 30 },
  steps: [
    { id: 'remind', type: 'action', channel: 'inApp', title: '提醒', body: '', next: 'wait' },
    { id: 'wait', type: 'wait', hours: 24, next: 'remind' },
  ],
};

/** 自动化营销 over HTTP: operators and admins only; a cyclic journey refused with both languages. */
describe('automation routes', () => {
  let t: TestApp;
  let operator: TestClient;
  let finance: TestClient;
  let owner: TestClient;
  let member: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    operator = (await staffClient(t, ['operator'], '运营专员')).client;
    finance = (await staffClient(t, ['finance'], '财务专员')).client;
    owner = (await registeredClient(t.app)).client;
    const org = await createOrg(owner, { creditCode: validCreditCode(), businessRoles: ['GC'] });
    const email = uniqueEmail('member');
    const invitation = (
      await owner.post(`/api/orgs/${org.id}/invitations`, { identifier: email, role: 'member' })
    ).json();
    member = (await registeredClient(t.app, email)).client;
    await member.post(`/api/invitations/${invitation.id}/accept`);
  });
  afterAll(async () => t?.close());

  it('lets an operator start from a template, activate it and dry-run it', async () => {
    const templates = await operator.get(`${base}/templates`);
    expect(templates.json().items.map((i: { key: string }) => i.key)).toEqual([
      'recall_silent_30d',
      'lead_follow_up_24h',
      'merchant_welcome',
    ]);
    const created = await operator.post(`${base}/templates/lead_follow_up_24h/journeys`);
    expect(created.statusCode).toBe(201);
    const journey = created.json();
    expect(journey).toMatchObject({ status: 'draft', templateKey: 'lead_follow_up_24h', audience: 'user' });
    const active = await operator.post(`${base}/journeys/${journey.id}/status`, { status: 'active' });
    expect(active.json().status).toBe('active');
    const preview = await operator.post(`${base}/journeys/${journey.id}/dry-run`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ recipients: expect.any(Number), items: expect.any(Array) });
    const detail = await operator.get(`${base}/journeys/${journey.id}`);
    expect(detail.json()).toMatchObject({ journey: { id: journey.id }, enrolments: [], sends: [] });
    expect((await operator.get(`${base}/tasks`)).json()).toEqual({ items: [] });
  });

  it('refuses a journey with a cycle in Chinese and English, and saves nothing', async () => {
    const before = (await operator.get(`${base}/journeys`)).json().items.length;
    const refused = await operator.post(`${base}/journeys`, cyclic);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'JOURNEY_CYCLE',
      message: {
        'zh-CN': expect.stringContaining('循环（remind → wait → remind）'),
        en: expect.stringContaining('cycle (remind → wait → remind)'),
      },
    });
    expect((await operator.get(`${base}/journeys`)).json().items.length).toBe(before);
  });

  it('keeps organisations, plain members and the wrong staff role out', async () => {
    const journeyId = (await operator.get(`${base}/journeys`)).json().items[0].id;
    for (const client of [owner, member, finance]) {
      expect((await client.get(`${base}/journeys`)).statusCode).toBe(403);
      expect((await client.post(`${base}/templates/merchant_welcome/journeys`)).statusCode).toBe(403);
      expect((await client.get(`${base}/journeys/${journeyId}`)).statusCode).toBe(403);
      expect((await client.post(`${base}/journeys/${journeyId}/dry-run`)).statusCode).toBe(403);
      expect((await client.get(`${base}/tasks`)).statusCode).toBe(403);
    }
  });
});
