import { BASE_UNITS, type Comparison, RESOURCE_KINDS, type ResourceListing, UNITS, type Unit } from '@zhuhe/contracts';

/**
 * 资源对比表 (INFO-2): listings side by side with prices normalised to one base unit per dimension (¥/千克 →
 * ¥/吨, ¥/台·月 → ¥/台班), the distance to the buyer's site, and a value-for-money score. Weights: price 60,
 * distance 30, credit 10; a component that is unknown (no site given, no credit grade yet) drops out and the
 * others are re-weighted. Listings quoted in another dimension form their own group. A listing whose service
 * regions do not cover the site cannot be the best value.
 */
export const COMPARISON_WEIGHTS = { price: 0.6, distance: 0.3, credit: 0.1 } as const;
/** distances under ~20 km barely matter for delivery cost; the smoothing keeps 1 km vs 3 km from dominating */
const DISTANCE_SMOOTHING_KM = 20;
const CREDIT_POINTS: Record<string, number> = { AAA: 1, AA: 0.85, A: 0.7, B: 0.5, C: 0 };

export interface ComparisonInput {
  listing: ResourceListing;
  creditGrade: string | null;
}

function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

function serves(listing: ResourceListing, region: string): boolean {
  return listing.serviceRegionCodes.some((code) => {
    const prefix = code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;
    return region.startsWith(prefix);
  });
}

export function compareListings(
  inputs: readonly ComparisonInput[],
  site: { lat: number; lng: number } | null,
  siteRegion: string | null,
): Comparison {
  const rows = inputs.map(({ listing, creditGrade }) => {
    const unit = UNITS[listing.unit as Unit];
    return {
      listing,
      creditGrade,
      dimension: unit.dimension as string,
      baseUnit: BASE_UNITS[unit.dimension] as string,
      normalisedPriceFen: Math.round(listing.priceFen / unit.factor),
      distanceKm: site ? Math.round(haversineKm(site, listing.location) * 10) / 10 : null,
      servesSite: siteRegion ? serves(listing, siteRegion) : null,
    };
  });
  const dimensions = [...new Set(rows.map((r) => r.dimension))];
  const scored = rows.map((row) => {
    const group = rows.filter((r) => r.dimension === row.dimension);
    const minPrice = Math.min(...group.map((r) => r.normalisedPriceFen));
    const parts: { weight: number; value: number }[] = [
      { weight: COMPARISON_WEIGHTS.price, value: row.normalisedPriceFen > 0 ? minPrice / row.normalisedPriceFen : 1 },
    ];
    if (row.distanceKm !== null) {
      const minDistance = Math.min(...group.map((r) => r.distanceKm ?? Number.POSITIVE_INFINITY));
      parts.push({
        weight: COMPARISON_WEIGHTS.distance,
        value: (minDistance + DISTANCE_SMOOTHING_KM) / (row.distanceKm + DISTANCE_SMOOTHING_KM),
      });
    }
    const credit = row.creditGrade ? CREDIT_POINTS[row.creditGrade] : undefined;
    if (credit !== undefined) parts.push({ weight: COMPARISON_WEIGHTS.credit, value: credit });
    const total = parts.reduce((sum, p) => sum + p.weight, 0);
    const score = Math.round((1000 * parts.reduce((sum, p) => sum + p.weight * p.value, 0)) / total) / 10;
    return { ...row, score, group: dimensions.indexOf(row.dimension) };
  });
  const result = scored.map((row) => {
    const group = scored.filter((r) => r.group === row.group);
    const contested = group.length >= 2;
    const eligible = group.filter((r) => r.servesSite !== false);
    const best = [...eligible].sort(
      (a, b) =>
        b.score - a.score || a.normalisedPriceFen - b.normalisedPriceFen || a.listing.id.localeCompare(b.listing.id),
    )[0];
    const minPrice = Math.min(...group.map((r) => r.normalisedPriceFen));
    const minDistance = Math.min(...group.map((r) => r.distanceKm ?? Number.POSITIVE_INFINITY));
    return {
      listing: row.listing,
      normalisedPriceFen: row.normalisedPriceFen,
      baseUnit: row.baseUnit,
      dimension: row.dimension,
      distanceKm: row.distanceKm,
      creditGrade: row.creditGrade,
      servesSite: row.servesSite,
      score: row.score,
      bestValue: contested && best === row,
      lowestPrice: contested && row.normalisedPriceFen === minPrice,
      nearest: contested && row.distanceKm !== null && row.distanceKm === minDistance,
      group: row.group,
    };
  });
  const kinds = new Set(inputs.map((i) => i.listing.kind));
  const paramKeys = RESOURCE_KINDS.filter((k) => kinds.has(k.key))
    .flatMap((k) => k.params)
    .filter((p, i, all) => all.findIndex((q) => q.key === p.key) === i)
    .map((p) => ({ key: p.key, label: p.label }));
  return { rows: result, weights: { ...COMPARISON_WEIGHTS }, paramKeys };
}
