import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 平台人员角色 a platform staff role held by a user. */
export const staffRoles = pgTable(
  'staff_roles',
  {
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    /** the dual-control request that granted it; null for the bootstrap admin */
    grantedVia: uuid('granted_via'),
    grantedAt: ts('granted_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** 双人复核 a sensitive staff action waiting for a second staff member's approval (ORG-6). */
export const dualControlRequests = pgTable('dual_control_requests', {
  id: uuid('id').primaryKey(),
  action: text('action').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  status: text('status').notNull().default('pending'),
  requestedBy: uuid('requested_by').notNull(),
  decidedBy: uuid('decided_by'),
  reason: text('reason'),
  createdAt: ts('created_at').notNull().defaultNow(),
  decidedAt: ts('decided_at'),
});
