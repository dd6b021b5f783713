import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../infra/ids';
import { buildUser } from '../../test/builders';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import { createTestApp, PASSWORD, type TestApp, TestClient } from '../../test/test-app';
import { fundEscrowByDeposit, openContractEscrow, releaseMilestone, setPaymentSchedule } from '../escrow';
import { createOrganisationDirect } from '../organisation';
import { shanghaiMonth } from './fees.rules';
import { recordCharge } from './index';

let t: TestApp;
let finance: TestClient;
let operator: TestClient;
let reviewer: TestClient;

interface Party {
  orgId: string;
  owner: TestClient;
  member: TestClient;
}

async function login(email: string) {
  const client = new TestClient(t.app);
  const r = await client.post('/api/auth/login', { identifier: email, password: PASSWORD });
  if (r.statusCode !== 200) throw new Error(`login failed ${r.body}`);
  return client;
}

async function party(name: string): Promise<Party> {
  const owner = await buildUser(t.ctx, `${name}负责人`);
  const member = await buildUser(t.ctx, `${name}员工`);
  const org = await createOrganisationDirect(
    t.ctx,
    owner.userId,
    { name, creditCode: validCreditCode('330100'), businessRoles: ['SUB'], regionCode: '330106' },
    [{ userId: member.userId, role: 'member' }],
  );
  return { orgId: org.id, owner: await login(owner.email), member: await login(member.email) };
}

let early: Party;
let other: Party;
beforeAll(async () => {
  t = await createTestApp();
  finance = (await staffClient(t, ['finance'], '财务甲')).client;
  operator = (await staffClient(t, ['operator'], '运营乙')).client;
  reviewer = (await staffClient(t, ['reviewer'], '审核丙')).client;
  early = await party('早鸟建设有限公司');
  other = await party('他方劳务有限公司');
});
afterAll(async () => {
  await t.close();
});

const charge = (over: Record<string, unknown> = {}) => ({
  orgId: early.orgId,
  itemCode: 'premium_report',
  quantity: 2,
  description: '高级信用报告 2 份',
  reference: `report:${newId()}`,
  ...over,
});

describe('fees FUND-7', () => {
  it('prices value-added services by the schedule in force; a repeat reference records nothing new', async () => {
    const overview = (await finance.get('/api/staff/fees')).json();
    expect(overview.schedule).toMatchObject({ version: 1, seedUserLimit: 1000 });
    expect(overview.seedUsers).toMatchObject({ limit: 1000, taken: overview.seedUsers.registered });
    expect(overview.seedUsers.remaining).toBe(1000 - overview.seedUsers.registered);

    const first = charge();
    const report = await finance.post('/api/staff/fees/charges', first);
    expect(report.statusCode).toBe(201);
    expect(report.json()).toMatchObject({ amountFen: 398_00, listFen: 398_00, exempt: false, scheduleVersion: 1 });
    const repeated = await finance.post('/api/staff/fees/charges', { ...first, quantity: 5 });
    expect(repeated.json()).toMatchObject({ id: report.json().id, amountFen: 398_00 });

    const share = await finance.post(
      '/api/staff/fees/charges',
      charge({ itemCode: 'finance_service_share', quantity: 1, baseFen: 10_000_00, description: '保理服务费分成' }),
    );
    expect(share.json()).toMatchObject({ amountFen: 2_000_00, baseFen: 10_000_00 });
    const noBase = await finance.post('/api/staff/fees/charges', charge({ itemCode: 'finance_service_share' }));
    expect(noBase.json()).toMatchObject({
      code: 'FEE_BASE_REQUIRED',
      message: { 'zh-CN': expect.stringContaining('计费基数') },
    });
    const unknown = await finance.post('/api/staff/fees/charges', charge({ itemCode: 'gold_plan' }));
    expect(unknown.json()).toMatchObject({
      code: 'FEE_ITEM_UNKNOWN',
      message: { en: expect.stringContaining('gold_plan') },
    });
    const noOrg = await finance.post('/api/staff/fees/charges', charge({ orgId: newId() }));
    expect(noOrg.json().code).toBe('FEE_ORG_NOT_FOUND');
    const badQty = await finance.post('/api/staff/fees/charges', charge({ quantity: 0 }));
    expect(badQty.json().issues[0]).toMatchObject({ path: 'quantity', code: 'QUANTITY_INVALID' });
    const mine = (await early.owner.get(`/api/orgs/${early.orgId}/fees`)).json();
    expect(mine.charges.map((c: { amountFen: number }) => c.amountFen).sort()).toEqual([2_000_00, 398_00].sort());
  });

  it('staff roles and organisations are kept apart', async () => {
    expect((await reviewer.get('/api/staff/fees')).statusCode).toBe(403);
    expect((await operator.post('/api/staff/fees/charges', charge())).statusCode).toBe(403);
    expect((await early.owner.post('/api/staff/fees/charges', charge())).statusCode).toBe(403);
    expect((await early.owner.get('/api/staff/fees')).statusCode).toBe(403);
    expect((await early.member.get(`/api/orgs/${early.orgId}/fees`)).statusCode).toBe(403);
    // a foreign organisation is told nothing exists (the access layer's rule)
    expect((await other.owner.get(`/api/orgs/${early.orgId}/fees`)).statusCode).toBe(404);
    expect((await operator.post('/api/staff/fees/receipts', { period: '2020-01' })).statusCode).toBe(403);
  });

  it('a new schedule version after dual control: seed users are exempt from a priced basic fee, later ones pay', async () => {
    const { registered } = (await finance.get('/api/staff/fees')).json().seedUsers;
    const v1 = (await finance.get('/api/staff/fees')).json().schedule;
    const items = v1.items.map((i: { code: string }) => (i.code === 'basic_annual' ? { ...i, priceFen: 1_980_00 } : i));
    const requested = await operator.post('/api/staff/fees/schedule', {
      items,
      seedUserLimit: registered,
      effectiveFrom: '2025-01-01',
      note: '测试：基础服务年费',
    });
    expect(requested.statusCode).toBe(202);
    const self = await operator.post(`/api/staff/dual-control/${requested.json().requestId}/approve`, {});
    expect(self.json().code).toBe('STAFF_DUAL_CONTROL_SAME_PERSON');
    expect((await finance.post(`/api/staff/dual-control/${requested.json().requestId}/approve`, {})).statusCode).toBe(
      200,
    );
    const after = (await finance.get('/api/staff/fees')).json();
    expect(after.schedule).toMatchObject({ version: 2, approvedBy: '财务甲', requestedBy: '运营乙' });
    expect(after.history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    expect(after.seedUsers).toMatchObject({ limit: registered, taken: registered, remaining: 0 });

    const late = await party('晚到材料有限公司');
    const basic = (orgId: string) =>
      finance.post('/api/staff/fees/charges', {
        orgId,
        itemCode: 'basic_annual',
        quantity: 1,
        description: '2026 年基础服务',
        reference: `basic:${orgId}:2026`,
      });
    expect((await basic(early.orgId)).json()).toMatchObject({ exempt: true, listFen: 1_980_00, amountFen: 0 });
    expect((await basic(late.orgId)).json()).toMatchObject({ exempt: false, amountFen: 1_980_00 });
    expect((await early.owner.get(`/api/orgs/${early.orgId}/fees`)).json().seedUser).toMatchObject({
      limit: registered,
    });
    expect((await late.owner.get(`/api/orgs/${late.orgId}/fees`)).json().seedUser).toBeNull();
  });

  it('records the platform fee of an escrow release as a charge, in the release', async () => {
    const contract = {
      contractId: newId(),
      payerOrgId: newId(),
      payeeOrgId: other.orgId,
      contractAmountFen: 400_000_00,
      advanceRatioPct: 20,
      retentionPct: 3,
      labourSharePct: 30,
      bondPct: null,
    };
    await openContractEscrow(t.ctx, contract);
    await setPaymentSchedule(t.ctx, {
      contractId: contract.contractId,
      items: [{ milestoneId: 'm1', title: '基础', dueDate: '2030-01-01', amountFen: 400_000_00 }],
    });
    await fundEscrowByDeposit(t.ctx, {
      contractId: contract.contractId,
      amountFen: 404_000_00,
      reference: 'r',
      clientId: `d${contract.contractId}`,
    });
    const release = await releaseMilestone(t.ctx, {
      contractId: contract.contractId,
      milestoneId: 'm1',
      settlementId: 's1',
      clientId: newId(),
      grossFen: 400_000_00,
      retentionFen: 0,
      labourFen: 0,
    });
    const fees = (await other.owner.get(`/api/orgs/${other.orgId}/fees`)).json();
    const escrowFee = fees.charges.find((c: { itemCode: string }) => c.itemCode === 'escrow_service');
    expect(escrowFee).toMatchObject({ amountFen: release.feeFen, baseFen: 400_000_00, category: 'value_added' });
  });

  it('issues one receipt per organisation for an ended month, as a PDF only that organisation can download', async () => {
    const lastMonth = new Date(Date.now() - 40 * 86_400_000);
    const period = shanghaiMonth(lastMonth);
    for (const [orgId, code] of [
      [early.orgId, 'featured_placement'],
      [early.orgId, 'premium_report'],
      [other.orgId, 'premium_report'],
    ] as const)
      await recordCharge(
        t.ctx,
        { orgId, itemCode: code, quantity: 1, description: '上月服务', reference: `last:${orgId}:${code}` },
        null,
        t.ctx.db,
        lastMonth,
      );
    const open = await finance.post('/api/staff/fees/receipts', { period: shanghaiMonth(new Date()) });
    expect(open.json().code).toBe('FEE_PERIOD_OPEN');
    const bad = await finance.post('/api/staff/fees/receipts', { period: '2026-13' });
    expect(bad.json().issues[0]).toMatchObject({ code: 'MONTH_INVALID' });
    const issued = await finance.post('/api/staff/fees/receipts', { period });
    expect(issued.statusCode).toBe(200);
    const items = issued.json().items;
    expect(items).toHaveLength(2);
    const mine = items.find((r: { orgId: string }) => r.orgId === early.orgId);
    expect(mine).toMatchObject({ totalFen: 999_00 + 199_00, chargeCount: 2, period });
    expect((await finance.post('/api/staff/fees/receipts', { period })).json().items).toHaveLength(0);

    const url = `/api/orgs/${early.orgId}/fees/receipts/${mine.id}/receipt.pdf`;
    const pdf = await early.owner.get(url);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(1000);
    // another organisation, through its own path or this one
    expect((await other.owner.get(`/api/orgs/${other.orgId}/fees/receipts/${mine.id}/receipt.pdf`)).statusCode).toBe(
      404,
    );
    expect((await other.owner.get(url)).statusCode).toBe(404);
    expect((await early.member.get(url)).statusCode).toBe(403);
    const listed = (await early.owner.get(`/api/orgs/${early.orgId}/fees`)).json().receipts;
    expect(listed.map((r: { id: string }) => r.id)).toContain(mine.id);
  });
});
