import type { FeeItem } from '@zhuhe/contracts';
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 收费标准 the fee schedule (FUND-7), append-only versions: a change is a new version after dual control, so a
 * charge can always name the version it was priced by.
 */
export const feeScheduleVersions = pgTable('fee_schedule_versions', {
  version: integer('version').primaryKey(),
  items: jsonb('items').$type<FeeItem[]>().notNull(),
  /** 种子用户计划 the first N organisations registered are exempt from basic fees */
  seedUserLimit: integer('seed_user_limit').notNull(),
  effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
  note: text('note'),
  recordedAt: ts('recorded_at').notNull(),
  requestedBy: uuid('requested_by'),
  approvedBy: uuid('approved_by'),
  dualControlRequestId: uuid('dual_control_request_id'),
});

/** 收费记录 one charge to an organisation, priced by a schedule version; `reference` makes a repeat a no-op. */
export const feeCharges = pgTable(
  'fee_charges',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    itemCode: text('item_code').notNull(),
    category: text('category').notNull(),
    scheduleVersion: integer('schedule_version').notNull(),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    baseFen: bigint('base_fen', { mode: 'bigint' }),
    listFen: bigint('list_fen', { mode: 'bigint' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    exempt: boolean('exempt').notNull(),
    reference: text('reference').notNull().unique(),
    /** Shanghai month YYYY-MM */
    period: text('period').notNull(),
    chargedAt: ts('charged_at').notNull(),
    recordedBy: uuid('recorded_by'),
    receiptId: uuid('receipt_id'),
  },
  (t) => [index('fee_charges_org_period_idx').on(t.orgId, t.period), index('fee_charges_charged_idx').on(t.chargedAt)],
);

/** 收费凭证 a receipt for one organisation's charges of one period, rendered as PDF from the charges it covers. */
export const feeReceipts = pgTable(
  'fee_receipts',
  {
    id: uuid('id').primaryKey(),
    receiptNo: text('receipt_no').notNull().unique(),
    orgId: uuid('org_id').notNull(),
    period: text('period').notNull(),
    totalFen: bigint('total_fen', { mode: 'bigint' }).notNull(),
    exemptFen: bigint('exempt_fen', { mode: 'bigint' }).notNull(),
    chargeCount: integer('charge_count').notNull(),
    issuedAt: ts('issued_at').notNull(),
    issuedBy: uuid('issued_by'),
  },
  (t) => [index('fee_receipts_org_idx').on(t.orgId, t.period)],
);
