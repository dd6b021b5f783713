import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarCovers, isWorkingDay, shanghaiDate, workingDaysBetween } from './working-days';

/** An instant given in Beijing time. */
const bj = (local: string) => new Date(`${local}+08:00`);

describe('working days (official calendar with 调休)', () => {
  it('knows National Day 2026 and its adjusted working weekends', () => {
    expect(isWorkingDay('2026-09-30')).toBe(true);
    for (let d = 1; d <= 7; d++) expect(isWorkingDay(`2026-10-0${d}`)).toBe(false);
    expect(isWorkingDay('2026-09-20')).toBe(true); // Sunday, worked in lieu
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday, worked in lieu
    expect(isWorkingDay('2026-10-11')).toBe(false); // ordinary Sunday
  });

  it('knows Spring Festival 2026 and its adjusted working Saturdays', () => {
    expect(isWorkingDay('2026-02-13')).toBe(true);
    expect(isWorkingDay('2026-02-14')).toBe(true); // Saturday, worked in lieu
    for (const d of ['2026-02-15', '2026-02-17', '2026-02-20', '2026-02-23']) expect(isWorkingDay(d)).toBe(false);
    expect(isWorkingDay('2026-02-24')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true); // Saturday, worked in lieu
  });

  it('adds working days across National Day', () => {
    // Submitted Wednesday 30 September 16:00 → 1 working day later is Thursday 8 October 16:00.
    expect(addWorkingDays(bj('2026-09-30T16:00:00'), 1)).toEqual(bj('2026-10-08T16:00:00'));
    // 2 working days from 8 October: Friday 9th, then Saturday 10th (调休).
    expect(addWorkingDays(bj('2026-10-08T09:30:00'), 2)).toEqual(bj('2026-10-10T09:30:00'));
  });

  it('starts counting at the next working day for work arriving on a day off', () => {
    // Arrives on the National Day holiday → counting starts 00:00 on 8 October; 1 working day ends 24:00 on 8 October.
    expect(addWorkingDays(bj('2026-10-03T11:00:00'), 1)).toEqual(bj('2026-10-09T00:00:00'));
    // Arrives on Spring Festival eve (holiday) → 3 working days: 24, 25, 26 February.
    expect(addWorkingDays(bj('2026-02-16T20:00:00'), 3)).toEqual(bj('2026-02-27T00:00:00'));
  });

  it('measures elapsed working time, skipping holidays and counting 调休 Saturdays', () => {
    expect(workingDaysBetween(bj('2026-09-30T12:00:00'), bj('2026-10-08T12:00:00'))).toBeCloseTo(1, 6);
    expect(workingDaysBetween(bj('2026-10-09T00:00:00'), bj('2026-10-11T00:00:00'))).toBeCloseTo(2, 6);
    expect(workingDaysBetween(bj('2026-02-14T00:00:00'), bj('2026-02-24T00:00:00'))).toBeCloseTo(1, 6);
  });

  it('uses Beijing dates, not UTC dates', () => {
    expect(shanghaiDate(new Date('2026-09-30T17:00:00Z'))).toBe('2026-10-01');
  });

  it('says which years the official data covers, and falls back to weekdays beyond', () => {
    expect(calendarCovers(2026)).toBe(true);
    expect(calendarCovers(2099)).toBe(false);
    expect(isWorkingDay('2099-01-05')).toBe(true); // a Monday
    expect(isWorkingDay('2099-01-04')).toBe(false); // a Sunday
  });

  it('2025: National Day (1–8 October) and Spring Festival (28 January – 4 February) with their 调休 days', () => {
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday worked in lieu
    expect(isWorkingDay('2025-10-08')).toBe(false);
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday worked in lieu
    // Friday 26 September 17:00 + 2 working days: Sunday 28th (调休), then Monday 29th.
    expect(addWorkingDays(bj('2025-09-26T17:00:00'), 2)).toEqual(bj('2025-09-29T17:00:00'));
    // Tuesday 30 September + 1 working day jumps the whole holiday to Thursday 9 October.
    expect(addWorkingDays(bj('2025-09-30T10:00:00'), 1)).toEqual(bj('2025-10-09T10:00:00'));
    expect(isWorkingDay('2025-01-26')).toBe(true); // Sunday worked in lieu
    expect(isWorkingDay('2025-02-04')).toBe(false);
    expect(isWorkingDay('2025-02-08')).toBe(true); // Saturday worked in lieu
    // Monday 27 January + 3 working days: 5, 6, 7 February.
    expect(addWorkingDays(bj('2025-01-27T09:00:00'), 3)).toEqual(bj('2025-02-07T09:00:00'));
    expect(workingDaysBetween(bj('2025-01-27T00:00:00'), bj('2025-02-09T00:00:00'))).toBeCloseTo(5, 6); // 27 Jan, 5–7 Feb, 8 Feb (调休)
  });
});
