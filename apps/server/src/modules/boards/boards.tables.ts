import { doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 政府监管辖区 the region a GOV organisation may see on the regional board, set by verification staff when they
 * grant the role (ADR 0129). One region per organisation; the board covers it and its sub-regions.
 */
export const govScopes = pgTable('gov_scopes', {
  orgId: uuid('org_id').primaryKey(),
  /** GB/T 2260 code of a province, city or county */
  regionCode: text('region_code').notNull(),
  grantedBy: uuid('granted_by').notNull(),
  grantedAt: ts('granted_at').notNull(),
});

/**
 * 成本预警阈值 an organisation's threshold: warn when a material of its open demands (or one named material) is
 * forecast to rise more than `risePct` % within `withinMonths` months.
 */
export const costThresholds = pgTable(
  'cost_thresholds',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    /** a material key (rebar, concrete, …) or null for every material of the open demands */
    material: text('material'),
    risePct: doublePrecision('rise_pct').notNull(),
    withinMonths: integer('within_months').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('cost_thresholds_org_idx').on(t.orgId)],
);

/**
 * 成本预警 a warning raised once per threshold, material and forecast run (the unique key makes a repeated
 * delivery of the same run a no-op).
 */
export const costWarnings = pgTable(
  'cost_warnings',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    thresholdId: uuid('threshold_id').notNull(),
    material: text('material').notNull(),
    runId: text('run_id').notNull(),
    seriesId: uuid('series_id').notNull(),
    seriesCode: text('series_code').notNull(),
    lastMonth: text('last_month').notNull(),
    lastValue: doublePrecision('last_value').notNull(),
    peakMonth: text('peak_month').notNull(),
    peakValue: doublePrecision('peak_value').notNull(),
    rise: doublePrecision('rise').notNull(),
    /** the open demands whose bills name the material, as `id|title` */
    demands: text('demands').array().notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('cost_warnings_once_idx').on(t.thresholdId, t.material, t.runId),
    index('cost_warnings_org_idx').on(t.orgId, t.createdAt),
  ],
);
