import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 限流计数 rate-limit counters shared by every server process on PostgreSQL (ADR 0119): one row per limited key
 * (route and caller) with the hits of its current window. Rows past their window are removed by the job
 * `http.rate-limit-expire`. PGlite (one process) counts in memory instead.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    resetAt: ts('reset_at').notNull(),
  },
  (t) => [index('rate_limits_reset_idx').on(t.resetAt)],
);
