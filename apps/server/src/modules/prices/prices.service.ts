import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { priceErrors } from './prices.errors';
import { forecastSeries } from './prices.forecast';
import { refreshIndices } from './prices.indices';
import * as repo from './prices.repository';
import { addMonths, forecastChange, parsePriceFile, REJECT_MESSAGES, type RejectReason } from './prices.rules';

export interface ImportReport {
  importId: string;
  kind: 'price' | 'index';
  accepted: number;
  series: number;
  rejected: { line: number; reason: RejectReason; message: { 'zh-CN': string; en: string } }[];
}

/**
 * 价格导入 imports a 信息价 or index CSV: bad lines are reported with their reason and left out, every other line is
 * written, all in one transaction (a failure writes nothing). The forecasts of the series touched are recomputed
 * after the commit (`prices.imported`).
 */
export async function importPrices(
  ctx: AppContext,
  input: { fileName: string; csv: string; source: string; importedBy: string | null },
): Promise<ImportReport> {
  const parsed = parsePriceFile(input.csv);
  const now = ctx.clock.now();
  const importId = newId(now.getTime());
  const seriesIds = await ctx.db.transaction(async (tx) => {
    const codes = [...new Set(parsed.points.map((p) => p.code))];
    const first = new Map(parsed.points.map((p) => [p.code, p]));
    const existing = new Map((await repo.seriesByCodes(tx, codes)).map((s) => [s.code, s.id]));
    const fresh = codes
      .filter((c) => !existing.has(c))
      .map((code) => {
        const p = first.get(code) as (typeof parsed.points)[number];
        return {
          id: newId(now.getTime()),
          code,
          kind: p.kind,
          material: p.material,
          regionCode: p.regionCode,
          unit: p.unit,
          title: p.title,
          source: input.source,
        };
      });
    await repo.insertSeries(tx, fresh);
    for (const s of await repo.seriesByCodes(tx, codes)) existing.set(s.code, s.id);
    await repo.upsertPoints(
      tx,
      parsed.points.map((p) => ({
        seriesId: existing.get(p.code) as string,
        month: p.month,
        value: p.value,
        importId,
      })),
    );
    await repo.insertImport(tx, {
      id: importId,
      source: input.source,
      fileName: input.fileName,
      importedBy: input.importedBy,
      accepted: parsed.points.length,
      rejected: parsed.rejected,
      createdAt: now,
    });
    const ids = codes.map((c) => existing.get(c) as string);
    await ctx.events.publish(tx, 'prices.imported', { importId, seriesIds: ids }, now);
    return ids;
  });
  await refreshForecasts(ctx, seriesIds);
  await ctx.db.transaction(async (tx) => {
    await refreshIndices(ctx, tx);
    await ctx.events.publish(
      tx,
      'prices.forecasts_refreshed',
      { runId: newId(ctx.clock.now().getTime()), importId, seriesIds },
      ctx.clock.now(),
    );
  });
  return {
    importId,
    kind: parsed.kind,
    accepted: parsed.points.length,
    series: seriesIds.length,
    rejected: parsed.rejected.map((r) => ({ ...r, message: REJECT_MESSAGES[r.reason] })),
  };
}

/** The last run of consecutive months of a series (a gap restarts it: the models assume monthly steps). */
export function lastConsecutiveRun(points: { month: string; value: number }[]) {
  let start = points.length - 1;
  while (start > 0 && addMonths(points[start - 1]?.month as string, 1) === points[start]?.month) start--;
  return points.slice(Math.max(0, start));
}

/** 预测刷新 recomputes and stores the 6-month forecasts of the given series. */
export async function refreshForecasts(ctx: AppContext, seriesIds: string[], db: DbOrTx = ctx.db) {
  for (const seriesId of seriesIds) {
    const run = lastConsecutiveRun(await repo.pointsOf(db, seriesId));
    if (run.length === 0) continue;
    const forecast = forecastSeries(run.map((p) => p.value));
    const baseMonth = run[run.length - 1]?.month as string;
    await repo.upsertForecast(db, {
      seriesId,
      baseMonth,
      method: forecast.method,
      backtestError: Number.isFinite(forecast.backtestError) ? forecast.backtestError : null,
      naiveBacktestError: Number.isFinite(forecast.naiveBacktestError) ? forecast.naiveBacktestError : null,
      backtestOrigins: forecast.backtestOrigins,
      points: forecast.points.map((p) => ({
        month: addMonths(baseMonth, p.step),
        value: p.value,
        lower: p.lower,
        upper: p.upper,
      })),
      computedAt: ctx.clock.now(),
    });
  }
}

export interface SeriesSummary {
  series: repo.SeriesRow;
  lastMonth: string | null;
  lastValue: number | null;
  forecast: repo.ForecastRow | null;
  /** forecast value six months on against the last figure */
  change6m: number | null;
}

export async function listSeries(ctx: AppContext, material?: string): Promise<SeriesSummary[]> {
  const rows = await repo.listSeries(ctx.db, material);
  const forecasts = new Map(
    (
      await repo.forecastsOf(
        ctx.db,
        rows.map((r) => r.series.id),
      )
    ).map((f) => [f.seriesId, f]),
  );
  return rows.map((r) => {
    const forecast = forecasts.get(r.series.id) ?? null;
    const six = forecast?.points[forecast.points.length - 1]?.value;
    return {
      series: r.series,
      lastMonth: r.lastMonth ?? null,
      lastValue: r.lastValue ?? null,
      forecast,
      change6m: r.lastValue != null && six != null ? forecastChange(r.lastValue, six) : null,
    };
  });
}

export async function seriesDetail(ctx: AppContext, seriesId: string, months: number) {
  const series = await repo.findSeries(ctx.db, seriesId);
  if (!series) throw priceErrors.raise('PRICES_SERIES_NOT_FOUND');
  const points = await repo.pointsOf(ctx.db, seriesId);
  const [forecast] = await repo.forecastsOf(ctx.db, [seriesId]);
  return { series, points: points.slice(-months), forecast: forecast ?? null };
}

/**
 * 材料价格走势 for other modules: per material, the series that best speaks for it (a city's 信息价 in the region
 * first, else any city's, else an index standing in for it) and its forecast six months on.
 */
export async function materialOutlook(ctx: AppContext, materials: string[], regionCode: string | null) {
  const out = new Map<string, SeriesSummary>();
  for (const material of new Set(materials)) {
    const candidates = (await listSeries(ctx, material)).filter((s) => s.forecast);
    const rank = (s: SeriesSummary) =>
      s.series.kind === 'price' ? (regionCode && s.series.regionCode === regionCode ? 0 : 1) : 2;
    const best = candidates.sort((a, b) => rank(a) - rank(b))[0];
    if (best) out.set(material, best);
  }
  return out;
}
