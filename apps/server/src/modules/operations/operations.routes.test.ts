import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import { createOrg, createTestApp, registeredClient, type TestApp, type TestClient } from '../../test/test-app';
import { recordProductEvent } from '../analytics';
import { openForMember, rate, resolve } from '../tickets';
import { monthWindow } from './operations.service';

let t: TestApp;
let admin: TestClient;
let manager: TestClient;
let managerId: string;
let otherManager: TestClient;
let bd: TestClient;
let bdId: string;
let bd2: TestClient;
let bd2Id: string;
let success: TestClient;
let successId: string;
let finance: TestClient;
let service: { client: TestClient; userId: string };
let member: { client: TestClient; userId: string };
let eastId: string;
let westId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await staffClient(t, ['admin'], '管理员')).client;
  ({ client: manager, userId: managerId } = await staffClient(t, ['operator'], '华东中心负责人'));
  const west = await staffClient(t, ['operator'], '西南中心负责人');
  otherManager = west.client;
  ({ client: bd, userId: bdId } = await staffClient(t, ['bd'], '地推甲'));
  ({ client: bd2, userId: bd2Id } = await staffClient(t, ['bd'], '地推乙'));
  ({ client: success, userId: successId } = await staffClient(t, ['success'], '客户成功丙'));
  finance = (await staffClient(t, ['finance'], '财务丁')).client;
  service = await staffClient(t, ['service'], '客服戊');
  member = await registeredClient(t.app);

  const east = await admin.post('/api/staff/operations/centres', {
    name: '华东运营中心',
    territories: ['330000', '310000'],
  });
  expect(east.statusCode, east.body).toBe(201);
  eastId = east.json().id;
  westId = (await admin.post('/api/staff/operations/centres', { name: '西南运营中心', territories: ['510000'] })).json()
    .id;
  for (const [centre, userId, role] of [
    [eastId, managerId, 'manager'],
    [eastId, bdId, 'bd'],
    [eastId, successId, 'success'],
    [westId, bd2Id, 'bd'],
  ] as const) {
    const added = await admin.post(`/api/staff/operations/centres/${centre}/members`, { userId, role });
    expect(added.statusCode, added.body).toBe(200);
  }
  await admin.post(`/api/staff/operations/centres/${westId}/members`, { userId: west.userId, role: 'manager' });
});
afterAll(async () => {
  await t.close();
});

const lead = (over: Record<string, unknown> = {}) => ({
  companyName: '杭州钱塘建材有限公司',
  contactName: '王经理',
  contactPhone: '13800001111',
  regionCode: '330106',
  source: 'visit',
  ...over,
});

describe('operation centres', () => {
  it('only admins set up centres; a bad territory or a person without the staff role is refused and stores nothing', async () => {
    expect(
      (await manager.post('/api/staff/operations/centres', { name: '华南', territories: ['440000'] })).statusCode,
    ).toBe(403);
    const bad = await admin.post('/api/staff/operations/centres', { name: '华南运营中心', territories: ['999999'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('OPS_REGION_UNKNOWN');
    expect(bad.json().message.en).toContain('999999');
    expect(
      (await admin.get('/api/staff/operations/centres')).json().items.map((c: { name: string }) => c.name),
    ).not.toContain('华南运营中心');
    const noRole = await admin.post(`/api/staff/operations/centres/${eastId}/members`, {
      userId: member.userId,
      role: 'bd',
    });
    expect(noRole.json().code).toBe('OPS_MEMBER_ROLE_MISSING');
    const twice = await admin.post(`/api/staff/operations/centres/${westId}/members`, { userId: bdId, role: 'bd' });
    expect(twice.json().code).toBe('OPS_ALREADY_MEMBER');

    // a BD sees their own centre with its territory and people; a plain member and wrong-role staff are kept out
    const mine = (await bd.get('/api/staff/operations/centres')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0].territories.map((x: { name: string }) => x.name)).toEqual(['浙江省', '上海市']);
    expect(mine[0].members.map((m: { role: string }) => m.role).sort()).toEqual(['bd', 'manager', 'success']);
    expect((await member.client.get('/api/staff/operations/centres')).statusCode).toBe(403);
    // an organisation's owner (a customer, not staff) is kept out of every desk route alike
    const owner = await registeredClient(t.app);
    await createOrg(owner.client, { name: '外部建设有限公司', creditCode: validCreditCode('330100') });
    for (const path of ['centres', 'leads', 'targets', 'assignments', 'reports'])
      expect((await owner.client.get(`/api/staff/operations/${path}`)).statusCode).toBe(403);
    expect((await owner.client.post('/api/staff/operations/leads', lead())).statusCode).toBe(403);
    expect((await finance.get('/api/staff/operations/centres')).statusCode).toBe(403);
  });
});

describe('leads and check-ins', () => {
  it('a BD registers leads in the territory, checks in a visit and sees only their own leads', async () => {
    const outside = await bd.post('/api/staff/operations/leads', lead({ regionCode: '510104' }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json().code).toBe('OPS_REGION_OUTSIDE_TERRITORY');
    const badCode = await bd.post('/api/staff/operations/leads', lead({ creditCode: '91330100MA2XXXXXXX' }));
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().issues[0].message['zh-CN']).toBeTruthy();
    expect((await bd.get('/api/staff/operations/leads')).json().items).toHaveLength(0);

    const created = await bd.post('/api/staff/operations/leads', lead());
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ state: 'new', regionName: '浙江省 / 杭州市 / 西湖区', visitCount: 0 });

    const missingNotes = await bd.post(`/api/staff/operations/leads/${id}/visits`, { place: '西湖区文三路 1 号' });
    expect(missingNotes.statusCode).toBe(400);
    expect((await bd.get(`/api/staff/operations/leads/${id}`)).json().visits).toHaveLength(0);

    const visit = await bd.post(`/api/staff/operations/leads/${id}/visits`, {
      place: '西湖区文三路 1 号',
      notes: '见到采购负责人，介绍了平台的资金监管',
      nextStep: '下周带合同范本再访',
      location: { lat: 30.27, lng: 120.13, accuracyM: 25 },
    });
    expect(visit.statusCode, visit.body).toBe(201);
    expect(visit.json()).toMatchObject({ state: 'visited', visitCount: 1 });
    expect(visit.json().visits[0]).toMatchObject({ byName: '地推甲', location: { lat: 30.27, lng: 120.13 } });

    // another BD, a success manager, finance staff, a plain member: not theirs
    expect((await bd2.get(`/api/staff/operations/leads/${id}`)).statusCode).toBe(404);
    expect(
      (await bd2.post(`/api/staff/operations/leads/${id}/visits`, { place: '某地', notes: '拜访记录' })).statusCode,
    ).toBe(404);
    expect((await bd2.get('/api/staff/operations/leads')).json().items).toHaveLength(0);
    expect((await success.get('/api/staff/operations/leads')).statusCode).toBe(403);
    expect((await finance.get(`/api/staff/operations/leads/${id}`)).statusCode).toBe(403);
    expect((await member.client.post('/api/staff/operations/leads', lead())).statusCode).toBe(403);
    // the centre's manager reads the lead but does not check in for the BD; the other centre's manager sees nothing
    expect((await manager.get(`/api/staff/operations/leads/${id}`)).json().visits).toHaveLength(1);
    expect(
      (await manager.post(`/api/staff/operations/leads/${id}/visits`, { place: '某地', notes: '拜访记录' })).statusCode,
    ).toBe(403);
    expect((await otherManager.get(`/api/staff/operations/leads/${id}`)).statusCode).toBe(404);

    expect((await bd.post(`/api/staff/operations/leads/${id}/state`, { to: 'intent' })).json().state).toBe('intent');
    expect((await bd.post(`/api/staff/operations/leads/${id}/state`, { to: 'lost' })).json().state).toBe('lost');
    const again = await bd.post(`/api/staff/operations/leads/${id}/state`, { to: 'lost' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('OPS_LEAD_STATE_INVALID');
  });
});

describe('targets and customer success', () => {
  it('progress counts organisations that registered after their lead; the first contract closes the assignment', async () => {
    // a company already on the platform before the BD met it is not a new customer
    const existingCode = validCreditCode('330100');
    const owner = await registeredClient(t.app);
    const existing = await createOrg(owner.client, { name: '老客户建设有限公司', creditCode: existingCode });
    const newCode = validCreditCode('330100');
    const early = await bd.post(
      '/api/staff/operations/leads',
      lead({ companyName: '老客户建设有限公司', creditCode: existingCode }),
    );
    // the organisation registered before the lead was entered: backdate nothing, the lead simply comes after it
    expect(early.statusCode, early.body).toBe(201);
    const fresh = (
      await bd.post('/api/staff/operations/leads', lead({ companyName: '新客户建设有限公司', creditCode: newCode }))
    ).json();
    expect((await bd.post('/api/staff/operations/leads', lead({ creditCode: newCode }))).json().code).toBe(
      'OPS_LEAD_DUPLICATE',
    );

    // the new company registers on the platform by itself (no hint to the desk but its credit code)
    const newOwner = await registeredClient(t.app);
    const org = await createOrg(newOwner.client, { name: '新客户建设有限公司', creditCode: newCode });

    const detail = (await bd.get(`/api/staff/operations/leads/${fresh.id}`)).json();
    expect(detail).toMatchObject({ state: 'registered', org: { id: org.id, name: '新客户建设有限公司' } });
    const month =
      (detail.registeredAt as string) &&
      new Date(Date.parse(detail.registeredAt) + 8 * 3_600_000).toISOString().slice(0, 7);

    // the manager sets 30 for the month; a BD of another centre is not theirs; a BD cannot set targets
    const set = await manager.put('/api/staff/operations/targets', { userId: bdId, month, newCustomers: 30 });
    expect(set.statusCode, set.body).toBe(200);
    expect(
      (await manager.put('/api/staff/operations/targets', { userId: bd2Id, month, newCustomers: 30 })).json().code,
    ).toBe('OPS_PERSON_NOT_IN_YOUR_CENTRE');
    expect((await bd.put('/api/staff/operations/targets', { userId: bdId, month, newCustomers: 1 })).statusCode).toBe(
      403,
    );
    const bad = await manager.put('/api/staff/operations/targets', { userId: bdId, month: '2026-13', newCustomers: 5 });
    expect(bad.statusCode).toBe(400);

    const mine = (await bd.get(`/api/staff/operations/targets?month=${month}`)).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      userId: bdId,
      target: 30,
      registered: 1,
      firstDeals: 0,
      centreName: '华东运营中心',
    });
    expect(mine[0].progress).toBeCloseTo(1 / 30);
    const board = (await manager.get(`/api/staff/operations/targets?month=${month}`)).json().items;
    expect(board.map((r: { displayName: string }) => r.displayName)).toEqual(['地推甲']);
    expect((await admin.get(`/api/staff/operations/targets?month=${month}`)).json().items).toHaveLength(2);
    expect((await success.get('/api/staff/operations/targets')).statusCode).toBe(403);

    // the registration opened an assignment for the centre's success manager; the existing one got one as well
    const open = (await success.get('/api/staff/operations/assignments?status=open')).json().items;
    const assignment = open.find((a: { org: { id: string } }) => a.org.id === org.id);
    expect(assignment).toMatchObject({ status: 'open', manager: { userId: successId } });
    expect(open.some((a: { org: { id: string } }) => a.org.id === existing.id)).toBe(true);
    const assist = await success.post(`/api/staff/operations/assignments/${assignment.id}/assists`, {
      kind: 'call',
      notes: '电话指导完成企业认证材料上传',
    });
    expect(assist.statusCode, assist.body).toBe(201);
    expect(assist.json().assists[0]).toMatchObject({ kind: 'call', byName: '客户成功丙' });
    expect(
      (await bd.post(`/api/staff/operations/assignments/${assignment.id}/assists`, { kind: 'call', notes: '电话' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await manager.post(`/api/staff/operations/assignments/${assignment.id}/assists`, {
          kind: 'call',
          notes: '电话',
        })
      ).statusCode,
    ).toBe(403);
    const dup = await manager.post('/api/staff/operations/assignments', { orgId: org.id, managerUserId: successId });
    expect(dup.json().code).toBe('OPS_ASSIGNMENT_OPEN');

    // the first signed contract (contracts' event) closes it and the lead becomes 已成交
    const contractId = newId();
    await t.ctx.db.transaction((tx) =>
      t.ctx.events.publish(tx, 'contract.signed', {
        contractId,
        kind: 'procurement',
        title: '钢筋采购合同',
        buyer: { orgId: existing.id, name: '老客户建设有限公司' },
        supplier: { orgId: org.id, name: '新客户建设有限公司' },
        regionCode: '330106',
        amountFen: 1_000_000,
        signedOn: '2026-12-01',
        versionNo: 1,
        amendment: false,
      }),
    );
    // delivered after commit through the job queue, as in production
    await t.ctx.jobs.runDue();
    const closed = (await manager.get('/api/staff/operations/assignments?status=closed')).json().items;
    const done = closed.find((a: { org: { id: string } }) => a.org.id === org.id);
    expect(done).toMatchObject({ status: 'closed', closedBy: { event: 'contract.signed', reference: contractId } });
    expect(done.assists).toHaveLength(1);
    const late = await success.post(`/api/staff/operations/assignments/${assignment.id}/assists`, {
      kind: 'note',
      notes: '回访',
    });
    expect(late.json().code).toBe('OPS_ASSIGNMENT_CLOSED');
    expect((await bd.get(`/api/staff/operations/leads/${fresh.id}`)).json().state).toBe('won');
    const after = (await bd.get(`/api/staff/operations/targets?month=${month}`)).json().items[0];
    // the lead that came after its organisation counts as a deal but not as a new customer
    expect(after).toMatchObject({ registered: 1, firstDeals: 2 });

    // the other centre's manager and a plain member see none of it
    expect((await otherManager.get('/api/staff/operations/assignments')).json().items).toHaveLength(0);
    expect((await member.client.get('/api/staff/operations/assignments')).statusCode).toBe(403);
    expect((await finance.get('/api/staff/operations/assignments')).statusCode).toBe(403);
  });
});

describe('用户体验改进报告', () => {
  it('is generated from the month’s tickets, ratings and product events, shown and downloaded as a PDF', async () => {
    const owner = await registeredClient(t.app);
    const org = await createOrg(owner.client, { name: '报告测试建设有限公司', creditCode: validCreditCode('330100') });
    const actor = (userId: string, staffRoles: Actor['staffRoles'], memberships: Actor['memberships'] = []): Actor => ({
      userId,
      sessionId: 'test',
      csrfToken: 'test',
      mfa: true,
      pendingMfa: false,
      stepUpAt: null,
      activeOrgId: memberships[0]?.orgId ?? null,
      activeRole: null,
      staffRoles,
      memberships,
    });
    const requester = actor(
      owner.userId,
      [],
      [{ orgId: org.id, orgName: '报告测试建设有限公司', membershipRole: 'owner', businessRoles: ['GC'] }],
    );
    const agent = actor(service.userId, ['service']);
    const month = '2026-03';
    const { from } = monthWindow(month);
    const at = (days: number) => new Date(from.getTime() + days * 86_400_000);
    const open = async (category: 'payment' | 'account', day: number) =>
      openForMember(
        t.ctx,
        requester,
        org.id,
        { category, priority: 'normal', subject: `${category} 问题`, text: '请协助处理', attachmentFileIds: [] },
        'web',
        at(day),
      );
    const p1 = await open('payment', 2);
    const p2 = await open('payment', 3);
    await open('payment', 4);
    const a1 = await open('account', 5);
    for (const id of [p1, p2, a1]) await resolve(t.ctx, agent, id, '已处理', at(6));
    await rate(t.ctx, org.id, p1, { stars: 2, comment: '监管资金到账太慢' }, at(7));
    await rate(t.ctx, org.id, a1, { stars: 5, comment: '' }, at(7));
    for (const d of [1, 2, 3])
      await recordProductEvent(t.ctx, {
        name: 'demand.published',
        userId: owner.userId,
        orgId: org.id,
        occurredAt: at(d),
      });
    // outside the month: not counted
    await recordProductEvent(t.ctx, {
      name: 'demand.published',
      userId: owner.userId,
      orgId: org.id,
      occurredAt: at(40),
    });

    expect((await manager.get(`/api/staff/operations/reports/${month}`)).json().code).toBe('OPS_REPORT_NOT_FOUND');
    expect((await bd.post('/api/staff/operations/reports', { month })).statusCode).toBe(403);
    expect((await manager.post('/api/staff/operations/reports', { month: '2099-01' })).json().code).toBe(
      'OPS_REPORT_MONTH_FUTURE',
    );
    const made = await manager.post('/api/staff/operations/reports', { month });
    expect(made.statusCode, made.body).toBe(201);
    const report = (await success.get(`/api/staff/operations/reports/${month}`)).json();
    expect(report.generatedBy).toBe('华东中心负责人');
    expect(report.tickets).toMatchObject({ opened: 4, resolvedInMonth: 3, firstMonthResolutionRate: 0.75 });
    expect(report.tickets.byCategory[0]).toMatchObject({ category: 'payment', opened: 3 });
    expect(report.feedback).toMatchObject({ ratings: 2, averageStars: 3.5, distribution: [0, 1, 0, 0, 1] });
    expect(report.feedback.lowRated).toEqual([{ category: 'payment', stars: 2, comment: '监管资金到账太慢' }]);
    expect(report.behaviour.topEvents).toContainEqual({ name: 'demand.published', count: 3, users: 1 });
    expect(report.findings[0]['zh-CN']).toContain('75%');
    expect(report.findings[0]['zh-CN']).toContain('支付与资金');
    expect(
      (await manager.get('/api/staff/operations/reports')).json().items.map((r: { month: string }) => r.month),
    ).toContain(month);

    const pdf = await manager.get(`/api/staff/operations/reports/${month}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.headers['content-disposition'])).toContain(encodeURIComponent('用户体验改进报告-2026-03.pdf'));
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await bd.get(`/api/staff/operations/reports/${month}`)).statusCode).toBe(403);
    expect((await member.client.get(`/api/staff/operations/reports/${month}/pdf`)).statusCode).toBe(403);
  });
});
