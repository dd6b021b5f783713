import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../infra/calendar/working-days';
import { measureClocks, measureValues, type PromiseClock, trendMonths, unmeasured } from './promises.measure';

/** An instant given in Beijing time. */
const bj = (local: string) => new Date(`${local}+08:00`);

/** A demand review: due 2 working days after submission on the official calendar, as the demands module sets it. */
function review(id: string, submitted: string, decided: string | null): PromiseClock {
  const startedAt = bj(submitted);
  return {
    caseKind: 'demand_review',
    caseId: id,
    label: `需求 ${id}`,
    startedAt,
    dueAt: addWorkingDays(startedAt, 2),
    endedAt: decided ? bj(decided) : null,
    link: `/staff/demand-reviews/${id}`,
  };
}

const options = { target: 1, unit: 'working_days' as const, now: bj('2026-10-20T12:00:00') };

describe('promises measured from timestamps', () => {
  it('a review decided after its deadline makes the review row miss, and is listed as a breach', () => {
    const onTime = review('00000000-0000-4000-8000-000000000001', '2026-10-13T09:00:00', '2026-10-14T17:00:00');
    const late = review('00000000-0000-4000-8000-000000000002', '2026-10-13T09:00:00', '2026-10-15T09:30:00');
    const kept = measureClocks('demand_review', [onTime], options);
    expect(kept.row).toMatchObject({ status: 'kept', figure: 1, cases: 1, breaches: 0 });
    expect(kept.breaches).toEqual([]);

    const { row, breaches } = measureClocks('demand_review', [onTime, late], options);
    expect(row).toMatchObject({ status: 'missed', figure: 0.5, cases: 2, breaches: 1 });
    expect(breaches).toEqual([
      expect.objectContaining({
        caseId: late.caseId,
        dueAt: bj('2026-10-15T09:00:00').toISOString(),
        endedAt: bj('2026-10-15T09:30:00').toISOString(),
        link: `/staff/demand-reviews/${late.caseId}`,
      }),
    ]);
    // median working days of the two reviews: 1.33 (09:00 → next day 17:00) and 2.02
    expect(row.median).toBeCloseTo((1 + 8 / 24 + 2 + 0.5 / 24) / 2, 2);
  });

  it('National Day moves the deadline: 7 calendar days later is still on time', () => {
    // Submitted Wednesday 30 September 16:00 → 2 working days end Friday 9 October 16:00.
    const decided = review('00000000-0000-4000-8000-000000000003', '2026-09-30T16:00:00', '2026-10-09T10:00:00');
    expect(decided.dueAt).toEqual(bj('2026-10-09T16:00:00'));
    expect(measureClocks('demand_review', [decided], options).row).toMatchObject({ status: 'kept', breaches: 0 });
  });

  it('a 调休 Saturday counts as a working day: the deadline comes a day earlier than on weekdays alone', () => {
    // Submitted Friday 9 October 16:00: Saturday 10 October is worked in lieu → due Monday 12 October 16:00,
    // not Tuesday 13th. A decision on Monday evening is late.
    const decided = review('00000000-0000-4000-8000-000000000004', '2026-10-09T16:00:00', '2026-10-12T18:00:00');
    expect(decided.dueAt).toEqual(bj('2026-10-12T16:00:00'));
    const { row, breaches } = measureClocks('demand_review', [decided], options);
    expect(row).toMatchObject({ status: 'missed', breaches: 1, figure: 0 });
    expect(breaches[0]?.caseId).toBe(decided.caseId);
  });

  it('an open case counts only once its deadline has passed, then as a breach', () => {
    const waiting = review('00000000-0000-4000-8000-000000000005', '2026-10-19T09:00:00', null);
    const overdue = review('00000000-0000-4000-8000-000000000006', '2026-10-14T09:00:00', null);
    const { row, breaches } = measureClocks('demand_review', [waiting, overdue], options);
    expect(row).toMatchObject({ cases: 1, breaches: 1, figure: 0, status: 'missed', median: null });
    expect(breaches.map((b) => [b.caseId, b.endedAt])).toEqual([[overdue.caseId, null]]);
  });

  it('no case measured yet: no figure, and it says so', () => {
    const { row } = measureClocks('demand_review', [], options);
    expect(row).toMatchObject({ status: 'no_data', figure: null, reason: 'no_cases' });
  });

  it('trends by the month the case started (Shanghai calendar), six months, oldest first', () => {
    expect(trendMonths(bj('2026-01-01T00:30:00'))).toEqual([
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
    ]);
    const september = review('00000000-0000-4000-8000-000000000007', '2026-09-01T10:00:00', '2026-09-02T10:00:00');
    const october = review('00000000-0000-4000-8000-000000000008', '2026-10-01T00:10:00', '2026-10-12T10:00:00');
    const { row } = measureClocks('demand_review', [september, october], options);
    expect(row.months.slice(-2)).toEqual([
      { month: '2026-09', cases: 1, figure: 1 },
      // started on 1 October Beijing time (30 September UTC, a holiday): due two working days after the holiday
      { month: '2026-10', cases: 1, figure: 0 },
    ]);
  });

  it('a value promise is the mean against its target; a row without data never shows a number', () => {
    const now = bj('2026-10-20T12:00:00');
    const savings = measureValues(
      'procurement_saving',
      [
        { at: bj('2026-09-10T10:00:00'), value: 0.04 },
        { at: bj('2026-10-10T10:00:00'), value: 0.08 },
      ],
      { target: 0.05, now },
    );
    expect(savings).toMatchObject({ status: 'kept', figure: 0.06, cases: 2 });
    expect(savings.months.slice(-2).map((m) => m.figure)).toEqual([0.04, 0.08]);
    const notLive = unmeasured('finance_decision', 'clock', 1, 'not_live', 'module_not_live', now);
    expect(notLive).toMatchObject({ status: 'not_live', figure: null, median: null, cases: 0 });
    expect(notLive.months.every((m) => m.figure === null)).toBe(true);
  });
});
