import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../infra/ids';
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
import { analyticsMerchantAlerts } from './analytics.tables';

/** Saved analyses, merchant alerts and market insights over HTTP: who may call them, bad input, what is stored. */
let t: TestApp;
let alice: TestClient;
let bob: TestClient;
let finance: TestClient;
const base = '/api/staff/growth';
const funnelQuery = {
  steps: 'user.registered,organisation.created',
  entity: 'org',
  windowDays: 14,
  breakdown: 'channel',
  from: '2026-01-01',
  to: '2026-03-31',
};

beforeAll(async () => {
  t = await createTestApp();
  alice = (await staffClient(t, ['operator'], '增长运营 甲')).client;
  bob = (await staffClient(t, ['admin'], '增长运营 乙')).client;
  finance = (await staffClient(t, ['finance'], '财务')).client;
});
afterAll(async () => {
  await t.close();
});

describe('saved analyses', () => {
  it("lists one's own and shared analyses; only the owner renames and deletes", async () => {
    const saved = await alice.post(`${base}/saved-analyses`, {
      kind: 'funnel',
      name: '一季度获客',
      query: funnelQuery,
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({
      kind: 'funnel',
      name: '一季度获客',
      query: funnelQuery,
      shared: false,
      mine: true,
    });
    const id = saved.json().id;
    // private: bob neither lists nor reaches it
    expect((await bob.get(`${base}/saved-analyses?kind=funnel`)).json().items).toEqual([]);
    expect((await bob.patch(`${base}/saved-analyses/${id}`, { name: '改名' })).statusCode).toBe(404);
    // shared: bob lists and reopens it, but it stays alice's
    expect((await alice.patch(`${base}/saved-analyses/${id}`, { shared: true })).json()).toMatchObject({
      shared: true,
    });
    const seen = (await bob.get(`${base}/saved-analyses?kind=funnel`)).json().items;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id, mine: false, query: funnelQuery });
    const renamed = await bob.patch(`${base}/saved-analyses/${id}`, { name: '乙的名字' });
    expect(renamed.statusCode).toBe(403);
    expect(renamed.json().code).toBe('ANALYTICS_SAVED_NOT_OWNER');
    expect((await bob.delete(`${base}/saved-analyses/${id}`)).statusCode).toBe(403);
    // the cohort list does not carry a funnel
    expect((await alice.get(`${base}/saved-analyses?kind=cohorts`)).json().items).toEqual([]);
    expect((await alice.patch(`${base}/saved-analyses/${id}`, { name: '一季度获客（渠道）' })).json().name).toBe(
      '一季度获客（渠道）',
    );
    expect((await alice.delete(`${base}/saved-analyses/${id}`)).statusCode).toBe(204);
    expect((await alice.get(`${base}/saved-analyses`)).json().items).toEqual([]);
  });

  it('refuses a query its analysis would refuse, in Chinese and English, and stores nothing', async () => {
    const refused = await alice.post(`${base}/saved-analyses`, {
      kind: 'funnel',
      name: '一步漏斗',
      query: { ...funnelQuery, steps: 'user.registered' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'ANALYTICS_SAVED_QUERY_INVALID',
      message: { 'zh-CN': expect.stringContaining('保存的查询无效'), en: expect.stringContaining('invalid') },
    });
    const backwards = await alice.post(`${base}/saved-analyses`, {
      kind: 'cohorts',
      name: '倒置区间',
      query: { period: 'week', from: '2026-03-01', to: '2026-01-01' },
    });
    expect(backwards.json().code).toBe('ANALYTICS_RANGE_INVALID');
    expect((await alice.post(`${base}/saved-analyses`, { kind: 'rfm', name: '', query: {} })).statusCode).toBe(400);
    expect((await alice.get(`${base}/saved-analyses`)).json().items).toEqual([]);
  });

  it('is the growth team’s: members of organisations and other staff roles are refused', async () => {
    const { client: member } = await registeredClient(t.app);
    for (const who of [member, finance]) {
      expect((await who.get(`${base}/saved-analyses`)).statusCode).toBe(403);
      expect(
        (await who.post(`${base}/saved-analyses`, { kind: 'rfm', name: 'x', query: { asOf: '2026-01-01' } }))
          .statusCode,
      ).toBe(403);
    }
  });
});

describe('merchant alerts and market insights', () => {
  let merchant: { client: TestClient; orgId: string };
  let other: { client: TestClient; orgId: string };
  let member: TestClient;
  let alertId: string;

  beforeAll(async () => {
    const party = async (name: string) => {
      const u = await registeredClient(t.app, undefined, `${name}负责人`);
      const org = await createOrg(u.client, { creditCode: validCreditCode(), businessRoles: ['SUP'], name });
      return { client: u.client, orgId: org.id };
    };
    merchant = await party('预警测试建材有限公司');
    other = await party('另一家建材有限公司');
    const email = uniqueEmail('alert-member');
    const invitation = (
      await merchant.client.post(`/api/orgs/${merchant.orgId}/invitations`, { identifier: email, role: 'member' })
    ).json();
    member = (await registeredClient(t.app, email, '资料员')).client;
    await member.post(`/api/invitations/${invitation.id}/accept`);
    alertId = newId();
    const now = new Date();
    await t.ctx.db.insert(analyticsMerchantAlerts).values({
      id: alertId,
      orgId: merchant.orgId,
      rule: 'inquiry_drop',
      weekStart: '2026-01-05',
      evidence: { current: 1, average: 6, share: 0.167, threshold: 0.5 },
      status: 'open',
      raisedAt: now,
      updatedAt: now,
    });
  });

  it("shows a merchant its own alerts and lets its managers acknowledge them, not another's", async () => {
    const own = await merchant.client.get(`/api/orgs/${merchant.orgId}/merchant-alerts`);
    expect(own.statusCode).toBe(200);
    expect(own.json().items).toMatchObject([{ id: alertId, rule: 'inquiry_drop', orgName: '预警测试建材有限公司' }]);
    expect((await other.client.get(`/api/orgs/${other.orgId}/merchant-alerts`)).json().items).toEqual([]);
    expect((await other.client.get(`/api/orgs/${merchant.orgId}/merchant-alerts`)).statusCode).toBe(404);
    // through its own path, another organisation still cannot touch the alert
    expect(
      (await other.client.patch(`/api/orgs/${other.orgId}/merchant-alerts/${alertId}`, { status: 'acknowledged' }))
        .statusCode,
    ).toBe(404);
    // a plain member reads but does not acknowledge
    expect((await member.get(`/api/orgs/${merchant.orgId}/merchant-alerts`)).statusCode).toBe(200);
    expect(
      (await member.patch(`/api/orgs/${merchant.orgId}/merchant-alerts/${alertId}`, { status: 'acknowledged' }))
        .statusCode,
    ).toBe(403);
    // a merchant may not resolve: that is the growth team's
    expect(
      (await merchant.client.patch(`/api/orgs/${merchant.orgId}/merchant-alerts/${alertId}`, { status: 'resolved' }))
        .statusCode,
    ).toBe(400);
    const ack = await merchant.client.patch(`/api/orgs/${merchant.orgId}/merchant-alerts/${alertId}`, {
      status: 'acknowledged',
    });
    expect(ack.json()).toMatchObject({ status: 'acknowledged' });
  });

  it('lets the growth team list and resolve alerts; other staff and merchants are refused', async () => {
    expect((await finance.get(`${base}/merchant-alerts`)).statusCode).toBe(403);
    expect((await merchant.client.get(`${base}/merchant-alerts`)).statusCode).toBe(403);
    expect((await finance.patch(`${base}/merchant-alerts/${alertId}`, { status: 'resolved' })).statusCode).toBe(403);
    expect((await finance.post(`${base}/merchant-alerts/check`, {})).statusCode).toBe(403);
    const list = (await alice.get(`${base}/merchant-alerts?status=acknowledged`)).json().items;
    expect(list.map((a: { id: string }) => a.id)).toContain(alertId);
    expect((await alice.patch(`${base}/merchant-alerts/${alertId}`, { status: 'resolved' })).json().status).toBe(
      'resolved',
    );
    expect((await alice.patch(`${base}/merchant-alerts/${newId()}`, { status: 'resolved' })).statusCode).toBe(404);
    expect((await alice.post(`${base}/merchant-alerts/check`, {})).statusCode).toBe(200);
  });

  it('gives market insights to the merchant for its own path and to the growth team', async () => {
    const q = 'from=2026-01-01&to=2026-01-31&level=city';
    const own = await merchant.client.get(`/api/orgs/${merchant.orgId}/market?${q}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ minGroup: 5, level: 'city' });
    expect((await other.client.get(`/api/orgs/${merchant.orgId}/market?${q}`)).statusCode).toBe(404);
    expect((await alice.get(`${base}/market?${q}`)).json().minGroup).toBe(1);
    expect((await finance.get(`${base}/market?${q}`)).statusCode).toBe(403);
    expect((await member.get(`${base}/market?${q}`)).statusCode).toBe(403);
    const bad = await alice.get(`${base}/market?from=2026-02-01&to=2026-01-01`);
    expect(bad.statusCode).toBe(400);
  });

  it('refuses the flows and cohort LTV to all but the growth team', async () => {
    const q = 'from=2026-01-01&to=2026-01-31';
    expect((await alice.get(`${base}/lifecycle/flows?${q}&view=marketing`)).statusCode).toBe(200);
    expect((await alice.get(`${base}/cohorts/ltv?${q}&period=month&periods=3`)).json()).toEqual({
      period: 'month',
      rows: [],
    });
    for (const who of [finance, member, merchant.client]) {
      expect((await who.get(`${base}/lifecycle/flows?${q}`)).statusCode).toBe(403);
      expect((await who.get(`${base}/cohorts/ltv?${q}`)).statusCode).toBe(403);
    }
  });
});
