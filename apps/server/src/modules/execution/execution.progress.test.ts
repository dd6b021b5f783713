import { describe, expect, it } from 'vitest';
import { actualCurve, curveFromMilestones, curveIsValid, lineValueFen, milestoneDelays } from './execution.progress';

const lines = [
  { id: 'a', quantityMilli: 1_000_000, unitPriceFen: 50_000 }, // 1,000 m³ × ¥500 = ¥500,000
  { id: 'b', quantityMilli: 100_000, unitPriceFen: 500_000 }, // 100 t × ¥5,000 = ¥500,000
];

describe('progress arithmetic', () => {
  it('builds the default planned curve from the cumulative milestone shares', () => {
    const curve = curveFromMilestones('2026-10-01', [
      { dueDate: '2026-11-01', shareBp: 3000 },
      { dueDate: '2026-11-01', shareBp: 2000 },
      { dueDate: '2027-01-31', shareBp: 5000 },
    ]);
    expect(curve).toEqual([
      { date: '2026-10-01', percentBp: 0 },
      { date: '2026-11-01', percentBp: 5000 },
      { date: '2027-01-31', percentBp: 10_000 },
    ]);
    expect(curveIsValid(curve)).toBe(true);
    expect(curveIsValid([...curve.slice(0, 2), { date: '2027-01-31', percentBp: 9_999 }])).toBe(false);
    expect(curveIsValid([curve[0], curve[2], curve[1]] as typeof curve)).toBe(false);
  });

  it('values logged work by the BoQ, capping each line at its quantity, and ignores unknown lines', () => {
    const curve = actualCurve(lines, [
      { logDate: '2026-10-08', work: [{ lineId: 'a', quantityMilli: 200_000 }] },
      {
        logDate: '2026-10-15',
        work: [
          { lineId: 'a', quantityMilli: 900_000 },
          { lineId: 'x', quantityMilli: 5 },
        ],
      },
      { logDate: '2026-10-15', work: [{ lineId: 'b', quantityMilli: 10_000 }] },
    ]);
    // 200 m³ = ¥100,000 = 10%; then a is capped at 1,000 m³ (50%) and b 10 t (5%) on the same day
    expect(curve).toEqual([
      { date: '2026-10-08', percentBp: 1000 },
      { date: '2026-10-15', percentBp: 5500 },
    ]);
  });

  it('counts a milestone late from its due date to the day progress reached it, or to today', () => {
    const delays = milestoneDelays(
      [
        { id: 'm1', dueDate: '2026-10-10', shareBp: 1000 },
        { id: 'm2', dueDate: '2026-10-20', shareBp: 5000 },
        { id: 'm3', dueDate: '2026-12-31', shareBp: 4000 },
      ],
      [
        { date: '2026-10-08', percentBp: 1000 },
        { date: '2026-10-25', percentBp: 6000 },
      ],
      '2026-11-02',
    );
    expect(Object.fromEntries(delays)).toEqual({
      m1: { completedOn: '2026-10-08', delayDays: 0 },
      m2: { completedOn: '2026-10-25', delayDays: 5 },
      m3: { completedOn: null, delayDays: 0 },
    });
  });

  it('rounds a line value half up to the fen, exactly', () => {
    expect(lineValueFen(123_457, 120_050)).toBe(14_821_013n); // 14,821,012.85
    expect(lineValueFen(1, 499)).toBe(0n); // 0.499
    expect(lineValueFen(1, 500)).toBe(1n); // 0.5
    expect(lineValueFen(999_999_999_999, 99_999_999)).toBe(99_999_998_999_900_000n);
  });
});
