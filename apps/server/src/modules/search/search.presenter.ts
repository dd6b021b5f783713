import type { MapPoint, SearchHit, SearchKind } from '@zhuhe/contracts';
import { regionName } from '../regions';
import type { MapRow, SearchRow } from './search.repository';
import { highlight, type QueryPlan, snippet } from './search.segmenter';

const num = (v: string | number | null) => (v === null ? null : Number(v));

export function presentHit(row: SearchRow, plan: QueryPlan): SearchHit {
  return {
    kind: row.kind as SearchKind,
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    title: highlight(row.title, plan),
    snippet: snippet(row.summary, plan),
    regionCode: row.region_code,
    regionName: row.region_code ? regionName(row.region_code) : null,
    amountFen: num(row.amount_fen),
    unit: row.unit,
    category: row.category,
    tags: row.tags,
    qualifications: row.qualifications,
    location: { lat: row.lat, lng: row.lng },
    distanceKm: row.distance_m === null ? null : Math.round(Number(row.distance_m) / 100) / 10,
    publishedAt: new Date(row.published_at).toISOString(),
    boosted: row.boosted,
  };
}

export function presentMapPoint(row: MapRow): MapPoint {
  return {
    kind: row.kind as SearchKind,
    id: row.id,
    title: row.title,
    lat: row.lat,
    lng: row.lng,
    amountFen: num(row.amount_fen),
    regionName: row.region_code ? regionName(row.region_code) : null,
  };
}
