import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { actorOf, type BuiltOrg, buildOrg, buildSignedContract, buildStaff } from '../../test/builders';
import { createTestContext, type TestContext } from '../../test/test-context';
import { creditProfile, recalculateMonth } from '../credit';
import { fundEscrowByDeposit, releaseMilestone, requestPayout, SimulatedBank } from '../escrow';
import { createLog, executionAccess, setPlan } from '../execution';
import { warningsOfOrg } from '../risk';
import { closeWageMonth, firstWorkingDayOfMonth, runWageRule, wageMonthsOf } from './index';

/**
 * The wage rule (FUND-5) on a real database: October 2026 with workers on site on two contracts, one paying wages
 * from its wage account and one not; the month closes on the first working day of November.
 */
let t: TestContext;
let gc: BuiltOrg;
let unpaidSub: BuiltOrg;
let paidSub: BuiltOrg;
let unpaidContract: string;
let paidContract: string;

const wagesIndicator = async (org: BuiltOrg) => {
  const latest = (await creditProfile(t.ctx, org.orgId)).latest;
  return latest?.dimensions
    .flatMap((d) => (d as { indicators: { key: string; score: number; evidence: number }[] }).indicators)
    .find((i) => i.key === 'wages');
};

async function plannedContract(sub: BuiltOrg, title: string) {
  const id = await buildSignedContract(t.ctx, gc, sub, { title });
  await setPlan(t.ctx, actorOf(gc), gc.orgId, id, {
    startDate: '2026-10-01',
    retentionBp: 300,
    advanceBp: 0,
    labourShareBp: 3000,
    bondBp: null,
    milestones: [{ title: '主体完成', deliverables: '', dueDate: '2027-03-31', shareBp: 10_000 }],
    boqLines: [{ code: '010401001', name: '砌体', unit: 'm³', quantityMilli: 1_000_000, unitPriceFen: 50_000 }],
    plannedCurve: [],
  });
  const { lines } = await executionAccess(t.ctx, gc.orgId, id);
  for (const [logDate, workersOnSite] of [
    ['2026-10-09', 14],
    ['2026-10-16', 18],
  ] as const)
    await createLog(t.ctx, actorOf(sub, ['SUB']), sub.orgId, id, {
      logDate,
      workersOnSite,
      weather: '晴',
      issues: '',
      work: [{ lineId: lines[0]?.id as string, quantityMilli: 10_000, note: '' }],
      photoFileIds: [],
    });
  return id;
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-10-20T02:00:00Z'));
  t = await createTestContext();
  await buildStaff(t.ctx, ['risk'], '风控专员 周敏');
  gc = await buildOrg(t.ctx, { roles: ['GC'], name: '浙江工资建工有限公司' });
  unpaidSub = await buildOrg(t.ctx, { roles: ['SUB'], name: '安徽欠薪劳务有限公司' });
  paidSub = await buildOrg(t.ctx, { roles: ['SUB'], name: '江西按月劳务有限公司' });
  unpaidContract = await plannedContract(unpaidSub, '3# 楼砌体劳务分包');
  paidContract = await plannedContract(paidSub, '4# 楼砌体劳务分包');
  // the paying contract: the labour share of a release reaches the wage account, and wages go out on 25 October
  const { milestones } = await executionAccess(t.ctx, gc.orgId, paidContract);
  await fundEscrowByDeposit(t.ctx, {
    contractId: paidContract,
    amountFen: 10_000_000,
    reference: 'WAGE',
    clientId: newId(),
  });
  await releaseMilestone(t.ctx, {
    contractId: paidContract,
    milestoneId: milestones[0]?.id as string,
    settlementId: newId(),
    clientId: newId(),
    grossFen: 5_000_000,
    retentionFen: 150_000,
    labourFen: 1_500_000,
  });
  vi.setSystemTime(new Date('2026-10-25T03:00:00Z'));
  await requestPayout(t.ctx, new SimulatedBank(t.ctx.db), {
    orgId: paidSub.orgId,
    amountFen: 1_200_000,
    beneficiaryName: '江西按月劳务有限公司（工资代发）',
    beneficiaryAccount: '6222020202021234567',
    clientId: 'wages-2026-10',
    wageAccountOfContractId: paidContract,
  });
  vi.setSystemTime(new Date('2026-11-01T02:00:00Z'));
});
afterAll(async () => {
  vi.useRealTimers();
  await t?.close();
});

describe('the monthly close', () => {
  it('waits for the first working day of the month on the official calendar', async () => {
    // 1 November 2026 is a Sunday; 1–7 October 2026 is the National Day holiday
    expect(firstWorkingDayOfMonth('2026-11-01')).toBe('2026-11-02');
    expect(firstWorkingDayOfMonth('2026-10-01')).toBe('2026-10-08');
    expect(await runWageRule(t.ctx, new Date('2026-11-01T02:00:00Z'))).toMatchObject({ closed: false });
    expect(await wageMonthsOf(t.ctx, gc.orgId)).toEqual([]);
  });

  it('records both contracts and raises one alert, for the month with workers and no payout', async () => {
    const closedAt = new Date('2026-11-02T00:30:00Z');
    expect(await runWageRule(t.ctx, closedAt)).toEqual({ month: '2026-10', closed: true, contracts: 2, unpaid: 1 });
    const months = await wageMonthsOf(t.ctx, gc.orgId);
    expect(months.map((m) => [m.contractId, m.paid, m.logDays, m.peakWorkers, m.workerDays, m.payouts])).toEqual(
      expect.arrayContaining([
        [unpaidContract, false, 2, 18, 32, 0],
        [paidContract, true, 2, 18, 32, 1],
      ]),
    );
    expect(months.find((m) => m.contractId === paidContract)?.paidFen).toBe(1_200_000);

    const warnings = await warningsOfOrg(t.ctx, gc.orgId, { type: 'wage_unpaid' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.warning).toMatchObject({
      contractId: unpaidContract,
      ownerOrgId: gc.orgId,
      severity: 'high',
      subjectKind: 'wage_month',
      subjectId: `${unpaidContract}:2026-10`,
    });
    expect(warnings[0]?.warning.evidence.facts).toMatchObject({ month: '2026-10', logDays: 2, peakWorkers: 18 });
    expect(warnings[0]?.partyOrgIds.sort()).toEqual([gc.orgId, unpaidSub.orgId].sort());
    expect(await warningsOfOrg(t.ctx, paidSub.orgId, {})).toEqual([]);
  });

  it('tells the GC in-app and by e-mail, and risk staff after the close commits', async () => {
    const toGc = await queryRows<{ title: string }>(
      t.ctx.db,
      sql`select title from notifications where kind = 'risk.warning' and org_id = ${gc.orgId}`,
    );
    expect(toGc).toHaveLength(1);
    expect(toGc[0]?.title).toContain('工资专户未发放工资');
    await t.drain();
    const toStaff = await queryRows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from notifications where kind = 'risk.warning' and link = '/staff/risk'`,
    );
    expect(Number(toStaff[0]?.n)).toBe(1);
    const mails = t.mailer.sent.filter((m) => m.to === gc.email && m.subject.includes('风险预警'));
    expect(mails).toHaveLength(1);
  });

  it('is idempotent: running the job twice more opens nothing and publishes nothing', async () => {
    expect(await runWageRule(t.ctx, new Date('2026-11-03T00:30:00Z'))).toMatchObject({ closed: false });
    expect(await closeWageMonth(t.ctx, '2026-10', new Date('2026-11-03T00:31:00Z'))).toMatchObject({ closed: false });
    await t.drain();
    expect(await warningsOfOrg(t.ctx, gc.orgId, { type: 'wage_unpaid' })).toHaveLength(1);
    const events = await queryRows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from credit_wage_months where month = '2026-10'`,
    );
    expect(Number(events[0]?.n)).toBe(2);
    const staffNotes = await queryRows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from notifications where kind = 'risk.warning' and link = '/staff/risk'`,
    );
    expect(Number(staffNotes[0]?.n)).toBe(1);
  });
});

describe('the credit rating', () => {
  it('receives the monthly record through the event and moves 农民工工资按月发放 apart', async () => {
    await recalculateMonth(t.ctx, '2026-11', {
      orgIds: [unpaidSub.orgId, paidSub.orgId, gc.orgId],
      now: new Date('2026-12-01T00:00:00Z'),
    });
    const unpaid = await wagesIndicator(unpaidSub);
    const paid = await wagesIndicator(paidSub);
    const none = await wagesIndicator(gc);
    expect(unpaid?.evidence).toBe(1);
    expect(paid?.evidence).toBe(1);
    expect(none?.evidence).toBe(0);
    // shrunk toward the prior (85 %) with one month of evidence each: paid above it, unpaid below it
    expect(paid?.score).toBeGreaterThan(none?.score as number);
    expect(unpaid?.score).toBeLessThan(none?.score as number);
  });
});
