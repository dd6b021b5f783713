import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedSubcontract, type TestParty } from '../../test/execution';
import { orgClient, staffClient } from '../../test/library-fixtures';
import {
  createTestApp,
  registeredClient,
  type TestApp,
  type TestClient,
  tinyPdf,
  uniqueEmail,
  upload,
} from '../../test/test-app';
import { recordCooperation } from '../cooperation';
import { setCreditGrade } from '../credit';
import { matchingRuns } from './matching.tables';

let t: TestApp;
let gc: TestClient;
let gcOrg: string;
let gcUser: string;
let staff: TestClient;
const suppliers: Record<string, { client: TestClient; orgId: string }> = {};

const LISTING = {
  kind: 'rebar',
  title: 'HRB400E 螺纹钢 Φ25',
  params: { grade: 'HRB400E', diameterMm: 25 },
  priceFen: 420_000,
  unit: '吨',
  serviceRegionCodes: ['330000'],
  leadTimeDays: 3,
  regionCode: '330100',
};

beforeAll(async () => {
  t = await createTestApp();
  // the buyer also supplies rebar: it must never be pushed its own demand
  ({ client: gc, orgId: gcOrg, userId: gcUser } = await orgClient(t.app, ['GC', 'SUP'], '浙江宏筑建设集团有限公司'));
  for (const [key, name] of [
    ['partner', '杭州钢联物资有限公司'],
    ['newcomer', '宁波甬钢贸易有限公司'],
    ['graded_c', '温州失信钢材有限公司'],
    ['far', '衢州远达建材有限公司'],
  ] as const)
    suppliers[key] = await orgClient(t.app, ['SUP'], name);
  for (const [key, s] of Object.entries(suppliers)) {
    const listing = await s.client.post(`/api/orgs/${s.orgId}/resources`, {
      ...LISTING,
      ...(key === 'far' ? { regionCode: '330800' } : {}),
    });
    expect(listing.statusCode, listing.body).toBe(201);
  }
  expect((await gc.post(`/api/orgs/${gcOrg}/resources`, LISTING)).statusCode).toBe(201);
  // history: the partner delivered rebar to this buyer twice
  for (const n of [1, 2])
    await recordCooperation(t.ctx, {
      source: 'contract',
      sourceRef: `history-${n}`,
      buyer: { orgId: gcOrg, name: '浙江宏筑建设集团有限公司' },
      supplier: { orgId: suppliers.partner?.orgId as string, name: '杭州钢联物资有限公司' },
      categoryCode: 'ZH:rebar',
      regionCode: '330106',
      amountFen: 250_000_000,
      occurredOn: `2025-0${n}-15`,
      title: `钢筋采购 第${n}批`,
    });
  // The grade comes from the credit module, through the provider app.ts wires into matching.
  await setCreditGrade(t.ctx, null, suppliers.graded_c?.orgId as string, { grade: 'C', source: '测试评级' });
  staff = await staffClient(t);
});
afterAll(async () => {
  await t.close();
});

async function publish(extra: Record<string, unknown> = {}) {
  const feasibility = (await upload(gc, `/api/orgs/${gcOrg}/files`, 'f.pdf', tinyPdf())).json();
  const funds = (await upload(gc, `/api/orgs/${gcOrg}/files`, 'm.pdf', tinyPdf())).json();
  const demand = (
    await gc.post(`/api/orgs/${gcOrg}/demands`, {
      type: 'procurement',
      title: '杭州滨江安置房 HRB400E 钢筋采购',
      projectName: '滨江安置房二期',
      category: '钢筋采购',
      items: [{ name: '螺纹钢', spec: 'HRB400E Φ25', unit: '吨', quantity: 600 }],
      budgetFen: 260_000_000,
      regionCode: '330108',
      deadline: '2099-06-30',
      feasibilityFileId: feasibility.id,
      fundsProofFileId: funds.id,
      ...extra,
    })
  ).json();
  const queue = (await staff.get('/api/staff/demand-reviews')).json().items;
  const review = queue.find((r: { demand: { id: string } }) => r.demand.id === demand.id);
  const decided = await staff.post(`/api/staff/demand-reviews/${review.id}/decision`, { decision: 'approved' });
  expect(decided.statusCode, decided.body).toBe(200);
  return demand.id as string;
}

describe('a demand passes review → suppliers are pushed', () => {
  let demandId: string;

  it('matches through the job queue: history first, hard filters applied, reasons given', async () => {
    demandId = await publish();
    const before = (await gc.get(`/api/orgs/${gcOrg}/demands/${demandId}/matches`)).json();
    expect(before).toMatchObject({ state: 'pending', items: [] });
    await t.ctx.jobs.runDue();
    const matches = (await gc.get(`/api/orgs/${gcOrg}/demands/${demandId}/matches`)).json();
    expect(matches.state).toBe('ready');
    const pushed = matches.items.map((m: { orgId: string }) => m.orgId);
    expect(pushed[0]).toBe(suppliers.partner?.orgId);
    expect(pushed).toContain(suppliers.newcomer?.orgId);
    expect(pushed).toContain(suppliers.far?.orgId);
    expect(pushed).not.toContain(gcOrg);
    expect(pushed).not.toContain(suppliers.graded_c?.orgId);
    // the nearer supplier ranks above the far one with the same listing
    expect(pushed.indexOf(suppliers.newcomer?.orgId)).toBeLessThan(pushed.indexOf(suppliers.far?.orgId));
    const top = matches.items[0];
    const signals = top.reasons.map((r: { signal: string }) => r.signal);
    expect(signals).toContain('fromBuyer');
    expect(signals).toContain('listing');
    expect(top.reasons[0].label['zh-CN']).toBeTruthy();
    expect(top.reasons.every((r: { contribution: number }) => r.contribution > 0)).toBe(true);
  });

  it('tells the supplier in-app and by e-mail, and the buyer sees its answer', async () => {
    const partner = suppliers.partner as { client: TestClient; orgId: string };
    const inbox = (await partner.client.get('/api/notifications')).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: 'matching.push', link: '/workspace/pushes', readAt: null });
    await t.ctx.jobs.runDue();
    await t.ctx.jobs.runDue();
    expect(t.mailer.sent.some((m) => m.subject.startsWith('新需求推荐') && m.text.includes('第 1 位'))).toBe(true);

    const pushes = (await partner.client.get(`/api/orgs/${partner.orgId}/pushes`)).json().items;
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({ demandId, buyerName: '浙江宏筑建设集团有限公司', rank: 1, answer: null });
    const bad = await partner.client.post(`/api/orgs/${partner.orgId}/pushes/${pushes[0].id}/answer`, {
      answer: 'maybe',
    });
    expect(bad.statusCode).toBe(400);
    const answered = await partner.client.post(`/api/orgs/${partner.orgId}/pushes/${pushes[0].id}/answer`, {
      answer: 'interested',
    });
    expect(answered.statusCode, answered.body).toBe(200);

    const matches = (await gc.get(`/api/orgs/${gcOrg}/demands/${demandId}/matches`)).json();
    expect(matches.items[0]).toMatchObject({ orgId: partner.orgId, answer: 'interested' });
    const buyerInbox = (await gc.get('/api/notifications')).json();
    expect(buyerInbox.items[0]).toMatchObject({ kind: 'matching.answer' });
    expect(buyerInbox.items[0].title).toContain('有意向');

    const read = await partner.client.post(`/api/notifications/${inbox.items[0].id}/read`);
    expect(read.json().readAt).not.toBeNull();
    expect((await partner.client.get('/api/notifications/unread-count')).json().unread).toBe(0);
  });

  it('keeps pushes private: another supplier cannot answer or read someone else’s push', async () => {
    const partner = suppliers.partner as { client: TestClient; orgId: string };
    const newcomer = suppliers.newcomer as { client: TestClient; orgId: string };
    const pushId = (await partner.client.get(`/api/orgs/${partner.orgId}/pushes`)).json().items[0].id;
    const foreign = await newcomer.client.post(`/api/orgs/${newcomer.orgId}/pushes/${pushId}/answer`, {
      answer: 'not_interested',
    });
    expect(foreign.statusCode).toBe(404);
    const notificationId = (await partner.client.get('/api/notifications')).json().items[0].id;
    expect((await newcomer.client.post(`/api/notifications/${notificationId}/read`)).statusCode).toBe(404);
  });

  it('re-matching on request pushes nobody twice', async () => {
    const again = await gc.post(`/api/orgs/${gcOrg}/demands/${demandId}/matches/refresh`);
    expect(again.statusCode, again.body).toBe(200);
    const ids = again.json().items.map((m: { orgId: string }) => m.orgId);
    expect(new Set(ids).size).toBe(ids.length);
    const partner = suppliers.partner as { client: TestClient; orgId: string };
    expect((await partner.client.get(`/api/orgs/${partner.orgId}/pushes`)).json().items).toHaveLength(1);
  });

  it('pushes nobody who lacks the required qualification', async () => {
    const id = await publish({ qualificationKind: '钢结构工程专业承包', qualificationGrade: '二级' });
    await t.ctx.jobs.runDue();
    const matches = (await gc.get(`/api/orgs/${gcOrg}/demands/${id}/matches`)).json();
    expect(matches.state).toBe('ready');
    expect(matches.candidates).toBeGreaterThan(0);
    expect(matches.items).toEqual([]);
  });

  it('shows staff the figures per week', async () => {
    const figures = (await staff.get('/api/staff/matching/figures')).json();
    expect(figures.totals.pushes).toBeGreaterThanOrEqual(3);
    expect(figures.totals.answers).toBe(1);
    expect(figures.totals.interested).toBe(1);
    expect(figures.weeks.length).toBeGreaterThan(0);
    expect(figures.model.features).toContain('fromBuyer');
  });
});

describe('capacity: open backlog and declared limits decide what a supplier is matched to', () => {
  const BUDGET = 260_000_000;
  let small: { client: TestClient; orgId: string; userId: string };
  let busy: { client: TestClient; orgId: string; userId: string };

  async function matchedFor(extra: Record<string, unknown> = {}) {
    const id = await publish(extra);
    await t.ctx.jobs.runDue();
    const matches = (await gc.get(`/api/orgs/${gcOrg}/demands/${id}/matches`)).json();
    expect(matches.state).toBe('ready');
    return { id, pushed: matches.items.map((m: { orgId: string }) => m.orgId) as string[] };
  }

  beforeAll(async () => {
    small = await orgClient(t.app, ['SUP'], '台州小量钢材经营部');
    busy = await orgClient(t.app, ['SUP', 'SUB'], '金华满单建材有限公司');
    for (const s of [small, busy])
      expect((await s.client.post(`/api/orgs/${s.orgId}/resources`, LISTING)).statusCode).toBe(201);
  });

  it('proposes both while they declare no limits', async () => {
    const declared = (await small.client.get(`/api/orgs/${small.orgId}/matching/capacity`)).json();
    expect(declared).toMatchObject({ singleProjectLimitFen: null, aggregateLimitFen: null, openBacklogFen: 0 });
    const { pushed } = await matchedFor();
    expect(pushed).toContain(small.orgId);
    expect(pushed).toContain(busy.orgId);
  });

  it('does not propose a supplier whose single-project limit is below the budget', async () => {
    const put = await small.client.request('PUT', `/api/orgs/${small.orgId}/matching/capacity`, {
      singleProjectLimitFen: BUDGET - 1,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ singleProjectLimitFen: BUDGET - 1, aggregateLimitFen: null });
    const aggregate = await busy.client.request('PUT', `/api/orgs/${busy.orgId}/matching/capacity`, {
      singleProjectLimitFen: null,
      aggregateLimitFen: 300_000_000,
    });
    expect(aggregate.statusCode, aggregate.body).toBe(200);
    const { pushed } = await matchedFor();
    expect(pushed).not.toContain(small.orgId);
    // no backlog yet: 0 + budget stays within the aggregate limit
    expect(pushed).toContain(busy.orgId);
  });

  it('does not propose a supplier whose open backlog plus the budget exceeds its aggregate limit', async () => {
    const gcParty = { orgId: gcOrg, userId: gcUser } as TestParty;
    await signedSubcontract(t, gcParty, busy as unknown as TestParty, 106_015_000);
    const mine = (await busy.client.get(`/api/orgs/${busy.orgId}/matching/capacity`)).json();
    expect(mine).toMatchObject({ aggregateLimitFen: 300_000_000, openBacklogFen: 106_015_000, openContracts: 1 });
    // the initiator's own contract is not its backlog
    expect((await gc.get(`/api/orgs/${gcOrg}/matching/capacity`)).json().openBacklogFen).toBe(0);
    const { id, pushed } = await matchedFor();
    expect(pushed).not.toContain(busy.orgId);
    expect(pushed).not.toContain(small.orgId);
    const [run] = await t.ctx.db.select().from(matchingRuns).where(eq(matchingRuns.demandId, id));
    expect(run?.note).toContain('capacity excluded 2');
    // the buyer sees only who was proposed, not why others were not
    const matches = (await gc.get(`/api/orgs/${gcOrg}/demands/${id}/matches`)).json();
    expect(JSON.stringify(matches)).not.toContain('capacity');
  });

  it('lets only the owner or an admin declare it; members may read it', async () => {
    const email = uniqueEmail('capacity-member');
    const invitation = (
      await small.client.post(`/api/orgs/${small.orgId}/invitations`, { identifier: email, role: 'member' })
    ).json();
    const member = await registeredClient(t.app, email, '业务员 王');
    expect((await member.client.post(`/api/invitations/${invitation.id}/accept`)).statusCode).toBeLessThan(300);
    expect((await member.client.get(`/api/orgs/${small.orgId}/matching/capacity`)).statusCode).toBe(200);
    const refused = await member.client.request('PUT', `/api/orgs/${small.orgId}/matching/capacity`, {
      singleProjectLimitFen: null,
      aggregateLimitFen: null,
    });
    expect(refused.statusCode).toBe(403);
    const after = (await small.client.get(`/api/orgs/${small.orgId}/matching/capacity`)).json();
    expect(after.singleProjectLimitFen).toBe(BUDGET - 1);
    // another organisation cannot read it
    expect((await busy.client.get(`/api/orgs/${small.orgId}/matching/capacity`)).statusCode).toBe(404);
  });

  it('refuses negative and fractional limits with both languages, storing nothing', async () => {
    for (const body of [{ singleProjectLimitFen: -1 }, { aggregateLimitFen: 1.5 }, { singleProjectLimitFen: '1' }]) {
      const bad = await small.client.request('PUT', `/api/orgs/${small.orgId}/matching/capacity`, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(bad.body).toMatch(/[\u4e00-\u9fa5]/);
    }
    const after = (await small.client.get(`/api/orgs/${small.orgId}/matching/capacity`)).json();
    expect(after).toMatchObject({ singleProjectLimitFen: BUDGET - 1, aggregateLimitFen: null });
  });
});
