import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, EMPTY_FACTS, explain, gradeOf, policyProblem, rate, shrink } from './credit.scoring';

const dim = (r: ReturnType<typeof rate>, key: string) => r.dimensions.find((d) => d.key === key);
const indicator = (r: ReturnType<typeof rate>, key: string) =>
  r.dimensions.flatMap((d) => d.indicators).find((i) => i.key === key);

describe('credit scoring', () => {
  it('shrinks few observations toward the prior and lets many speak for themselves', () => {
    expect(shrink(0, 0, 0.8, 5)).toBeCloseTo(0.8);
    // one perfect job: between the prior and 100 %, much nearer the prior
    expect(shrink(1, 1, 0.8, 5)).toBeCloseTo((1 + 4) / 6);
    // 200 perfect jobs: close to 100 %
    expect(shrink(200, 200, 0.8, 5)).toBeGreaterThan(0.99);
  });

  it('gives an organisation without data a middle grade, marked insufficient, not AAA or C', () => {
    const r = rate(EMPTY_FACTS, DEFAULT_POLICY);
    expect(r.thin).toBe(true);
    expect(['A', 'B']).toContain(r.grade);
  });

  it('does not make a firm AAA on two perfect jobs, nor C on one bad one', () => {
    const lucky = rate(
      {
        ...EMPTY_FACTS,
        milestonesDue: 2,
        milestonesCompleted: 2,
        milestonesOnTime: 2,
        ratings: 1,
        ratingStarsSum: 5,
      },
      DEFAULT_POLICY,
    );
    expect(lucky.grade).not.toBe('AAA');
    const unlucky = rate(
      { ...EMPTY_FACTS, milestonesDue: 1, milestonesCompleted: 0, milestonesOnTime: 0, ratings: 1, ratingStarsSum: 1 },
      DEFAULT_POLICY,
    );
    expect(unlucky.grade).not.toBe('C');
  });

  it('a late milestone lowers the on-time rate; a lost dispute lowers the transactions dimension', () => {
    const base = { ...EMPTY_FACTS, milestonesDue: 10, milestonesCompleted: 10, milestonesOnTime: 10, transactions: 10 };
    const late = { ...base, milestonesOnTime: 9 };
    expect(indicator(rate(late, DEFAULT_POLICY), 'on_time')?.score).toBeLessThan(
      indicator(rate(base, DEFAULT_POLICY), 'on_time')?.score ?? 0,
    );
    const lost = { ...base, disputesLost: 1 };
    expect(dim(rate(lost, DEFAULT_POLICY), 'transactions')?.score).toBeLessThan(
      dim(rate(base, DEFAULT_POLICY), 'transactions')?.score ?? 0,
    );
  });

  it('a long clean record earns AAA', () => {
    const r = rate(
      {
        ...EMPTY_FACTS,
        milestonesDue: 60,
        milestonesCompleted: 60,
        milestonesOnTime: 58,
        logsAccepted: 300,
        logsSentBack: 5,
        transactions: 40,
        volumeFen: 900_000_000,
        ratings: 25,
        ratingStarsSum: 25 * 4.9,
        qualificationGrades: ['一级', '二级'],
        taxYearsDeclared: 5,
        taxYearsOnTime: 5,
        scheduleDue: 40,
        schedulePaidOnTime: 40,
        labourShares: 30,
        labourPaidOut: 30,
      },
      DEFAULT_POLICY,
    );
    expect(r.grade).toBe('AAA');
    expect(r.thin).toBe(false);
  });

  it('paying into escrow late lowers the transactions dimension; wages paid out late lower social responsibility', () => {
    const dim = (f: typeof EMPTY_FACTS, key: string) => rate(f, DEFAULT_POLICY).dimensions.find((d) => d.key === key);
    const punctual = { ...EMPTY_FACTS, scheduleDue: 12, schedulePaidOnTime: 12, labourShares: 10, labourPaidOut: 10 };
    const late = { ...punctual, schedulePaidOnTime: 4, labourPaidOut: 3 };
    expect(dim(late, 'transactions')?.score).toBeLessThan(dim(punctual, 'transactions')?.score ?? 0);
    expect(dim(late, 'social')?.score).toBeLessThan(dim(punctual, 'social')?.score ?? 0);
    const payment = dim(late, 'transactions')?.indicators.find((i) => i.key === 'payment');
    expect(payment).toMatchObject({ evidence: 12, thin: false });
    expect(payment?.label['zh-CN']).toBe('按期付款率（托管付款计划、融资还款）');
    // without escrow data the indicators sit at their prior and say 数据不足
    const none = dim(EMPTY_FACTS, 'social')?.indicators.find((i) => i.key === 'wages');
    expect(none).toMatchObject({ evidence: 0, thin: true, score: 85 });
  });

  it('explains which indicator moved the total since last month', () => {
    const before = rate(
      { ...EMPTY_FACTS, milestonesDue: 10, milestonesCompleted: 10, milestonesOnTime: 10 },
      DEFAULT_POLICY,
    );
    const after = rate(
      { ...EMPTY_FACTS, milestonesDue: 12, milestonesCompleted: 12, milestonesOnTime: 10 },
      DEFAULT_POLICY,
    );
    const moves = explain(after.dimensions, before.dimensions);
    expect(moves[0]?.key).toBe('performance.on_time');
    expect(moves[0]?.delta).toBeLessThan(0);
    expect(explain(after.dimensions, null)).toEqual([]);
  });

  it('grades by the thresholds and refuses policies whose weights do not add up to 100', () => {
    expect(gradeOf(90, DEFAULT_POLICY.thresholds)).toBe('AAA');
    expect(gradeOf(59, DEFAULT_POLICY.thresholds)).toBe('C');
    expect(policyProblem({ ...DEFAULT_POLICY, weights: { ...DEFAULT_POLICY.weights, social: 20 } })).toEqual({
      code: 'CREDIT_WEIGHTS_NOT_100',
      sum: 110,
    });
    expect(policyProblem({ ...DEFAULT_POLICY, thresholds: { AAA: 80, AA: 80, A: 70, B: 60 } })?.code).toBe(
      'CREDIT_THRESHOLDS_ORDER',
    );
    expect(policyProblem(DEFAULT_POLICY)).toBeNull();
  });
});
