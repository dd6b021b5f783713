import type { IndexedEngineeringType, PriceForecastView, PriceIndexView, PriceSeriesSummary } from '@zhuhe/contracts';
import type { ForecastRow, IndexRow } from './prices.repository';
import type { SeriesSummary } from './prices.service';

export function presentForecast(f: ForecastRow): PriceForecastView {
  return {
    baseMonth: f.baseMonth,
    method: f.method,
    backtestError: f.backtestError,
    naiveBacktestError: f.naiveBacktestError,
    backtestOrigins: f.backtestOrigins,
    points: f.points,
    computedAt: f.computedAt.toISOString(),
  };
}

export function presentSeries(s: SeriesSummary): PriceSeriesSummary {
  return {
    id: s.series.id,
    code: s.series.code,
    kind: s.series.kind as PriceSeriesSummary['kind'],
    material: s.series.material,
    regionCode: s.series.regionCode,
    unit: s.series.unit,
    title: s.series.title,
    source: s.series.source,
    lastMonth: s.lastMonth,
    lastValue: s.lastValue,
    change6m: s.change6m,
    forecast: s.forecast ? presentForecast(s.forecast) : null,
  };
}

export function presentIndex(row: IndexRow): PriceIndexView {
  return {
    regionCode: row.scope === 'national' ? null : row.scope,
    type: row.engineeringType as IndexedEngineeringType,
    baseYear: row.baseYear,
    coverage: row.coverage,
    basket: row.basket,
    points: row.points,
    forecast: row.forecast ?? null,
    computedAt: row.computedAt.toISOString(),
  };
}
