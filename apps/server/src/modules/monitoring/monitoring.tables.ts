import { sql } from 'drizzle-orm';
import { index, integer, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 运行告警 (PLAT-3): one row per episode of slow responses or server errors, opened by the minute check that sees
 * the condition and resolved by the first check that no longer does. At most one open alert per kind.
 */
export const opsAlerts = pgTable(
  'ops_alerts',
  {
    id: uuid('id').primaryKey(),
    /** slow_responses | error_spike */
    kind: text('kind').notNull(),
    /** open | resolved */
    status: text('status').notNull(),
    openedAt: ts('opened_at').notNull(),
    resolvedAt: ts('resolved_at'),
    p95Ms: integer('p95_ms'),
    errorRatePct: real('error_rate_pct'),
    requests: integer('requests').notNull(),
    notified: integer('notified').notNull(),
  },
  (t) => [
    index('ops_alerts_opened_idx').on(t.openedAt),
    // one open alert per kind, also when several instances check at once
    uniqueIndex('ops_alerts_one_open_idx').on(t.kind).where(sql`status = 'open'`),
  ],
);
