import chineseDays from 'chinese-days';

/**
 * Working days of mainland China (SERV-3): weekends off, official holidays off, and the adjusted working
 * weekends (调休) on, from the `chinese-days` data set (State Council notices). All arithmetic is in
 * Asia/Shanghai time, which has had no daylight saving since 1991, so a fixed +08:00 offset is exact.
 *
 * Years the data set does not cover yet (the State Council publishes each year's calendar in the autumn
 * before) fall back to "Monday–Friday"; `calendarCovers(year)` tells callers, and SLA pages say so.
 */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const data = chineseDays as unknown as {
  isWorkday(date: string): boolean;
  getDayDetail(date: string): { name: string };
};
/** A year is covered when the data set names its New Year holiday (元旦). */
const coveredYears = new Set<number>();
for (let year = 2004; year <= 2100; year++) {
  if (data.getDayDetail(`${year}-01-01`).name.includes('元旦')) coveredYears.add(year);
}

/** The Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The Shanghai wall-clock time of an instant, as YYYY-MM-DD HH:mm:ss (for documents and exports). */
export function shanghaiDateTime(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().replace('T', ' ').slice(0, 19);
}

/** Midnight (Asia/Shanghai) at the start of the given Shanghai date, as an instant. */
function startOfShanghaiDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS);
}

export function calendarCovers(year: number): boolean {
  return coveredYears.has(year);
}

export function isWorkingDay(date: string): boolean {
  const year = Number(date.slice(0, 4));
  if (calendarCovers(year)) return data.isWorkday(date);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * The deadline `n` working days after `start`: the same clock time on the n-th following working day. Work that
 * arrives on a day off starts counting at 00:00 of the next working day, so "within 1 working day" of a Saturday
 * submission ends at 24:00 of the Monday (if Monday is a working day).
 */
export function addWorkingDays(start: Date, n: number): Date {
  let date = shanghaiDate(start);
  let timeOfDay = start.getTime() - startOfShanghaiDay(date).getTime();
  if (!isWorkingDay(date)) {
    while (!isWorkingDay(date)) date = nextDate(date);
    timeOfDay = 0;
    // Counting starts at the beginning of this working day: n days later is the end of its (n-1)-th successor.
    for (let left = n; left > 0; ) {
      date = nextDate(date);
      if (isWorkingDay(date)) left -= 1;
    }
    return new Date(startOfShanghaiDay(date).getTime() + timeOfDay);
  }
  for (let left = n; left > 0; ) {
    date = nextDate(date);
    if (isWorkingDay(date)) left -= 1;
  }
  return new Date(startOfShanghaiDay(date).getTime() + timeOfDay);
}

/** Working time between two instants, in working days (fractional): only hours on working days count. */
export function workingDaysBetween(from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  let total = 0;
  let date = shanghaiDate(from);
  const lastDate = shanghaiDate(to);
  for (;;) {
    const dayStart = startOfShanghaiDay(date).getTime();
    const dayEnd = dayStart + DAY_MS;
    if (isWorkingDay(date)) {
      const a = Math.max(dayStart, from.getTime());
      const b = Math.min(dayEnd, to.getTime());
      if (b > a) total += (b - a) / DAY_MS;
    }
    if (date === lastDate) break;
    date = nextDate(date);
  }
  return total;
}
