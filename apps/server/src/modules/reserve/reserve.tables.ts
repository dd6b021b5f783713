import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 先行赔付 claims on the 风险准备金 risk reserve (FUND-4): a loss the platform caused is paid to the organisation
 * from the reserve first, after dual control, and recovered later from whoever is liable.
 */
export const reserveClaims = pgTable(
  'reserve_claims',
  {
    id: uuid('id').primaryKey(),
    claimNo: text('claim_no').notNull().unique(),
    orgId: uuid('org_id').notNull(),
    contractId: uuid('contract_id'),
    cause: text('cause').notNull(),
    lossFen: bigint('loss_fen', { mode: 'bigint' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    recoveredFen: bigint('recovered_fen', { mode: 'bigint' }).notNull(),
    /** pending → paid → partially_recovered → recovered; or rejected */
    status: text('status').notNull(),
    openedBy: uuid('opened_by').notNull(),
    openedAt: ts('opened_at').notNull(),
    /** the staff dual-control request that the payout waits on */
    requestId: uuid('request_id').notNull().unique(),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    decisionReason: text('decision_reason'),
    payoutTransferId: uuid('payout_transfer_id'),
  },
  (t) => [index('reserve_claims_status_idx').on(t.status, t.openedAt)],
);

/** 追偿 recoveries: money back into the reserve from the liable party, each one ledger transfer. */
export const reserveRecoveries = pgTable(
  'reserve_recoveries',
  {
    id: uuid('id').primaryKey(),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => reserveClaims.id),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    source: text('source').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: ts('recorded_at').notNull(),
    transferId: uuid('transfer_id').notNull(),
  },
  (t) => [index('reserve_recoveries_claim_idx').on(t.claimId)],
);
