import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../infra/ids';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import { createOrg, createTestApp, registeredClient, type TestApp, type TestClient } from '../../test/test-app';
import { fundEscrowByDeposit, openContractEscrow, releaseMilestone, setPaymentSchedule } from '../escrow';
import { findAccountByCode, orgWallet, SYSTEM_ACCOUNTS, verifyLedger } from '../ledger';

let t: TestApp;
let makerA: TestClient;
let checkerB: TestClient;
let operator: TestClient;
let risk: TestClient;
let orgOwner: TestClient;
let orgId: string;

const balance = async (code: string) => (await findAccountByCode(t.ctx.db, code))?.posted ?? 0n;
const reserve = () => balance(SYSTEM_ACCOUNTS.riskReserve.code);
const wallet = () => balance(orgWallet(orgId).code);
const claimCount = async () => (await makerA.get('/api/staff/reserve')).json().claims.length;

beforeAll(async () => {
  t = await createTestApp();
  makerA = (await staffClient(t, ['finance'], '财务甲')).client;
  checkerB = (await staffClient(t, ['finance'], '财务乙')).client;
  operator = (await staffClient(t, ['operator', 'admin'], '运营丙')).client;
  risk = (await staffClient(t, ['risk'], '风控丁')).client;
  const owner = await registeredClient(t.app);
  orgOwner = owner.client;
  orgId = (await createOrg(orgOwner, { creditCode: validCreditCode(), businessRoles: ['SUB'] })).id;
  // the reserve is funded the real way: 1% of a ¥400,000 release → ¥4,000
  const contract = {
    contractId: newId(),
    payerOrgId: newId(),
    payeeOrgId: newId(),
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
  await releaseMilestone(t.ctx, {
    contractId: contract.contractId,
    milestoneId: 'm1',
    settlementId: 's1',
    clientId: newId(),
    grossFen: 400_000_00,
    retentionFen: 0,
    labourFen: 0,
  });
});
afterAll(async () => {
  await t.close();
});

const claim = (over: Record<string, unknown> = {}) => ({
  orgId,
  cause: '平台结算系统故障导致重复扣款，经核实由平台承担',
  lossFen: 1_500_00,
  amountFen: 1_200_00,
  ...over,
});

describe('risk reserve compensation 先行赔付', () => {
  it('pays only after a second finance staff member approves; the maker, other roles and organisations cannot', async () => {
    expect(await reserve()).toBe(4_000_00n);
    const opened = await makerA.post('/api/staff/reserve/claims', claim());
    expect(opened.statusCode).toBe(201);
    const c = opened.json();
    expect(c).toMatchObject({
      status: 'pending',
      amountFen: 1_200_00,
      openedBy: '财务甲',
      orgName: expect.any(String),
    });
    expect(c.claimNo).toMatch(/^PF\d{4}-\d{4}$/);
    expect(await wallet()).toBe(0n);

    const self = await makerA.post(`/api/staff/reserve/claims/${c.id}/approve`, {});
    expect(self.json().code).toBe('STAFF_DUAL_CONTROL_SAME_PERSON');
    expect(self.json().message['zh-CN']).toBeTruthy();
    // wrong staff role, a risk officer (may read, not decide), and an organisation's owner
    expect((await operator.post(`/api/staff/reserve/claims/${c.id}/approve`, {})).statusCode).toBe(403);
    expect((await risk.post(`/api/staff/reserve/claims/${c.id}/approve`, {})).statusCode).toBe(403);
    expect((await risk.get('/api/staff/reserve')).statusCode).toBe(200);
    expect((await orgOwner.post(`/api/staff/reserve/claims/${c.id}/approve`, {})).statusCode).toBe(403);
    expect((await orgOwner.get('/api/staff/reserve')).statusCode).toBe(403);
    expect((await operator.get('/api/staff/reserve')).statusCode).toBe(200);
    expect((await operator.post('/api/staff/reserve/claims', claim())).statusCode).toBe(403);
    expect(await wallet()).toBe(0n);
    expect(await reserve()).toBe(4_000_00n);

    const approved = await checkerB.post(`/api/staff/reserve/claims/${c.id}/approve`, { reason: '核实无误' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'paid',
      decidedBy: '财务乙',
      payoutTransferId: expect.any(String),
    });
    expect(await wallet()).toBe(1_200_00n);
    expect(await reserve()).toBe(2_800_00n);
    const again = await checkerB.post(`/api/staff/reserve/claims/${c.id}/approve`, {});
    expect(again.json().code).toBe('RESERVE_CLAIM_DECIDED');
    expect(await wallet()).toBe(1_200_00n);
    expect((await verifyLedger(t.ctx.db)).ok).toBe(true);

    const overview = (await risk.get('/api/staff/reserve')).json();
    expect(overview).toMatchObject({ balanceFen: 2_800_00, provisionedFen: 4_000_00, paidOutFen: 1_200_00 });
  });

  it('records recoveries back into the reserve, never more than was paid', async () => {
    const c = (await makerA.post('/api/staff/reserve/claims', claim({ amountFen: 1_000_00 }))).json();
    const early = await makerA.post(`/api/staff/reserve/claims/${c.id}/recoveries`, {
      amountFen: 100,
      source: '甲公司',
    });
    expect(early.json().code).toBe('RESERVE_NOT_PAID');
    await checkerB.post(`/api/staff/reserve/claims/${c.id}/approve`, {});
    const before = await reserve();
    const part = await makerA.post(`/api/staff/reserve/claims/${c.id}/recoveries`, {
      amountFen: 400_00,
      source: '责任方 某软件服务商',
      note: '第一期',
    });
    expect(part.json()).toMatchObject({ status: 'partially_recovered', recoveredFen: 400_00 });
    const over = await makerA.post(`/api/staff/reserve/claims/${c.id}/recoveries`, {
      amountFen: 600_01,
      source: '责任方',
    });
    expect(over.json()).toMatchObject({ code: 'RESERVE_RECOVERY_EXCEEDS' });
    expect(over.json().message.en).toContain('600.00');
    const rest = await makerA.post(`/api/staff/reserve/claims/${c.id}/recoveries`, {
      amountFen: 600_00,
      source: '责任方',
    });
    expect(rest.json()).toMatchObject({ status: 'recovered', recoveredFen: 1_000_00 });
    expect(rest.json().recoveries).toHaveLength(2);
    expect(await reserve()).toBe(before + 1_000_00n);
    expect(
      (await operator.post(`/api/staff/reserve/claims/${c.id}/recoveries`, { amountFen: 1, source: 'x' })).statusCode,
    ).toBe(403);
    expect((await verifyLedger(t.ctx.db)).ok).toBe(true);
  });

  it('bad input and an uncovered amount are refused in both languages and write nothing', async () => {
    const n = await claimCount();
    const above = await makerA.post('/api/staff/reserve/claims', claim({ amountFen: 2_000_00 }));
    expect(above.statusCode).toBe(400);
    expect(above.json().issues[0]).toMatchObject({
      path: 'amountFen',
      code: 'RESERVE_AMOUNT_ABOVE_LOSS',
      message: { 'zh-CN': '赔付金额不能超过损失金额', en: 'The compensation cannot exceed the loss' },
    });
    const zero = await makerA.post('/api/staff/reserve/claims', claim({ amountFen: 0 }));
    expect(zero.json().issues[0]).toMatchObject({ path: 'amountFen', code: 'AMOUNT_POSITIVE' });
    const noOrg = await makerA.post('/api/staff/reserve/claims', claim({ orgId: newId() }));
    expect(noOrg.json()).toMatchObject({
      code: 'RESERVE_ORG_NOT_FOUND',
      message: { en: expect.stringContaining('organisation') },
    });
    const uncovered = await makerA.post('/api/staff/reserve/claims', claim({ lossFen: 1e9, amountFen: 1e9 }));
    expect(uncovered.json()).toMatchObject({ code: 'RESERVE_INSUFFICIENT' });
    expect(uncovered.json().message['zh-CN']).toContain('10000000.00');
    expect(await claimCount()).toBe(n);
  });

  it('a checker may reject; nothing is paid and the claim cannot be approved afterwards', async () => {
    const c = (await makerA.post('/api/staff/reserve/claims', claim())).json();
    const walletBefore = await wallet();
    const missing = await checkerB.post(`/api/staff/reserve/claims/${c.id}/reject`, {});
    expect(missing.statusCode).toBe(400);
    const rejected = await checkerB.post(`/api/staff/reserve/claims/${c.id}/reject`, {
      reason: '系承包方自身原因，不属平台责任',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decidedBy: '财务乙' });
    expect((await makerA.post(`/api/staff/reserve/claims/${c.id}/approve`, {})).json().code).toBe(
      'RESERVE_CLAIM_DECIDED',
    );
    expect(await wallet()).toBe(walletBefore);
    expect((await checkerB.post(`/api/staff/reserve/claims/${newId()}/approve`, {})).statusCode).toBe(404);
  });
});
