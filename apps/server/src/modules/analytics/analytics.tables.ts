import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** 产品事件 a business event (registered, organisation created …) for growth analytics. */
export const productEvents = pgTable(
  'product_events',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    userId: uuid('user_id'),
    orgId: uuid('org_id'),
    properties: jsonb('properties').$type<Record<string, unknown>>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('product_events_name_idx').on(t.name, t.occurredAt),
    index('product_events_org_idx').on(t.orgId, t.occurredAt),
  ],
);
