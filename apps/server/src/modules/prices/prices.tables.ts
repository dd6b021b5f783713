import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

type Text = { 'zh-CN': string; en: string };

/**
 * 价格序列 one monthly series: a material's price in a city (信息价, yuan per unit) or a price index (the shared
 * PPI file). `code` is unique: `<material>@<region code>` for prices, the publisher's id for indices.
 */
export const priceSeries = pgTable(
  'price_series',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull().unique(),
    /** price | index */
    kind: text('kind').notNull(),
    /** key of the material catalogue (rebar, concrete_c30, …) or null for an index without one */
    material: text('material'),
    /** GB/T 2260 region code of the city, or null for a national index */
    regionCode: text('region_code'),
    unit: text('unit').notNull(),
    title: jsonb('title').$type<Text>().notNull(),
    /** where the figures come from: 信息价 publisher, BLS PPI via FRED, … */
    source: text('source').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('price_series_material_idx').on(t.material, t.regionCode)],
);

/** One month's figure of a series (`month` as YYYY-MM); a later import of the same month replaces it. */
export const pricePoints = pgTable(
  'price_points',
  {
    seriesId: uuid('series_id').notNull(),
    month: text('month').notNull(),
    value: doublePrecision('value').notNull(),
    importId: uuid('import_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.month] })],
);

/** 价格预测 the stored forecast of a series, recomputed after every import that touches it. */
export const priceForecasts = pgTable('price_forecasts', {
  seriesId: uuid('series_id').primaryKey(),
  /** the last month of data the forecast was made from */
  baseMonth: text('base_month').notNull(),
  method: text('method').notNull(),
  /** backtest mean absolute relative error of the chosen method and of naive last-value, same origins */
  backtestError: doublePrecision('backtest_error'),
  naiveBacktestError: doublePrecision('naive_backtest_error'),
  backtestOrigins: integer('backtest_origins').notNull(),
  points: jsonb('points').$type<{ month: string; value: number; lower: number; upper: number }[]>().notNull(),
  computedAt: ts('computed_at').notNull(),
});

/** A CSV import: who sent it, what went in, and every line left out with its reason. */
export const priceImports = pgTable('price_imports', {
  id: uuid('id').primaryKey(),
  source: text('source').notNull(),
  fileName: text('file_name').notNull(),
  importedBy: uuid('imported_by'),
  accepted: integer('accepted').notNull(),
  rejected: jsonb('rejected').$type<{ line: number; reason: string }[]>().notNull(),
  createdAt: ts('created_at').notNull(),
});

/**
 * 综合单价指数 one composite unit-price index per region and engineering type (DATA-2), recomputed from the
 * stored series after every import: `scope` is a city's or province's GB/T 2260 code, or `national` for the index
 * made from price-index series. The basket used (renormalised weights and source series) and the base year are
 * stored with it; the forecast is the prices module's forecast run on the index itself.
 */
export const priceIndices = pgTable(
  'price_indices',
  {
    scope: text('scope').notNull(),
    engineeringType: text('engineering_type').notNull(),
    baseYear: integer('base_year').notNull(),
    coverage: doublePrecision('coverage').notNull(),
    basket: jsonb('basket').$type<{ material: string; weight: number; seriesCode: string }[]>().notNull(),
    points: jsonb('points').$type<{ month: string; value: number }[]>().notNull(),
    forecast: jsonb('forecast').$type<{
      method: string;
      backtestError: number | null;
      naiveBacktestError: number | null;
      points: { month: string; value: number; lower: number; upper: number }[];
    } | null>(),
    computedAt: ts('computed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.engineeringType] })],
);
