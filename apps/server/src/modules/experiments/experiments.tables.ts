import type { ExperimentVariant } from '@zhuhe/contracts';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** 实验 an experiment (or, once shipped, a feature flag): variants with weights on one product surface. */
export const experiments = pgTable(
  'experiments',
  {
    id: uuid('id').primaryKey(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    hypothesis: text('hypothesis').notNull(),
    /** 'user' | 'organisation' */
    unit: text('unit').notNull(),
    surface: text('surface').notNull(),
    /** the first is the control; weights in percent summing to 100 */
    variants: jsonb('variants').$type<ExperimentVariant[]>().notNull(),
    goalMetric: text('goal_metric').notNull(),
    guardrailMetrics: jsonb('guardrail_metrics').$type<string[]>().notNull(),
    /** 全量阈值 in basis points of relative lift (1200 = 12%) */
    shipThresholdBp: integer('ship_threshold_bp').notNull(),
    /** 'draft' | 'running' | 'stopped' | 'shipped' */
    status: text('status').notNull(),
    shippedVariant: text('shipped_variant'),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    stoppedAt: timestamp('stopped_at', { withTimezone: true, mode: 'date' }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('experiments_key_uq').on(t.key),
    index('experiments_surface_idx').on(t.surface, t.status),
    // one running experiment per surface, so two never fight over what a unit sees
    uniqueIndex('experiments_one_running_uq').on(t.surface).where(sql`status = 'running'`),
  ],
);

/** 曝光 the first time a unit (user or organisation) saw an experiment's variant; one row per unit. */
export const experimentExposures = pgTable(
  'experiment_exposures',
  {
    experimentId: uuid('experiment_id')
      .notNull()
      .references(() => experiments.id),
    unitId: uuid('unit_id').notNull(),
    variant: text('variant').notNull(),
    firstExposedAt: timestamp('first_exposed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.unitId] })],
);
