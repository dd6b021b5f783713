import type { MatchReason } from '@zhuhe/contracts';
import {
  bigint,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 匹配 one run of the matcher for a demand (the latest counts). */
export const matchingRuns = pgTable(
  'matching_runs',
  {
    /** the buyer */
    orgId: uuid('org_id').notNull(),
    demandId: uuid('demand_id').notNull(),
    computedAt: ts('computed_at').notNull(),
    candidates: integer('candidates').notNull(),
    /** sha256 of the training file of the weights used */
    model: text('model').notNull(),
    /** why fewer than 3 were pushed, if so */
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.demandId] }), uniqueIndex('matching_runs_demand_idx').on(t.demandId)],
);

/** 推送 a supplier pushed for a demand, with why, and its answer (interested / not interested). */
export const matchingPushes = pgTable(
  'matching_pushes',
  {
    /** the supplier */
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    demandId: uuid('demand_id').notNull(),
    buyerOrgId: uuid('buyer_org_id').notNull(),
    rank: integer('rank').notNull(),
    score: doublePrecision('score').notNull(),
    reasons: jsonb('reasons').$type<MatchReason[]>().notNull(),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    createdAt: ts('created_at').notNull(),
    answer: text('answer'),
    answeredAt: ts('answered_at'),
    answeredBy: uuid('answered_by'),
    /** set when the demand's award went to this supplier */
    awardedAt: ts('awarded_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('matching_pushes_id_idx').on(t.id),
    uniqueIndex('matching_pushes_demand_supplier_idx').on(t.demandId, t.orgId),
    index('matching_pushes_supplier_idx').on(t.orgId, t.createdAt),
    index('matching_pushes_created_idx').on(t.createdAt),
  ],
);

/** 产能 a supplier's declared capacity in fen (TradeTapp-style); null → no limit. One row per organisation. */
export const matchingCapacity = pgTable('matching_capacity', {
  orgId: uuid('org_id').primaryKey(),
  /** the largest single demand budget it takes on */
  singleProjectLimitFen: bigint('single_project_limit_fen', { mode: 'number' }),
  /** open backlog plus a new demand's budget may not exceed this */
  aggregateLimitFen: bigint('aggregate_limit_fen', { mode: 'number' }),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by').notNull(),
});
