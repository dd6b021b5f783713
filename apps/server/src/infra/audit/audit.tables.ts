import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * 审计日志 audit log: append-only and hash-chained (PLAT-1). `seq` is assigned by the appender, without gaps, so
 * a deleted row shows as a gap; `hash` = SHA-256(prev_hash ‖ canonical entry). A trigger refuses UPDATE, DELETE
 * and TRUNCATE (migration 0001).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    actorUserId: uuid('actor_user_id'),
    orgId: uuid('org_id'),
    action: text('action').notNull(),
    target: text('target'),
    digest: text('digest').notNull(),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_org_idx').on(t.orgId, t.seq), index('audit_log_actor_idx').on(t.actorUserId, t.seq)],
);
