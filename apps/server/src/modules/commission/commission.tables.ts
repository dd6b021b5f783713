import type { PolicyParams } from '@zhuhe/contracts';
import { boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * 佣金政策 commission and support policies, configured by staff. Append-only versions: a change is a new version
 * (after dual control), never an update, so a calculation made at any time can be reproduced from the versions
 * recorded up to then.
 */
export const commissionPolicyVersions = pgTable(
  'commission_policy_versions',
  {
    policyId: uuid('policy_id').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<PolicyParams>().notNull(),
    active: boolean('active').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    note: text('note'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    requestedBy: uuid('requested_by'),
    approvedBy: uuid('approved_by'),
    dualControlRequestId: uuid('dual_control_request_id'),
  },
  (t) => [primaryKey({ columns: [t.policyId, t.version] })],
);
