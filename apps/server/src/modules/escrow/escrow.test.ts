import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../infra/ids';
import { createTestApp, type TestApp } from '../../test/test-app';
import { accountByCode, orgWallet, SYSTEM_ACCOUNTS } from '../ledger';
import {
  assertWorkMayStart,
  escrowStatus,
  freezeOverdueEscrows,
  fundEscrowByDeposit,
  importStatement,
  openContractEscrow,
  paymentFacts,
  postBondByDeposit,
  releaseMilestone,
  releaseRetention,
  setPaymentSchedule,
  verifyMoney,
  wagePayouts,
} from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const terms = (over: Partial<Parameters<typeof openContractEscrow>[1]> = {}) => ({
  contractId: newId(),
  payerOrgId: newId(),
  payeeOrgId: newId(),
  contractAmountFen: 1_000_000_00,
  advanceRatioPct: 20,
  retentionPct: 3,
  labourSharePct: 30,
  bondPct: null,
  ...over,
});

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('escrow', () => {
  it('FUND-2: an advance over 30% needs a 5–10% bond, and work may not start before it is posted', async () => {
    await expect(openContractEscrow(t.ctx, terms({ advanceRatioPct: 40 }))).rejects.toThrow(
      'ESCROW_BOND_REQUIRED_FOR_ADVANCE',
    );
    await expect(openContractEscrow(t.ctx, terms({ advanceRatioPct: 40, bondPct: 12 }))).rejects.toThrow(
      'ESCROW_BOND_REQUIRED_FOR_ADVANCE',
    );
    const input = terms({ advanceRatioPct: 40, bondPct: 5 });
    const opened = await openContractEscrow(t.ctx, input);
    expect(opened.bondRequiredFen).toBe(50_000_00);
    await expect(assertWorkMayStart(t.ctx, input.contractId)).rejects.toThrow('ESCROW_BOND_NOT_POSTED');
    await postBondByDeposit(t.ctx, {
      contractId: input.contractId,
      amountFen: 50_000_00,
      reference: 'b',
      clientId: newId(),
    });
    await expect(assertWorkMayStart(t.ctx, input.contractId)).resolves.toBeUndefined();
    // same terms again: the same escrow; other terms: refused
    expect((await openContractEscrow(t.ctx, input)).depositReference).toBe(opened.depositReference);
    await expect(openContractEscrow(t.ctx, { ...input, retentionPct: 5 })).rejects.toThrow('ESCROW_EXISTS');
  });

  it('releases a settled milestone: retention, wages, fee, reserve and net, once', async () => {
    const input = terms();
    await openContractEscrow(t.ctx, input);
    await setPaymentSchedule(t.ctx, {
      contractId: input.contractId,
      items: [
        { milestoneId: 'm1', title: '基础', dueDate: daysAgo(-10), amountFen: 400_000_00 },
        { milestoneId: 'm2', title: '主体', dueDate: daysAgo(-40), amountFen: 600_000_00 },
      ],
    });
    const release = {
      contractId: input.contractId,
      milestoneId: 'm1',
      settlementId: 's1',
      clientId: newId(),
      grossFen: 400_000_00,
      retentionFen: 12_000_00,
      labourFen: 120_000_00,
    };
    await expect(releaseMilestone(t.ctx, release)).rejects.toThrow('ESCROW_UNDERFUNDED');
    await fundEscrowByDeposit(t.ctx, {
      contractId: input.contractId,
      amountFen: 404_000_00,
      reference: 'r',
      clientId: `d1${input.contractId}`,
    });
    const done = await releaseMilestone(t.ctx, release);
    expect(done).toMatchObject({
      feeFen: 800_00,
      reserveFen: 4_000_00,
      netFen: 400_000_00 - 12_000_00 - 120_000_00 - 800_00,
    });
    const wallet = await accountByCode(t.ctx.db, orgWallet(input.payeeOrgId).code);
    expect(wallet.posted).toBe(BigInt(done.netFen));
    // repeat: the same release, no second payment
    expect(await releaseMilestone(t.ctx, release)).toEqual(done);
    await expect(releaseMilestone(t.ctx, { ...release, grossFen: 399_000_00 })).rejects.toThrow(
      'ESCROW_RELEASE_CONFLICT',
    );
    await expect(releaseMilestone(t.ctx, { ...release, clientId: newId() })).rejects.toThrow('ESCROW_MILESTONE_PAID');
    const status = await escrowStatus(t.ctx, input.contractId);
    expect(status).toMatchObject({
      fundedFen: 404_000_00,
      heldFen: 0,
      releasedFen: 400_000_00,
      retainedFen: 12_000_00,
      labourWageFen: 120_000_00,
      frozen: false,
    });
    expect(status.schedule.find((s) => s.milestoneId === 'm1')?.status).toBe('paid');
    expect(status.timeline.map((e) => e.kind)).toEqual(['opened', 'schedule_set', 'funded', 'released']);
    expect((await accountByCode(t.ctx.db, SYSTEM_ACCOUNTS.riskReserve.code)).posted).toBeGreaterThanOrEqual(4_000_00n);
    // 质保金返还: the retention goes back to the payee's wallet, once
    const back = { contractId: input.contractId, clientId: newId() };
    expect((await releaseRetention(t.ctx, back)).amountFen).toBe(12_000_00);
    expect((await releaseRetention(t.ctx, back)).amountFen).toBe(12_000_00);
    await expect(releaseRetention(t.ctx, { contractId: input.contractId, clientId: newId() })).rejects.toThrow(
      'ESCROW_RELEASE_INVALID',
    );
    expect((await accountByCode(t.ctx.db, orgWallet(input.payeeOrgId).code)).posted).toBe(
      BigInt(done.netFen + 12_000_00),
    );
    expect((await verifyMoney(t.ctx.db)).violations).toEqual([]);

    // what the credit rating reads: m1 was released before its due date, m2 is not paid; the labour share went to
    // the wage account and nothing has been paid out of it yet (what the wage rule reads; credit learns of wages
    // from its monthly record, not from here)
    const later = (days: number) => new Date(Date.now() + days * 86_400_000);
    expect((await paymentFacts(t.ctx, [input.payerOrgId], new Date())).get(input.payerOrgId)).toBeUndefined();
    expect((await paymentFacts(t.ctx, [input.payerOrgId], later(45))).get(input.payerOrgId)).toMatchObject({
      scheduleDue: 2,
      schedulePaidOnTime: 1,
    });
    expect((await paymentFacts(t.ctx, [input.payeeOrgId], later(31))).get(input.payeeOrgId)).toBeUndefined();
    const wages = await wagePayouts(t.ctx, [input.contractId], later(-1), later(1));
    expect(wages.get(input.contractId)).toEqual({ payouts: 0, paidFen: 0 });
  });

  it('reconciles a bank statement: matched, unmatched, duplicate and invalid lines; a re-import moves nothing', async () => {
    const input = terms({ advanceRatioPct: 35, bondPct: 10 });
    const opened = await openContractEscrow(t.ctx, input);
    await setPaymentSchedule(t.ctx, {
      contractId: input.contractId,
      items: [{ milestoneId: 'm1', title: '进场', dueDate: daysAgo(-5), amountFen: 100_000_00 }],
    });
    const csv = [
      '交易流水号,日期,金额,付款人,摘要',
      `T1${opened.depositReference},2026-11-20,"101,000.00",总包公司,监管资金 ${opened.depositReference}`,
      `T2${opened.depositReference},2026-11-20,100000.00,分包公司,保证金 ${opened.bondReference}`,
      `T3${opened.depositReference},2026-11-20,5.00,某人,无识别码`,
      `T1${opened.depositReference},2026-11-20,101000.00,总包公司,重复行 ${opened.depositReference}`,
      'T9,20261120,1.00,x,y',
    ].join('\n');
    const first = await importStatement(t.ctx, null, { filename: 'bank.csv', csv });
    expect(first).toMatchObject({ matched: 2, unmatched: 1, duplicate: 1, invalid: 1 });
    const status = await escrowStatus(t.ctx, input.contractId);
    expect(status.heldFen).toBe(101_000_00);
    expect(status.bondPostedFen).toBe(100_000_00);
    const again = await importStatement(t.ctx, null, { filename: 'bank.csv', csv });
    expect(again).toMatchObject({ matched: 0, unmatched: 0, duplicate: 4, invalid: 1 });
    expect((await escrowStatus(t.ctx, input.contractId)).heldFen).toBe(101_000_00);
    await expect(importStatement(t.ctx, null, { filename: 'x.csv', csv: 'a,b\n1,2' })).rejects.toThrow(
      'ESCROW_STATEMENT_INVALID',
    );
  });

  it('FUND-3: a payment more than 15 days overdue freezes the escrow once, opens a risk case, and blocks releases', async () => {
    const input = terms();
    await openContractEscrow(t.ctx, input);
    await setPaymentSchedule(t.ctx, {
      contractId: input.contractId,
      items: [
        { milestoneId: 'late', title: '主体结构', dueDate: daysAgo(16), amountFen: 10_000_00 },
        { milestoneId: 'ok', title: '装修', dueDate: daysAgo(14), amountFen: 10_000_00 },
      ],
    });
    await fundEscrowByDeposit(t.ctx, {
      contractId: input.contractId,
      amountFen: 30_000_00,
      reference: 'r',
      clientId: newId(),
    });
    const frozen = await freezeOverdueEscrows(t.ctx);
    expect(frozen).toContain(input.contractId);
    expect(await freezeOverdueEscrows(t.ctx)).not.toContain(input.contractId);
    const status = await escrowStatus(t.ctx, input.contractId);
    expect(status.frozen).toBe(true);
    expect(status.frozenReason).toContain('主体结构');
    await expect(
      releaseMilestone(t.ctx, {
        contractId: input.contractId,
        milestoneId: 'ok',
        settlementId: 's',
        clientId: newId(),
        grossFen: 10_000_00,
        retentionFen: 0,
        labourFen: 0,
      }),
    ).rejects.toThrow('ESCROW_FROZEN');
  });
});
