import { parseCsv } from './prices.csv';
import { type ForecastMethod, forecastSeries, HORIZON, mean, pointForecast } from './prices.forecast';

/** One monthly observation: `month` is `YYYY-MM`. */
export interface Observation {
  seriesId: string;
  month: string;
  value: number;
}

/** Reads `series_id,[title,]date,index_value` (the shared PPI file's format, title optional) or
 * `series_id,date,index_value`; the columns are found by header name. Rows that do not parse are returned apart. */
export function readIndexCsv(text: string): { rows: Observation[]; rejected: { line: number; reason: string }[] } {
  const table = parseCsv(text);
  const header = table[0]?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const iSeries = header.indexOf('series_id');
  const iDate = header.indexOf('date');
  const iValue = header.indexOf('index_value');
  if (iSeries < 0 || iDate < 0 || iValue < 0) throw new Error('header must name series_id, date and index_value');
  const rows: Observation[] = [];
  const rejected: { line: number; reason: string }[] = [];
  for (const { line, fields } of table.slice(1)) {
    const seriesId = fields[iSeries]?.trim() ?? '';
    const month = /^(\d{4})-(\d{2})(-\d{2})?$/.exec(fields[iDate]?.trim() ?? '');
    const value = Number(fields[iValue]?.trim());
    if (!seriesId || !month || !(value > 0) || Number(month[2]) < 1 || Number(month[2]) > 12) {
      rejected.push({ line, reason: 'unreadable series, date or value' });
      continue;
    }
    rows.push({ seriesId, month: `${month[1]}-${month[2]}`, value });
  }
  return { rows, rejected };
}

export function monthIndex(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
}

export interface MethodScore {
  mae: number;
  relMae: number;
}

export interface SeriesEvaluation {
  seriesId: string;
  origins: number;
  chosen: Record<string, number>;
  model: MethodScore;
  baselines: Record<'naive' | 'snaive' | 'drift', MethodScore>;
  coverage80: number;
}

export interface Evaluation {
  series: SeriesEvaluation[];
  /** Geometric mean over series of MAE / naive MAE (the AvgRelMAE of Davydenko & Fildes): scale-free. */
  relMae: number;
  /** Σ absolute errors / Σ naive absolute errors over all series, origins and horizons. */
  pooledRelMae: number;
  baselineRelMae: Record<'snaive' | 'drift', number>;
  coverage80: number;
  forecasts: number;
}

/** For every series and every origin in the test period with HORIZON test months from it: fit on all months before
 * the origin (history plus earlier test months), forecast HORIZON months, score against the test months. */
export function evaluate(history: Observation[], test: Observation[]): Evaluation {
  const bySeries = new Map<string, Map<number, number>>();
  const testMonths = new Map<string, Set<number>>();
  for (const o of history) {
    if (!bySeries.has(o.seriesId)) bySeries.set(o.seriesId, new Map());
    bySeries.get(o.seriesId)?.set(monthIndex(o.month), o.value);
  }
  for (const o of test) {
    if (!bySeries.has(o.seriesId)) continue;
    bySeries.get(o.seriesId)?.set(monthIndex(o.month), o.value);
    if (!testMonths.has(o.seriesId)) testMonths.set(o.seriesId, new Set());
    testMonths.get(o.seriesId)?.add(monthIndex(o.month));
  }
  const results: SeriesEvaluation[] = [];
  let pooled = 0;
  let pooledNaive = 0;
  for (const [seriesId, months] of [...bySeries].sort(([a], [b]) => a.localeCompare(b))) {
    const tests = [...(testMonths.get(seriesId) ?? [])].sort((a, b) => a - b);
    if (tests.length < HORIZON) continue;
    const all = [...months].sort(([a], [b]) => a - b);
    const positions = new Map(all.map(([m], i) => [m, i]));
    const values = all.map(([, v]) => v);
    const sums = { model: 0, naive: 0, snaive: 0, drift: 0 };
    let inside = 0;
    let count = 0;
    let origins = 0;
    const chosen: Record<string, number> = {};
    for (const origin of tests) {
      const pos = positions.get(origin) as number;
      // The HORIZON months after the origin must all be test months, consecutive in the series.
      const ok = Array.from(
        { length: HORIZON },
        (_, k) => all[pos + k]?.[0] === origin + k && testMonths.get(seriesId)?.has(origin + k),
      );
      if (!ok.every(Boolean) || pos < 2) continue;
      const fit = values.slice(0, pos);
      const actual = values.slice(pos, pos + HORIZON);
      const forecast = forecastSeries(fit);
      chosen[forecast.method] = (chosen[forecast.method] ?? 0) + 1;
      const base: Record<'naive' | 'snaive' | 'drift', number[]> = {
        naive: pointForecast(fit, 'naive'),
        snaive: pointForecast(fit, 'snaive'),
        drift: pointForecast(fit, 'drift'),
      };
      origins++;
      for (let k = 0; k < HORIZON; k++) {
        const a = actual[k] as number;
        const p = forecast.points[k];
        if (!p) continue;
        sums.model += Math.abs(a - p.value);
        for (const m of ['naive', 'snaive', 'drift'] as const) sums[m] += Math.abs(a - (base[m][k] as number));
        if (a >= p.lower && a <= p.upper) inside++;
        count++;
      }
    }
    if (count === 0) continue;
    pooled += sums.model;
    pooledNaive += sums.naive;
    const score = (s: number): MethodScore => ({ mae: s / count, relMae: sums.naive > 0 ? s / sums.naive : 1 });
    results.push({
      seriesId,
      origins,
      chosen,
      model: score(sums.model),
      baselines: { naive: score(sums.naive), snaive: score(sums.snaive), drift: score(sums.drift) },
      coverage80: inside / count,
    });
  }
  const geo = (pick: (s: SeriesEvaluation) => number) =>
    Math.exp(mean(results.map((s) => Math.log(Math.max(pick(s), 1e-9)))));
  const forecasts = results.reduce((s, r) => s + r.origins, 0);
  return {
    series: results,
    relMae: geo((s) => s.model.relMae),
    pooledRelMae: pooledNaive > 0 ? pooled / pooledNaive : 1,
    baselineRelMae: { snaive: geo((s) => s.baselines.snaive.relMae), drift: geo((s) => s.baselines.drift.relMae) },
    coverage80: results.length ? results.reduce((s, r) => s + r.coverage80 * r.origins, 0) / Math.max(forecasts, 1) : 0,
    forecasts,
  };
}

export type { ForecastMethod };
