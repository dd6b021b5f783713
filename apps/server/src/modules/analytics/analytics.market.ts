import { regionName } from '../regions';
import { dayRange } from './analytics.analyses';
import type { AnalyticsDeps } from './analytics.deps';
import { MIN_MERCHANTS_FOR_BENCHMARK } from './analytics.merchant';

/** A row shown to a merchant stands for at least this many organisations (regions) or searchers (keywords). */
export const MIN_GROUP_FOR_MERCHANTS = MIN_MERCHANTS_FOR_BENCHMARK;

export interface RegionDemand {
  regionCode: string;
  demands: number;
  orgs: number;
}

/**
 * Only regions of at least `min` publishing organisations. Smaller ones are left out, not summed: per-region counts
 * cannot tell how many distinct firms a sum holds (two firms publishing in twenty regions would read as forty).
 */
export function groupRegions(rows: RegionDemand[], min: number): RegionDemand[] {
  return rows.filter((r) => r.orgs >= min);
}

/**
 * 需求热度与搜索词 (MERCH-5): published demands by province or city and the keywords searched in [from, to]. For a
 * merchant (`forMerchant`) only groups of at least `MIN_GROUP_FOR_MERCHANTS` organisations or searchers are shown,
 * so no one firm's demands or searches can be read; the growth team sees every row.
 */
export async function marketInsights(
  deps: AnalyticsDeps,
  q: { from: string; to: string; level: 'province' | 'city' },
  forMerchant: boolean,
) {
  const range = dayRange(q.from, q.to);
  const min = forMerchant ? MIN_GROUP_FOR_MERCHANTS : 1;
  const [regions, keywords] = await Promise.all([
    deps.demandsByRegion(range, q.level),
    deps.searchKeywords(range, 100),
  ]);
  const grouped = (forMerchant ? groupRegions(regions, min) : regions).sort(
    (a, b) => b.demands - a.demands || a.regionCode.localeCompare(b.regionCode),
  );
  return {
    ...q,
    minGroup: min,
    regions: grouped.map((r) => ({
      ...r,
      regionName: regionName(r.regionCode) || r.regionCode,
    })),
    keywords: keywords.filter((k) => k.searchers >= min).slice(0, 30),
  };
}
