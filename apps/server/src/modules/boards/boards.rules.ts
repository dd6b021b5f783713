/**
 * 最小分组 a cell of the government board is shown only when at least this many different organisations stand
 * behind it; below that one firm's figure could be read off it, so the cell is suppressed and says so.
 */
export const MIN_GROUP_SIZE = 3;

/** One organisation's contribution to a metric in a region and month. */
export interface BoardFact {
  orgId: string;
  regionCode: string;
  /** YYYY-MM (Asia/Shanghai) */
  month: string;
  /** what is summed (a count of 1, an amount in fen), or for a share: 1 when on time, 0 when late */
  value: number;
}

export type CellKind = 'sum' | 'share';

export interface BoardCell {
  month: string;
  /** the sum, or the on-time share (0–1); null when suppressed or when nothing happened */
  value: number | null;
  /** how many facts (demands, contracts, schedule items, payouts) the cell is made of; null when suppressed */
  count: number | null;
  suppressed: boolean;
}

/** The month of an instant in Asia/Shanghai (UTC+8 all year). */
export function shanghaiMonth(at: Date | string): string {
  const t = typeof at === 'string' ? Date.parse(at.length === 10 ? `${at}T00:00:00+08:00` : at) : at.getTime();
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** `regionCode` lies in the region whose significant prefix is `prefix` (2, 4 or 6 digits). */
export function within(regionCode: string, prefix: string): boolean {
  return regionCode.startsWith(prefix);
}

/**
 * The cells of one metric for one region, month by month: a month with facts from fewer than MIN_GROUP_SIZE
 * organisations is suppressed (no value, no count); a month without facts is an empty cell (value null), which
 * tells nothing about any firm.
 */
export function aggregate(facts: BoardFact[], months: string[], kind: CellKind): BoardCell[] {
  return months.map((month) => {
    const inMonth = facts.filter((f) => f.month === month);
    if (inMonth.length === 0) return { month, value: kind === 'sum' ? 0 : null, count: 0, suppressed: false };
    const firms = new Set(inMonth.map((f) => f.orgId)).size;
    if (firms < MIN_GROUP_SIZE) return { month, value: null, count: null, suppressed: true };
    const sum = inMonth.reduce((a, f) => a + f.value, 0);
    return { month, value: kind === 'sum' ? sum : sum / inMonth.length, count: inMonth.length, suppressed: false };
  });
}

/** The last `n` months up to and including `month`, oldest first. */
export function lastMonths(month: string, n: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) - (n - 1 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

/** Forecast rise of a material within `months` months: the highest forecast point in that window against the last figure. */
export function forecastRise(
  lastValue: number,
  points: { month: string; value: number }[],
  lastMonth: string,
  months: number,
): { rise: number; month: string } | null {
  const window = points.filter((p) => p.month > lastMonth).slice(0, months);
  if (window.length === 0 || !(lastValue > 0)) return null;
  const top = window.reduce((a, b) => (b.value > a.value ? b : a));
  return { rise: top.value / lastValue - 1, month: top.month };
}
