import { INDEX_BASKETS, INDEXED_ENGINEERING_TYPES } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import { compositeIndex, type MaterialSeries } from './prices.composite';
import { forecastSeries } from './prices.forecast';
import * as repo from './prices.repository';
import { addMonths } from './prices.rules';

export const NATIONAL = 'national';

/** The province of a GB/T 2260 code (330108 → 330000). */
export function provinceOf(regionCode: string): string {
  return `${regionCode.slice(0, 2)}0000`;
}

/** The city of a GB/T 2260 code (330108 → 330100; a province stays itself). */
export function cityOf(regionCode: string): string {
  return regionCode.endsWith('0000') ? regionCode : `${regionCode.slice(0, 4)}00`;
}

/** The mean of several cities' figures of one material, month by month (only months all of them have). */
function meanSeries(material: string, scope: string, list: { month: string; value: number }[][]): MaterialSeries {
  const maps = list.map((l) => new Map(l.map((p) => [p.month, p.value])));
  const months = [...new Set(list.flatMap((l) => l.map((p) => p.month)))].sort();
  return {
    material,
    seriesCode: `${material}@${scope}`,
    points: months
      .filter((m) => maps.every((x) => x.has(m)))
      .map((month) => ({ month, value: maps.reduce((a, x) => a + (x.get(month) as number), 0) / maps.length })),
  };
}

/**
 * 综合单价指数刷新 recomputes every composite index: per city from its 信息价 series, per province from the mean of
 * its cities' 信息价 (so a province whose cities are thin still gets one), and a national index from the price-index
 * series that stand in for materials. Each index gets its own forecast. Published prices only: no firm's quote
 * enters an index.
 */
export async function refreshIndices(ctx: AppContext, db: DbOrTx = ctx.db) {
  const all = await repo.allSeriesWithPoints(db);
  const scopes = new Map<string, MaterialSeries[]>();
  const add = (scope: string, s: MaterialSeries) => scopes.set(scope, [...(scopes.get(scope) ?? []), s]);
  const provinceMaterial = new Map<string, { month: string; value: number }[][]>();
  for (const { series, points } of all) {
    const material = series.material as string;
    if (series.kind === 'price' && series.regionCode) {
      const city = cityOf(series.regionCode);
      add(city, { material, seriesCode: series.code, points });
      const key = `${provinceOf(city)}|${material}`;
      if (city !== provinceOf(city)) provinceMaterial.set(key, [...(provinceMaterial.get(key) ?? []), points]);
    } else if (series.kind === 'index' && series.regionCode === null) {
      add(NATIONAL, { material, seriesCode: series.code, points });
    }
  }
  for (const [key, list] of provinceMaterial) {
    const [province, material] = key.split('|') as [string, string];
    if (!scopes.get(province)?.some((s) => s.material === material))
      add(province, meanSeries(material, province, list));
  }
  const now = ctx.clock.now();
  const rows: Parameters<typeof repo.replaceIndices>[1] = [];
  for (const [scope, series] of scopes) {
    for (const type of INDEXED_ENGINEERING_TYPES) {
      // one series per material: the first (a city rarely publishes two; the national set has one per material)
      const unique = [...new Map(series.map((s) => [s.material, s])).values()];
      const index = compositeIndex(INDEX_BASKETS[type].weights, unique);
      if (!index || index.points.length === 0) continue;
      const last = index.points[index.points.length - 1] as { month: string };
      const f = forecastSeries(index.points.map((p) => p.value));
      rows.push({
        scope,
        engineeringType: type,
        baseYear: index.baseYear,
        coverage: index.coverage,
        basket: index.basket,
        points: index.points,
        forecast: {
          method: f.method,
          backtestError: Number.isFinite(f.backtestError) ? f.backtestError : null,
          naiveBacktestError: Number.isFinite(f.naiveBacktestError) ? f.naiveBacktestError : null,
          points: f.points.map((p) => ({
            month: addMonths(last.month, p.step),
            value: p.value,
            lower: p.lower,
            upper: p.upper,
          })),
        },
        computedAt: now,
      });
    }
  }
  await repo.replaceIndices(db, rows);
  return rows.length;
}

/** The composite indices of the given scopes (GB/T 2260 codes or `national`), or all. */
export async function listIndices(ctx: AppContext, filter: { scopes?: string[]; type?: string } = {}) {
  return repo.listIndices(ctx.db, filter);
}
