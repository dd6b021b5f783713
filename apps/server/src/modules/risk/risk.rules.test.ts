import { describe, expect, it } from 'vitest';
import { generateHistories } from './risk.generator';
import { type ContractHistory, EARLY_WARNING_MODEL, earlyWarning } from './risk.model';
import { redFlags, type TenderFacts } from './risk.redflags';
import {
  addDays,
  frequentAmendments,
  largePayoutToNewAccount,
  logSuspension,
  milestoneDelay,
  roundTrip,
  unpaidWages,
} from './risk.rules';

const parties = { contractId: 'c1', title: '1# 楼主体结构劳务分包', buyerOrgId: 'gc', supplierOrgId: 'sub' };
const exec = { contractId: 'c1', title: '1# 楼主体结构劳务分包', gcOrgId: 'gc', payeeOrgId: 'sub' };

describe('frequent amendments', () => {
  it('fires on three amendments signed within 90 days, with the versions as evidence', () => {
    const f = frequentAmendments(
      {
        ...parties,
        amendments: [
          { versionNo: 2, signedOn: '2026-09-01' },
          { versionNo: 3, signedOn: '2026-10-05' },
          { versionNo: 4, signedOn: '2026-11-20' },
        ],
      },
      '2026-11-20',
    );
    expect(f).toMatchObject({ type: 'frequent_amendments', severity: 'medium', ownerOrgId: 'gc' });
    expect(f?.facts).toMatchObject({ amendmentsInWindow: 3, versions: 'v2 2026-09-01, v3 2026-10-05, v4 2026-11-20' });
    expect(f?.partyOrgIds).toEqual(['gc', 'sub']);
  });

  it('stays quiet on two amendments, or three spread over a year', () => {
    const two = [
      { versionNo: 2, signedOn: '2026-10-01' },
      { versionNo: 3, signedOn: '2026-11-01' },
    ];
    expect(frequentAmendments({ ...parties, amendments: two }, '2026-11-20')).toBeNull();
    const spread = [
      { versionNo: 2, signedOn: '2026-01-10' },
      { versionNo: 3, signedOn: '2026-06-01' },
      { versionNo: 4, signedOn: '2026-11-20' },
    ];
    expect(frequentAmendments({ ...parties, amendments: spread }, '2026-11-20')).toBeNull();
  });
});

describe('sudden stop of construction logs', () => {
  const weekly = ['2026-10-01', '2026-10-08', '2026-10-15', '2026-10-22'];

  it('fires when a contractor that logged weekly has filed nothing for 14 days', () => {
    const f = logSuspension({ ...exec, logDates: weekly, progressBp: 3500, today: '2026-11-06' });
    expect(f).toMatchObject({ type: 'log_suspension', ownerOrgId: 'sub', severity: 'medium' });
    expect(f?.facts).toMatchObject({ lastLogDate: '2026-10-22', daysSilent: 15, usualGapDays: 7 });
    // three weeks silent is high
    expect(logSuspension({ ...exec, logDates: weekly, progressBp: 3500, today: '2026-11-15' })?.severity).toBe('high');
  });

  it('stays quiet on regular logs, finished work, or a contract that never logged regularly', () => {
    expect(logSuspension({ ...exec, logDates: weekly, progressBp: 3500, today: '2026-10-29' })).toBeNull();
    expect(logSuspension({ ...exec, logDates: weekly, progressBp: 10_000, today: '2026-12-01' })).toBeNull();
    expect(logSuspension({ ...exec, logDates: ['2026-10-01'], progressBp: 500, today: '2026-12-01' })).toBeNull();
    const monthly = ['2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01'];
    expect(logSuspension({ ...exec, logDates: monthly, progressBp: 4000, today: '2026-10-20' })).toBeNull();
  });
});

describe('milestone delay over 7 days', () => {
  const m = { id: 'm1', seq: 2, title: '主体结构 1–10 层完成', dueDate: '2026-11-01', completedOn: null };

  it('fires on a milestone not reached 8 days after its due date (high beyond 30)', () => {
    expect(milestoneDelay({ ...exec, milestone: { ...m, delayDays: 8 } })).toMatchObject({
      type: 'milestone_delay',
      severity: 'medium',
      subject: { kind: 'milestone', id: 'm1' },
      facts: { delayDays: 8, dueDate: '2026-11-01' },
    });
    expect(milestoneDelay({ ...exec, milestone: { ...m, delayDays: 31 } })?.severity).toBe('high');
  });

  it('stays quiet at 7 days, and on a milestone reached late', () => {
    expect(milestoneDelay({ ...exec, milestone: { ...m, delayDays: 7 } })).toBeNull();
    expect(milestoneDelay({ ...exec, milestone: { ...m, completedOn: '2026-11-20', delayDays: 19 } })).toBeNull();
  });
});

describe('unusual money flows', () => {
  const payout = {
    payoutId: 'p1',
    orgId: 'sub',
    orgName: '安徽执行劳务有限公司',
    amountFen: 30_000_000,
    beneficiaryName: '安徽执行劳务有限公司',
    beneficiaryAccount: '6222020200112233',
    firstUseOfAccount: true,
    createdAt: '2026-11-20T02:00:00.000Z',
  };

  it('fires on a large payout to an account used for the first time; high when the beneficiary is someone else', () => {
    expect(largePayoutToNewAccount(payout)).toMatchObject({ type: 'large_payout_new_account', severity: 'medium' });
    expect(largePayoutToNewAccount(payout)?.facts.account).toBe('****2233');
    expect(largePayoutToNewAccount({ ...payout, beneficiaryName: '王某某' })?.severity).toBe('high');
  });

  it('stays quiet on a small payout or a known account', () => {
    expect(largePayoutToNewAccount({ ...payout, amountFen: 9_999_999 })).toBeNull();
    expect(largePayoutToNewAccount({ ...payout, firstUseOfAccount: false })).toBeNull();
  });

  const out = {
    releaseId: 'r1',
    contractId: 'c1',
    payerOrgId: 'gc',
    payeeOrgId: 'sub',
    grossFen: 50_000_000,
    releasedAt: '2026-10-01T02:00:00.000Z',
  };

  it('fires when the money comes back to the payer within 30 days and 10% of the amount', () => {
    const back = {
      releaseId: 'r2',
      contractId: 'c2',
      payerOrgId: 'sub',
      payeeOrgId: 'gc',
      grossFen: 47_000_000,
      releasedAt: '2026-10-20T02:00:00.000Z',
    };
    expect(roundTrip(back, [out])).toMatchObject({
      type: 'round_tripping',
      severity: 'high',
      partyOrgIds: ['sub', 'gc'],
      facts: { firstReleaseId: 'r1', returnReleaseId: 'r2' },
    });
  });

  it('stays quiet on a payment back after 30 days, of a different amount, or in the same direction', () => {
    const late = { ...out, releaseId: 'r2', payerOrgId: 'sub', payeeOrgId: 'gc', releasedAt: '2026-11-15T02:00:00Z' };
    expect(roundTrip(late, [out])).toBeNull();
    const other = { ...out, releaseId: 'r2', payerOrgId: 'sub', payeeOrgId: 'gc', grossFen: 20_000_000 };
    expect(roundTrip(other, [out])).toBeNull();
    expect(roundTrip({ ...out, releaseId: 'r2', releasedAt: '2026-10-10T02:00:00Z' }, [out])).toBeNull();
  });
});

describe('tender red flags', () => {
  const normal: TenderFacts = {
    tenderId: 't1',
    buyerOrgId: 'gc',
    title: '2# 楼砌体劳务分包',
    budgetFen: 100_000_000,
    publishedAt: new Date('2026-10-01T00:00:00Z'),
    deadline: new Date('2026-10-25T00:00:00Z'),
    opened: true,
    bids: [
      { bidderOrgId: 'a', bidderName: '甲劳务', valid: true, totalFen: 91_000_000 },
      { bidderOrgId: 'b', bidderName: '乙劳务', valid: true, totalFen: 94_000_000 },
      { bidderOrgId: 'c', bidderName: '丙劳务', valid: true, totalFen: 97_500_000 },
    ],
    award: { bidderOrgId: 'a', amountFen: 91_000_000 },
    earlierTenders: [],
    winnerBuyers: [
      { buyerOrgId: 'gc', awards: 1 },
      { buyerOrgId: 'other', awards: 2 },
    ],
  };

  it('raises no flag on a competitive tender with a normal period', () => {
    expect(redFlags(normal)).toEqual([]);
  });

  it('raises each flag on its facts', () => {
    const flags = (f: Partial<TenderFacts>) => redFlags({ ...normal, ...f }).map((x) => x.flag);
    expect(flags({ bids: [normal.bids[0] as TenderFacts['bids'][number]] })).toEqual(['single_bidder']);
    expect(flags({ award: { bidderOrgId: 'a', amountFen: 99_400_000 } })).toEqual(['price_near_estimate']);
    expect(flags({ winnerBuyers: [{ buyerOrgId: 'gc', awards: 3 }] })).toEqual(['captive_supplier']);
    expect(
      flags({
        bids: [
          { bidderOrgId: 'a', bidderName: '甲劳务', valid: true, totalFen: 91_000_000 },
          { bidderOrgId: 'b', bidderName: '乙劳务', valid: true, totalFen: 91_300_000 },
        ],
      }),
    ).toEqual(['identical_bids']);
    expect(flags({ deadline: new Date('2026-10-08T00:00:00Z') })).toEqual(['short_period']);
    expect(
      flags({
        earlierTenders: [
          { id: 'x', status: 'failed' },
          { id: 'y', status: 'failed' },
        ],
      }),
    ).toEqual(['repeated_retender']);
  });

  it('counts only earlier tenders that failed as re-tendering', () => {
    const open = [
      { id: 'x', status: 'open' },
      { id: 'y', status: 'awarded' },
    ];
    expect(redFlags({ ...normal, earlierTenders: open })).toEqual([]);
  });

  it('does not call a new supplier captive on its first award', () => {
    expect(redFlags({ ...normal, winnerBuyers: [{ buyerOrgId: 'gc', awards: 1 }] })).toEqual([]);
  });
});

describe('early warning', () => {
  /** A contract that logs daily and keeps to its plan until `stallFrom`, then barely moves. */
  function history(stallFrom: number | null): ContractHistory {
    const start = '2026-09-01';
    const logs: ContractHistory['logs'] = [];
    let progress = 0;
    for (let d = 1; d <= 60; d++) {
      progress += stallFrom !== null && d >= stallFrom ? 15 : 5000 / 40;
      logs.push({ logDate: addDays(start, d), status: 'accepted', progressBp: Math.round(Math.min(progress, 10_000)) });
    }
    return {
      plannedCurve: [
        { date: start, percentBp: 0 },
        { date: addDays(start, 40), percentBp: 5000 },
        { date: addDays(start, 80), percentBp: 10_000 },
      ],
      milestones: [
        { id: 'm1', seq: 1, dueDate: addDays(start, 40), cumulativeBp: 5000 },
        { id: 'm2', seq: 2, dueDate: addDays(start, 80), cumulativeBp: 10_000 },
      ],
      logs,
      payments: [],
    };
  }

  it('warns 3–5 days before the due date of a milestone whose progress has stalled', () => {
    const h = history(25);
    const due = '2026-10-11';
    const first = [5, 4, 3, 2, 1, 0].find((d) => earlyWarning(EARLY_WARNING_MODEL, h, 0, addDays(due, -d))?.warn);
    expect(first).toBeGreaterThanOrEqual(3);
    expect(first).toBeLessThanOrEqual(5);
    const w = earlyWarning(EARLY_WARNING_MODEL, h, 0, addDays(due, -(first as number)));
    // the explanation: plan vs actual and the pace carry it
    expect((w?.contributions.behindPlan ?? 0) + (w?.contributions.paceRatio ?? 0)).toBeGreaterThan(0);
  });

  it('does not warn on a contract that keeps to its plan, and not outside the 5-day window', () => {
    const h = history(null);
    for (const d of [5, 4, 3, 2, 1, 0])
      expect(earlyWarning(EARLY_WARNING_MODEL, h, 0, addDays('2026-10-11', -d))?.warn ?? false).toBe(false);
    expect(earlyWarning(EARLY_WARNING_MODEL, history(25), 0, addDays('2026-10-11', -6))).toBeNull();
  });

  it('generates the same histories from the same seed', () => {
    expect(generateHistories(5, 7)).toEqual(generateHistories(5, 7));
    expect(generateHistories(5, 7)).not.toEqual(generateHistories(5, 8));
  });
});

describe('unpaid wages (FUND-5)', () => {
  const month = { ...exec, month: '2026-10', logDays: 12, peakWorkers: 18, workerDays: 190, paid: false };

  it('fires for a month with workers on site and no wage payout, owned by the GC, per contract and month', () => {
    const f = unpaidWages(month);
    expect(f).toMatchObject({
      type: 'wage_unpaid',
      severity: 'high',
      subject: { kind: 'wage_month', id: 'c1:2026-10' },
      ownerOrgId: 'gc',
      partyOrgIds: ['gc', 'sub'],
      facts: { month: '2026-10', logDays: 12, peakWorkers: 18, workerDays: 190, wagePayouts: 0 },
    });
    expect(f?.summary['zh-CN']).toContain('12 天有工人在场');
    expect(unpaidWages({ ...month, month: '2026-11' })?.subject.id).toBe('c1:2026-11');
  });

  it('is medium for a small crew on few days, and silent when wages were paid or nobody was on site', () => {
    expect(unpaidWages({ ...month, logDays: 3, peakWorkers: 6, workerDays: 15 })?.severity).toBe('medium');
    expect(unpaidWages({ ...month, paid: true })).toBeNull();
    expect(unpaidWages({ ...month, logDays: 0, peakWorkers: 0, workerDays: 0 })).toBeNull();
  });
});
