import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../infra/ids';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import { createOrg, createTestApp, registeredClient, type TestApp, type TestClient } from '../../test/test-app';
import { fundEscrowByDeposit, openContractEscrow, releaseMilestone, setPaymentSchedule } from '../escrow';
import { rankingBoosts } from './commission.service';

let t: TestApp;
let operator: TestClient;
let admin: TestClient;
let orgId: string;
beforeAll(async () => {
  t = await createTestApp();
  operator = (await staffClient(t, ['operator'], '运营甲')).client;
  admin = (await staffClient(t, ['admin'], '管理员乙')).client;
  const { client } = await registeredClient(t.app);
  orgId = (await createOrg(client, { creditCode: validCreditCode(), businessRoles: ['SUP'] })).id;
});
afterAll(async () => {
  await t.close();
});

describe('commission policies', () => {
  it('the tier boundary is a new version: 20% off up to ¥1M, 10% from ¥1M; version 1 (10% from ¥500k) stays history', async () => {
    const tiers = (await operator.get('/api/staff/commission/policies'))
      .json()
      .items.find((p: { params: { kind: string } }) => p.params.kind === 'sales_tier_discount');
    expect(tiers).toMatchObject({ version: 2 });
    const query = `/api/staff/commission/calculate?orgId=${orgId}&month=2026-05&salesFen=60000000`;
    const now = (await operator.get(query)).json();
    // ¥600,000 at 3% = ¥18,000 gross; 20% off → ¥14,400
    expect(now).toMatchObject({ grossCommissionFen: 1_800_000, commissionFen: 1_440_000 });
    expect(now.applied.find((a: { kind: string }) => a.kind === 'sales_tier_discount')).toMatchObject({ version: 2 });
    const old = (await operator.get(`${query}&asOf=2026-06-01T00:00:00.000Z`)).json();
    expect(old).toMatchObject({ commissionFen: 1_620_000 });
    const million = (await operator.get(query.replace('60000000', '100000000'))).json();
    expect(million.commissionFen).toBe(2_700_000);
    const history = (await operator.get(`/api/staff/commission/policies/${tiers.policyId}/versions`)).json().items;
    expect(history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
  });

  it('the platform fee is a policy: an approved new version sets the fee of the next escrow release', async () => {
    const fee = (await operator.get('/api/staff/commission/policies'))
      .json()
      .items.find((p: { params: { kind: string } }) => p.params.kind === 'platform_fee');
    expect(fee).toMatchObject({ version: 1, params: { rateBp: 20 } });
    const contract = {
      contractId: newId(),
      payerOrgId: newId(),
      payeeOrgId: newId(),
      contractAmountFen: 1_000_000_00,
      advanceRatioPct: 20,
      retentionPct: 3,
      labourSharePct: 30,
      bondPct: null,
    };
    await openContractEscrow(t.ctx, contract);
    await setPaymentSchedule(t.ctx, {
      contractId: contract.contractId,
      items: [
        { milestoneId: 'm1', title: '基础', dueDate: '2030-01-01', amountFen: 400_000_00 },
        { milestoneId: 'm2', title: '主体', dueDate: '2030-06-01', amountFen: 600_000_00 },
      ],
    });
    await fundEscrowByDeposit(t.ctx, {
      contractId: contract.contractId,
      amountFen: 1_010_000_00,
      reference: 'r',
      clientId: `d${contract.contractId}`,
    });
    const release = (milestoneId: string, grossFen: number) =>
      releaseMilestone(t.ctx, {
        contractId: contract.contractId,
        milestoneId,
        settlementId: `s-${milestoneId}`,
        clientId: newId(),
        grossFen,
        retentionFen: 0,
        labourFen: 0,
      });
    expect((await release('m1', 400_000_00)).feeFen).toBe(800_00);

    const bad = await operator.post('/api/staff/commission/policies', {
      policyId: fee.policyId,
      name: '平台服务费',
      params: { kind: 'platform_fee', rateBp: 900 },
      active: true,
      effectiveFrom: '2025-01-01',
      effectiveTo: null,
    });
    expect(bad.statusCode).toBe(400);
    const requested = await operator.post('/api/staff/commission/policies', {
      policyId: fee.policyId,
      name: '平台服务费',
      params: { kind: 'platform_fee', rateBp: 30 },
      active: true,
      effectiveFrom: '2025-01-01',
      effectiveTo: null,
    });
    expect(requested.statusCode).toBe(202);
    expect((await admin.post(`/api/staff/dual-control/${requested.json().requestId}/approve`, {})).statusCode).toBe(
      200,
    );
    expect((await release('m2', 600_000_00)).feeFen).toBe(1_800_00);
  });

  it('change only after a second person approves, as a new version; past calculations stay reproducible', async () => {
    const policies = (await operator.get('/api/staff/commission/policies')).json().items;
    const base = policies.find((p: { params: { kind: string } }) => p.params.kind === 'base_rate');
    expect(base).toMatchObject({ version: 1, params: { rateBp: 300 } });
    const query = `/api/staff/commission/calculate?orgId=${orgId}&month=2026-05&salesFen=8000000`;
    const before = (await operator.get(query)).json();
    expect(before).toMatchObject({ baseRateBp: 300, commissionFen: 168_000 });

    const requested = await operator.post('/api/staff/commission/policies', {
      policyId: base.policyId,
      name: '基础佣金率',
      params: { kind: 'base_rate', rateBp: 400 },
      active: true,
      effectiveFrom: '2025-01-01',
      effectiveTo: null,
    });
    expect(requested.statusCode).toBe(202);
    expect(requested.json().summary['zh-CN']).toContain('修改政策「基础佣金率」');
    // Not in force until approved, and not by the person who asked.
    expect((await operator.get(query)).json().baseRateBp).toBe(300);
    const self = await operator.post(`/api/staff/dual-control/${requested.json().requestId}/approve`, {});
    expect(self.json().code).toBe('STAFF_DUAL_CONTROL_SAME_PERSON');
    const approved = await admin.post(`/api/staff/dual-control/${requested.json().requestId}/approve`, {});
    expect(approved.statusCode).toBe(200);

    const after = (await operator.get(query)).json();
    expect(after).toMatchObject({ baseRateBp: 400, commissionFen: 224_000 });
    expect(after.applied[0]).toMatchObject({ policyId: base.policyId, version: 2 });
    const reproduced = (await operator.get(`${query}&asOf=${encodeURIComponent(before.asOf)}`)).json();
    expect(reproduced).toMatchObject({ baseRateBp: 300, commissionFen: 168_000 });
    const history = (await operator.get(`/api/staff/commission/policies/${base.policyId}/versions`)).json().items;
    expect(history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    expect(history[0]).toMatchObject({ requestedBy: '运营甲', approvedBy: '管理员乙' });
  });

  it('a policy cannot change its kind, and bad ranges are refused', async () => {
    const base = (await operator.get('/api/staff/commission/policies'))
      .json()
      .items.find((p: { params: { kind: string } }) => p.params.kind === 'base_rate');
    const wrongKind = await operator.post('/api/staff/commission/policies', {
      policyId: base.policyId,
      name: '改类型',
      params: { kind: 'entry_fee', annualFeeFen: 1 },
      active: true,
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
    });
    expect(wrongKind.json().code).toBe('COMMISSION_POLICY_NOT_FOUND');
    const range = await operator.post('/api/staff/commission/policies', {
      name: '区间错误',
      params: { kind: 'base_rate', rateBp: 100 },
      active: true,
      effectiveFrom: '2026-05-01',
      effectiveTo: '2026-04-01',
    });
    expect(range.json().issues[0]).toMatchObject({ path: 'effectiveTo', code: 'DATE_RANGE_INVALID' });
  });

  it('exposes a ranking boost of 1 for organisations that are not new merchants', async () => {
    const boosts = await rankingBoosts(t.ctx, [orgId]);
    expect(boosts.get(orgId)).toBe(1);
  });
});
