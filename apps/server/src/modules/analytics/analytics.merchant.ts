import type { AppContext } from '../../infra/context';
import { dayRange } from './analytics.analyses';
import * as repo from './analytics.repository';

/** Platform medians are shown only over at least this many merchants, so no single firm can be read from them. */
export const MIN_MERCHANTS_FOR_BENCHMARK = 5;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(value * 1000) / 1000;
}

/** 商家数据 (MERCH-5): the organisation's own exposure, inquiries and conversion; others only as a k-anonymous median. */
export async function merchantStats(ctx: AppContext, orgId: string, q: { from: string; to: string }) {
  const range = dayRange(q.from, q.to);
  const [weeks, conversions] = await Promise.all([
    repo.merchantWeeks(ctx.db, orgId, range),
    repo.merchantConversions(ctx.db, range),
  ]);
  const exposure = weeks.reduce((s, w) => s + w.exposure, 0);
  const inquiries = weeks.reduce((s, w) => s + w.inquiries, 0);
  const deals = weeks.reduce((s, w) => s + w.deals, 0);
  return {
    ...q,
    exposure,
    inquiries,
    deals,
    conversion: inquiries > 0 ? Math.round((deals / inquiries) * 1000) / 1000 : null,
    weekly: weeks.map((w) => ({ week: w.week, exposure: w.exposure, inquiries: w.inquiries })),
    benchmark:
      conversions.length >= MIN_MERCHANTS_FOR_BENCHMARK
        ? { merchants: conversions.length, medianConversion: median(conversions) }
        : null,
  };
}
