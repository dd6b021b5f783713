import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 用户分级 an organisation's current tier; organisations without a row are `new`. */
export const orgTiers = pgTable('org_tiers', {
  orgId: uuid('org_id').primaryKey(),
  tier: text('tier').notNull(),
  since: ts('since').notNull(),
  /** consecutive evaluated quarters without a transaction */
  quietQuarters: integer('quiet_quarters').notNull().default(0),
});

/** Every quarterly evaluation that changed a tier, with its reasons. */
export const orgTierHistory = pgTable(
  'org_tier_history',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    quarter: text('quarter').notNull(),
    fromTier: text('from_tier').notNull(),
    toTier: text('to_tier').notNull(),
    reasons: jsonb('reasons').$type<{ 'zh-CN': string; en: string }[]>().notNull(),
    computedAt: ts('computed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/**
 * 已完成交易 the completed transactions the tier rules count, one row per organisation and sealed settlement
 * statement (the buyer and the supplier each get one). Filled from `settlement.sealed` in the sealing transaction.
 */
export const tierTransactions = pgTable(
  'tier_transactions',
  {
    orgId: uuid('org_id').notNull(),
    settlementId: uuid('settlement_id').notNull(),
    /** buyer (the GC that pays) or supplier (the payee) */
    role: text('role').$type<'buyer' | 'supplier'>().notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    completedAt: ts('completed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.settlementId] }), index('tier_transactions_completed').on(t.completedAt)],
);
