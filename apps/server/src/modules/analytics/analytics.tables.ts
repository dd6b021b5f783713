import {
  bigint,
  boolean,
  date,
  index,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * 产品事件 a business event (registered, organisation created …) recorded by the server, or a page view / key
 * action collected from the web app after the visitor's consent (`anonymous_id` set).
 */
export const productEvents = pgTable(
  'product_events',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    userId: uuid('user_id'),
    orgId: uuid('org_id'),
    /** the browser's first-party visitor id (web events only) */
    anonymousId: text('anonymous_id'),
    properties: jsonb('properties').$type<Record<string, unknown>>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('product_events_name_idx').on(t.name, t.occurredAt),
    index('product_events_org_idx').on(t.orgId, t.occurredAt),
    index('product_events_user_idx').on(t.userId, t.occurredAt),
    index('product_events_anon_idx').on(t.anonymousId, t.occurredAt),
  ],
);

/** 身份关联 identity stitching: a browser's anonymous visitor id seen signed in as this user. */
export const analyticsIdentities = pgTable(
  'analytics_identities',
  {
    anonymousId: text('anonymous_id').notNull(),
    userId: uuid('user_id').notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.anonymousId, t.userId] }), index('analytics_identities_user_idx').on(t.userId)],
);

/** 渠道成本 what a channel cost over a period (entered by the growth team). */
export const analyticsChannelCosts = pgTable(
  'analytics_channel_costs',
  {
    id: uuid('id').primaryKey(),
    channel: text('channel').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('analytics_channel_costs_idx').on(t.channel, t.periodStart)],
);

/** 改进任务 an improvement task opened when a KPI crosses its alert line for a period; one per KPI and period. */
export const analyticsKpiTasks = pgTable(
  'analytics_kpi_tasks',
  {
    id: uuid('id').primaryKey(),
    kpi: text('kpi').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    actual: numeric('actual', { mode: 'number' }).notNull(),
    threshold: numeric('threshold', { mode: 'number' }).notNull(),
    ownerUserId: uuid('owner_user_id'),
    ownerName: text('owner_name'),
    status: text('status', { enum: ['open', 'done'] }).notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('analytics_kpi_tasks_period_idx').on(t.kpi, t.periodStart)],
);

/**
 * 已保存的分析 a funnel, cohort, RFM or channel query saved under a name by a member of the growth team; its owner
 * renames and deletes it, and it is seen by its owner alone unless shared with the growth team.
 */
export const analyticsSavedAnalyses = pgTable(
  'analytics_saved_analyses',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: ['funnel', 'cohorts', 'rfm', 'channels'] }).notNull(),
    name: text('name').notNull(),
    /** the page's query as the analysis route takes it (validated against that route's schema when saved) */
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    shared: boolean('shared').notNull(),
    ownerUserId: uuid('owner_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('analytics_saved_analyses_owner_idx').on(t.ownerUserId, t.kind),
    index('analytics_saved_analyses_shared_idx').on(t.shared, t.kind),
  ],
);

/**
 * 商家预警 an alert on a merchant raised by the daily check: its activity dropped below a share of its own 4-week
 * average, or its complaint rate went over the line. One per merchant, rule and week; `evidence` keeps the figures.
 */
export const analyticsMerchantAlerts = pgTable(
  'analytics_merchant_alerts',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    rule: text('rule', { enum: ['exposure_drop', 'inquiry_drop', 'complaint_rate'] }).notNull(),
    /** the Monday (Shanghai) of the week the alert is about */
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    evidence: jsonb('evidence').$type<Record<string, number>>().notNull(),
    status: text('status', { enum: ['open', 'acknowledged', 'resolved'] }).notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    uniqueIndex('analytics_merchant_alerts_week_idx').on(t.orgId, t.rule, t.weekStart),
    index('analytics_merchant_alerts_status_idx').on(t.status, t.raisedAt),
  ],
);
