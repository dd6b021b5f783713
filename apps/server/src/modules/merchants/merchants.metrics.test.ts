import { describe, expect, it } from 'vitest';
import { feedbackOnTimeBp, slaOf, stageDurations } from './merchants.metrics';
import { evaluateMerchantTier } from './merchants.tiers';

const bj = (local: string) => new Date(`${local}+08:00`);

describe('onboarding SLA timers on the official calendar', () => {
  it('National Day: a Wednesday-afternoon submission is due for feedback on 8 October and complete on the 调休 Saturday', () => {
    const submitted = bj('2026-09-30T16:00:00');
    const sla = slaOf(
      { stage: 'in_review', firstSubmittedAt: submitted, submittedAt: submitted, activatedAt: null },
      bj('2026-10-07T23:00:00'),
    );
    expect(sla.feedbackDueAt).toEqual(bj('2026-10-08T16:00:00'));
    // 3 working days: 8 Oct (Thu), 9 Oct (Fri), 10 Oct (Saturday worked in lieu).
    expect(sla.cycleDueAt).toEqual(bj('2026-10-10T16:00:00'));
    // Seven days of holiday later it is not overdue: only 8 hours of working time have passed.
    expect(sla.overdue).toBe(false);
    expect(sla.elapsedWorkingDays).toBeCloseTo(0.33, 2);
    const late = slaOf(
      { stage: 'in_review', firstSubmittedAt: submitted, submittedAt: submitted, activatedAt: null },
      bj('2026-10-08T16:01:00'),
    );
    expect(late.overdue).toBe(true);
  });

  it('Spring Festival: the 调休 Saturday before the holiday counts, the holiday does not', () => {
    const submitted = bj('2026-02-13T10:00:00'); // Friday
    const sla = slaOf(
      { stage: 'in_review', firstSubmittedAt: submitted, submittedAt: submitted, activatedAt: null },
      submitted,
    );
    expect(sla.feedbackDueAt).toEqual(bj('2026-02-14T10:00:00')); // Saturday, a working day
    expect(sla.cycleDueAt).toEqual(bj('2026-02-25T10:00:00')); // 14th, 24th, 25th
    const duringHoliday = slaOf(
      { stage: 'inspection', firstSubmittedAt: submitted, submittedAt: submitted, activatedAt: null },
      bj('2026-02-22T12:00:00'),
    );
    expect(duringHoliday.overdue).toBe(false);
    expect(duringHoliday.elapsedWorkingDays).toBeCloseTo(1.58, 2);
  });

  it('never marks the platform overdue while it waits for the applicant', () => {
    const submitted = bj('2026-03-02T09:00:00');
    for (const stage of ['needs_correction', 'agreement'] as const) {
      expect(
        slaOf(
          { stage, firstSubmittedAt: submitted, submittedAt: submitted, activatedAt: null },
          bj('2026-03-20T09:00:00'),
        ).overdue,
      ).toBe(false);
    }
    expect(
      slaOf(
        { stage: 'inspection', firstSubmittedAt: submitted, submittedAt: submitted, activatedAt: null },
        bj('2026-03-20T09:00:00'),
      ).overdue,
    ).toBe(true);
  });

  it('measures stage durations and on-time feedback in working days', () => {
    const events = [
      { applicationId: 'a', stage: 'in_review' as const, enteredAt: bj('2026-09-30T16:00:00') },
      { applicationId: 'a', stage: 'agreement' as const, enteredAt: bj('2026-10-08T10:00:00') },
      { applicationId: 'a', stage: 'active' as const, enteredAt: bj('2026-10-09T10:00:00') },
      { applicationId: 'b', stage: 'in_review' as const, enteredAt: bj('2026-10-12T09:00:00') },
      { applicationId: 'b', stage: 'rejected' as const, enteredAt: bj('2026-10-14T09:00:00') },
    ];
    const d = stageDurations(events);
    // a: 8 h on 30 Sep + 10 h on 8 Oct = 0.75 days; b: 2 days. Mean 1.375 → 1.38.
    expect(d.get('in_review')).toBeCloseTo(1.38, 2);
    expect(d.get('agreement')).toBe(1);
    expect(feedbackOnTimeBp(events)).toBe(5000);
  });
});

describe('merchant tier re-evaluation', () => {
  it('keeps the tier without data, promotes and demotes with it', () => {
    expect(evaluateMerchantTier('potential', null)).toEqual({ tier: 'potential', reason: null });
    expect(
      evaluateMerchantTier('potential', { avgMonthlySalesFen: 120_000_000, rating: 4.8, complaintRateBp: 50 }).tier,
    ).toBe('brand');
    expect(
      evaluateMerchantTier('potential', { avgMonthlySalesFen: 120_000_000, rating: 4.2, complaintRateBp: 50 }).tier,
    ).toBe('potential');
    const down = evaluateMerchantTier('brand', { avgMonthlySalesFen: 30_000_000, rating: 3.6, complaintRateBp: 500 });
    expect(down.tier).toBe('potential');
    expect(down.reason?.['zh-CN']).toContain('评分 3.6 低于 4');
  });
});
