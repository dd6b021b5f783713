import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '../../infra/ids';
import { executionParty, stepUp, type TestParty } from '../../test/execution';
import { staffClient } from '../../test/staff';
import { createTestApp, registeredClient, type TestApp, uniqueEmail } from '../../test/test-app';
import { setCreditGrade } from '../credit';
import { fundEscrowByDeposit, openContractEscrow, setPaymentSchedule } from '../escrow';

/**
 * The finance routes over HTTP: a FIN organisation publishes and decides (step-up), a SUB applies; a foreign
 * organisation, a plain member and staff of any role are refused; bad input gets both languages and writes nothing.
 */
let t: TestApp;
let fin: TestParty;
let sub: TestParty;
let gc: TestParty;
let outsiderFin: TestParty;
let contractId: string;
let productId: string;

const productBody = {
  name: '应收e贷·结算款',
  type: 'receivable',
  maxRatioBp: 8000,
  feeBp: 180,
  feeBasis: 'annual',
  minGrade: 'A',
  regions: [],
  categories: ['SUB', 'SUP'],
  aaaDiscountBp: 30,
  decisionDays: 3,
  maxTermDays: 180,
  penaltyBpPerDay: 5,
};

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  t = await createTestApp();
  fin = await executionParty(t, ['FIN'], '测试银行');
  sub = await executionParty(t, ['SUB'], '测试劳务');
  gc = await executionParty(t, ['GC'], '测试总包');
  outsiderFin = await executionParty(t, ['FIN'], '局外保理');
  await setCreditGrade(t.ctx, null, sub.orgId, { grade: 'AAA', source: '测试评级' });
  contractId = newId();
  await openContractEscrow(t.ctx, {
    contractId,
    payerOrgId: gc.orgId,
    payeeOrgId: sub.orgId,
    contractAmountFen: 500_000_00,
    advanceRatioPct: 0,
    retentionPct: 3,
    labourSharePct: 0,
    bondPct: null,
  });
  await setPaymentSchedule(t.ctx, {
    contractId,
    items: [{ milestoneId: 'm1', title: '基础', dueDate: '2027-03-01', amountFen: 500_000_00 }],
  });
  await fundEscrowByDeposit(t.ctx, { contractId, amountFen: 505_000_00, reference: 'r', clientId: newId() });
});
afterAll(async () => {
  vi.useRealTimers();
  await t?.close();
});

describe('finance routes', () => {
  it('a FIN owner publishes a product; a bad one is refused in both languages and not stored', async () => {
    const bad = await fin.client.post(`/api/orgs/${fin.orgId}/finance/products`, { ...productBody, maxRatioBp: 8001 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message['zh-CN']).toContain('应收账款融资的融资比例须在 0% 至 80% 之间');
    expect(bad.json().message.en).toContain('receivable financing product lends between 0% and 80%');
    expect((await fin.client.get(`/api/orgs/${fin.orgId}/finance/products`)).json().items).toEqual([]);
    const created = await fin.client.post(`/api/orgs/${fin.orgId}/finance/products`, productBody);
    expect(created.statusCode, created.body).toBe(201);
    productId = created.json().id;
    // a SUB cannot publish: its active role is not FIN
    expect((await sub.client.post(`/api/orgs/${sub.orgId}/finance/products`, productBody)).statusCode).toBe(403);
  });

  it('the SUB sees its receivable with the offer (AAA discount) and applies with consent', async () => {
    const view = await sub.client.get(`/api/orgs/${sub.orgId}/finance/borrower`);
    expect(view.statusCode, view.body).toBe(200);
    const asset = view.json().assets.find((a: { kind: string }) => a.kind === 'receivable');
    expect(asset).toMatchObject({ contractId, milestoneId: 'm1', baseFen: 500_000_00, financed: false });
    expect(asset.offers).toContainEqual(
      expect.objectContaining({ productId, maxFen: 400_000_00, feeBp: 150, eligible: true }),
    );
    const body = {
      productId,
      asset: { kind: 'receivable', contractId, milestoneId: 'm1' },
      amountFen: 400_000_00,
      termDays: 90,
      consent: true,
    };
    const noConsent = await sub.client.post(`/api/orgs/${sub.orgId}/finance/applications`, { ...body, consent: false });
    expect(noConsent.statusCode).toBe(400);
    // the GC is not the payee of this receivable (and lends to SUB/SUP only): not found, nothing written
    const foreign = await gc.client.post(`/api/orgs/${gc.orgId}/finance/applications`, body);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().message['zh-CN']).toContain('融资标的不存在');
    const applied = await sub.client.post(`/api/orgs/${sub.orgId}/finance/applications`, body);
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json()).toMatchObject({ status: 'submitted', evidence: null });
    const queue = (await fin.client.get(`/api/orgs/${fin.orgId}/finance/queue`)).json().items;
    expect(queue).toHaveLength(1);
    expect(queue[0].evidence).toMatchObject({ credit: { grade: 'AAA' }, contract: { contractId } });
    expect(queue[0].workingDaysLeft).toBeGreaterThan(2);
  });

  it('refuses a foreign organisation, a plain member and staff of any role', async () => {
    const [application] = (await fin.client.get(`/api/orgs/${fin.orgId}/finance/queue`)).json().items;
    const decide = `/api/orgs/${fin.orgId}/finance/applications/${application.id}/decision`;
    const approve = { decision: 'approve', amountFen: 400_000_00, feeBp: 180, termDays: 90 };
    // another FIN organisation: not a member of this one (404), and the application is not in its queue
    await stepUp(outsiderFin);
    expect((await outsiderFin.client.post(decide, approve)).statusCode).toBe(404);
    expect(
      (
        await outsiderFin.client.post(
          `/api/orgs/${outsiderFin.orgId}/finance/applications/${application.id}/decision`,
          approve,
        )
      ).statusCode,
    ).toBe(404);
    expect((await outsiderFin.client.get(`/api/orgs/${fin.orgId}/finance/portfolio`)).statusCode).toBe(404);
    // a plain member of the FIN organisation reads but does not decide
    const email = uniqueEmail('fin-member');
    const invitation = (
      await fin.client.post(`/api/orgs/${fin.orgId}/invitations`, { identifier: email, role: 'member' })
    ).json();
    const member = await registeredClient(t.app, email, '信贷员 孙');
    expect((await member.client.post(`/api/invitations/${invitation.id}/accept`)).statusCode).toBeLessThan(300);
    expect((await member.client.post(decide, approve)).statusCode).toBe(403);
    // staff (finance, risk, admin) are no members of the lender
    for (const role of ['finance', 'risk', 'admin'] as const) {
      const staff = await staffClient(t, [role], `员工 ${role}`);
      expect((await staff.client.post(decide, approve)).statusCode, role).toBe(404);
      expect((await staff.client.get(`/api/orgs/${fin.orgId}/finance/queue`)).statusCode, role).toBe(404);
    }
    // the borrower (stepped up) cannot decide its own application: it is not the borrower's to decide
    await stepUp(sub);
    expect(
      (await sub.client.post(`/api/orgs/${sub.orgId}/finance/applications/${application.id}/decision`, approve))
        .statusCode,
    ).toBe(404);
    const still = (await fin.client.get(`/api/orgs/${fin.orgId}/finance/queue`)).json().items[0];
    expect(still.status).toBe('submitted');
  });

  it('approval needs a fresh step-up; then the money is in the wallet and the portfolio shows the loan', async () => {
    const [application] = (await fin.client.get(`/api/orgs/${fin.orgId}/finance/queue`)).json().items;
    const decide = `/api/orgs/${fin.orgId}/finance/applications/${application.id}/decision`;
    vi.setSystemTime(new Date(Date.now() + 20 * 60_000));
    const stale = await fin.client.post(decide, {
      decision: 'approve',
      amountFen: 400_000_00,
      feeBp: 180,
      termDays: 90,
    });
    expect(stale.statusCode).toBe(403);
    expect(stale.json().code).toBe('AUTH_STEP_UP_REQUIRED');
    await stepUp(fin);
    const over = await fin.client.post(decide, {
      decision: 'approve',
      amountFen: 400_000_01,
      feeBp: 180,
      termDays: 90,
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().message['zh-CN']).toContain('不能超过申请金额');
    const approved = await fin.client.post(decide, {
      decision: 'approve',
      amountFen: 400_000_00,
      feeBp: 180,
      termDays: 90,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'disbursed', approvedFen: 400_000_00, feeBp: 150 });
    const wallet = (await sub.client.get(`/api/orgs/${sub.orgId}/wallet`)).json();
    expect(wallet.accounts.find((a: { kind: string }) => a.kind === 'org_wallet').balanceFen).toBe(400_000_00);
    const portfolio = (await fin.client.get(`/api/orgs/${fin.orgId}/finance/portfolio`)).json();
    expect(portfolio.totals).toMatchObject({
      loans: 1,
      disbursedFen: 400_000_00,
      outstandingFen: approved.json().outstandingFen,
    });
    expect(portfolio.cycle.decided).toBe(1);
    expect(portfolio.loans[0].decisionWorkingDays).toBeGreaterThanOrEqual(0);
    const mine = (await sub.client.get(`/api/orgs/${sub.orgId}/finance/borrower`)).json();
    expect(mine.applications[0]).toMatchObject({ status: 'disbursed', evidence: null });
    expect(mine.assets.find((a: { kind: string }) => a.kind === 'receivable').financed).toBe(true);
  });
});
