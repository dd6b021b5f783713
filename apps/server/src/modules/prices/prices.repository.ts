import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { priceForecasts, priceImports, priceIndices, pricePoints, priceSeries } from './prices.tables';

export type SeriesRow = typeof priceSeries.$inferSelect;
export type ForecastRow = typeof priceForecasts.$inferSelect;

export async function seriesByCodes(db: DbOrTx, codes: string[]) {
  if (codes.length === 0) return [];
  return db.select().from(priceSeries).where(inArray(priceSeries.code, codes));
}

export async function insertSeries(db: DbOrTx, rows: (typeof priceSeries.$inferInsert)[]) {
  if (rows.length) await db.insert(priceSeries).values(rows).onConflictDoNothing();
}

/** Writes points in slices (PGlite and PostgreSQL both cap bind parameters); a month already stored is replaced. */
export async function upsertPoints(db: DbOrTx, rows: (typeof pricePoints.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 2000) {
    await db
      .insert(pricePoints)
      .values(rows.slice(i, i + 2000))
      .onConflictDoUpdate({
        target: [pricePoints.seriesId, pricePoints.month],
        set: { value: sql`excluded.value`, importId: sql`excluded.import_id` },
      });
  }
}

export async function insertImport(db: DbOrTx, row: typeof priceImports.$inferInsert) {
  await db.insert(priceImports).values(row);
}

export async function pointsOf(db: DbOrTx, seriesId: string) {
  return db
    .select({ month: pricePoints.month, value: pricePoints.value })
    .from(pricePoints)
    .where(eq(pricePoints.seriesId, seriesId))
    .orderBy(asc(pricePoints.month));
}

export async function upsertForecast(db: DbOrTx, row: typeof priceForecasts.$inferInsert) {
  await db
    .insert(priceForecasts)
    .values(row)
    .onConflictDoUpdate({ target: priceForecasts.seriesId, set: { ...row, seriesId: undefined } });
}

export async function findSeries(db: DbOrTx, id: string) {
  const [row] = await db.select().from(priceSeries).where(eq(priceSeries.id, id));
  return row;
}

export async function forecastsOf(db: DbOrTx, seriesIds: string[]) {
  if (seriesIds.length === 0) return [];
  return db.select().from(priceForecasts).where(inArray(priceForecasts.seriesId, seriesIds));
}

/** Series with their last month and value, optionally of one material. */
export async function listSeries(db: DbOrTx, material?: string) {
  const last = db
    .selectDistinctOn([pricePoints.seriesId], {
      seriesId: pricePoints.seriesId,
      month: pricePoints.month,
      value: pricePoints.value,
    })
    .from(pricePoints)
    .orderBy(pricePoints.seriesId, desc(pricePoints.month))
    .as('last');
  const query = db
    .select({ series: priceSeries, lastMonth: last.month, lastValue: last.value })
    .from(priceSeries)
    .leftJoin(last, eq(last.seriesId, priceSeries.id))
    .orderBy(asc(priceSeries.kind), asc(priceSeries.code));
  return material ? query.where(eq(priceSeries.material, material)) : query;
}

export type IndexRow = typeof priceIndices.$inferSelect;

/** Every series with its points (the composite indices read them all: a few hundred rows per city). */
export async function allSeriesWithPoints(db: DbOrTx) {
  const series = await db.select().from(priceSeries).where(isNotNull(priceSeries.material));
  if (series.length === 0) return [];
  const points = await db
    .select()
    .from(pricePoints)
    .where(
      inArray(
        pricePoints.seriesId,
        series.map((s) => s.id),
      ),
    )
    .orderBy(asc(pricePoints.month));
  const bySeries = new Map<string, { month: string; value: number }[]>();
  for (const p of points) {
    const list = bySeries.get(p.seriesId) ?? [];
    list.push({ month: p.month, value: p.value });
    bySeries.set(p.seriesId, list);
  }
  return series.map((s) => ({ series: s, points: bySeries.get(s.id) ?? [] }));
}

/** Replaces all composite indices with the freshly computed set. */
export async function replaceIndices(db: DbOrTx, rows: (typeof priceIndices.$inferInsert)[]) {
  await db.delete(priceIndices);
  if (rows.length) await db.insert(priceIndices).values(rows);
}

export async function listIndices(db: DbOrTx, filter: { scopes?: string[]; type?: string }) {
  const conditions = [
    filter.scopes ? inArray(priceIndices.scope, filter.scopes) : undefined,
    filter.type ? eq(priceIndices.engineeringType, filter.type) : undefined,
  ].filter((c) => c !== undefined);
  return db
    .select()
    .from(priceIndices)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(priceIndices.scope), asc(priceIndices.engineeringType));
}
