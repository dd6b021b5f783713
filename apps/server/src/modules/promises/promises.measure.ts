import type { PromiseBreach, PromiseKey, PromiseRow } from '@zhuhe/contracts';
import { shanghaiDate, workingDaysBetween } from '../../infra/calendar/working-days';

/** One case on a promise's clock: started, due, and ended (null while open). */
export interface PromiseClock {
  caseKind: PromiseBreach['caseKind'];
  caseId: string;
  label: string;
  startedAt: Date;
  dueAt: Date;
  endedAt: Date | null;
  link: string | null;
}

export type DurationUnit = NonNullable<PromiseRow['unit']>;

const TREND_MONTHS = 6;

/** The last six Shanghai calendar months up to `now`'s, oldest first, as YYYY-MM. */
export function trendMonths(now: Date): string[] {
  const [y, m] = shanghaiDate(now).slice(0, 7).split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let back = TREND_MONTHS - 1; back >= 0; back--) {
    const index = y * 12 + (m - 1) - back;
    out.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** The start of the trend window: 00:00 Shanghai on the first day of the oldest month. */
export function windowStart(now: Date): Date {
  return new Date(`${trendMonths(now)[0]}-01T00:00:00+08:00`);
}

function duration(from: Date, to: Date, unit: DurationUnit): number {
  if (unit === 'working_days') return workingDaysBetween(from, to);
  return (to.getTime() - from.getTime()) / (unit === 'hours' ? 3_600_000 : 1_000);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/**
 * A clock promise measured from its cases' timestamps. A case counts once it has ended or its deadline has passed;
 * it is on time when it ended by its deadline, a breach when it ended after it or is still open past it. The
 * figure is the share on time, kept when it reaches the target. Months are those the cases started in.
 */
export function measureClocks(
  key: PromiseKey,
  clocks: readonly PromiseClock[],
  options: { target: number; unit: DurationUnit; now: Date },
): { row: PromiseRow; breaches: PromiseBreach[] } {
  const { now } = options;
  const counted = clocks.filter((c) => c.endedAt !== null || now > c.dueAt);
  const late = counted.filter((c) => (c.endedAt ?? now) > c.dueAt);
  const share = (list: readonly PromiseClock[]) =>
    list.length === 0
      ? null
      : round(list.filter((c) => c.endedAt !== null && c.endedAt <= c.dueAt).length / list.length, 4);
  const figure = share(counted);
  const months = trendMonths(now).map((month) => {
    const ofMonth = counted.filter((c) => shanghaiDate(c.startedAt).startsWith(month));
    return { month, cases: ofMonth.length, figure: share(ofMonth) };
  });
  const ended = clocks.flatMap((c) => (c.endedAt ? [duration(c.startedAt, c.endedAt, options.unit)] : []));
  const mid = median(ended);
  return {
    row: {
      key,
      kind: 'clock',
      status: figure === null ? 'no_data' : figure >= options.target ? 'kept' : 'missed',
      target: options.target,
      figure,
      median: mid === null ? null : round(mid, 2),
      unit: options.unit,
      cases: counted.length,
      breaches: late.length,
      months,
      reason: figure === null ? 'no_cases' : null,
    },
    breaches: late.map((c) => ({
      key,
      caseKind: c.caseKind,
      caseId: c.caseId,
      label: c.label,
      startedAt: c.startedAt.toISOString(),
      dueAt: c.dueAt.toISOString(),
      endedAt: c.endedAt?.toISOString() ?? null,
      link: c.link,
    })),
  };
}

/**
 * A value promise (the procurement saving): the mean of the observations against the promised value, higher is
 * better; monthly means for the trend.
 */
export function measureValues(
  key: PromiseKey,
  values: readonly { at: Date; value: number }[],
  options: { target: number; now: Date },
): PromiseRow {
  const mean = (list: readonly { value: number }[]) =>
    list.length === 0 ? null : round(list.reduce((s, v) => s + v.value, 0) / list.length, 4);
  const figure = mean(values);
  return {
    key,
    kind: 'value',
    status: figure === null ? 'no_data' : figure >= options.target ? 'kept' : 'missed',
    target: options.target,
    figure,
    median: null,
    unit: null,
    cases: values.length,
    breaches: 0,
    months: trendMonths(options.now).map((month) => {
      const ofMonth = values.filter((v) => shanghaiDate(v.at).startsWith(month));
      return { month, cases: ofMonth.length, figure: mean(ofMonth) };
    }),
    reason: figure === null ? 'no_cases' : null,
  };
}

/** A promise whose module is not on the platform, or whose data is not kept: a reason, never a number. */
export function unmeasured(
  key: PromiseKey,
  kind: PromiseRow['kind'],
  target: number,
  status: 'not_live' | 'no_data',
  reason: string,
  now: Date,
): PromiseRow {
  return {
    key,
    kind,
    status,
    target,
    figure: null,
    median: null,
    unit: null,
    cases: 0,
    breaches: 0,
    months: trendMonths(now).map((month) => ({ month, cases: 0, figure: null })),
    reason,
  };
}
