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

/** Regions of fewer than `min` organisations are summed into `other`, which is itself shown only at `min` or more. */
export function groupRegions(rows: RegionDemand[], min: number): RegionDemand[] {
  const shown = rows.filter((r) => r.orgs >= min);
  const small = rows.filter((r) => r.orgs < min);
  const other = {
    regionCode: 'other',
    demands: small.reduce((s, r) => s + r.demands, 0),
    // an organisation publishing in two small regions counts twice here: `orgs` is an upper bound for `other`
    orgs: small.reduce((s, r) => s + r.orgs, 0),
  };
  return [...shown, ...(other.orgs >= min && small.length > 1 ? [other] : [])];
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
      regionName: r.regionCode === 'other' ? '其他地区' : regionName(r.regionCode) || r.regionCode,
    })),
    keywords: keywords.filter((k) => k.searchers >= min).slice(0, 30),
  };
}
