import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 融资产品 a finance product a FIN organisation publishes (FUND-6). */
export const financeProducts = pgTable(
  'finance_products',
  {
    id: uuid('id').primaryKey(),
    finOrgId: uuid('fin_org_id').notNull(),
    name: text('name').notNull(),
    /** receivable | order | bond_advance */
    type: text('type').notNull(),
    minRatioBp: integer('min_ratio_bp').notNull(),
    maxRatioBp: integer('max_ratio_bp').notNull(),
    feeBp: integer('fee_bp').notNull(),
    /** annual | flat */
    feeBasis: text('fee_basis').notNull(),
    minGrade: text('min_grade').notNull(),
    regions: jsonb('regions').$type<string[]>().notNull(),
    categories: jsonb('categories').$type<string[]>().notNull(),
    aaaDiscountBp: integer('aaa_discount_bp').notNull(),
    decisionDays: integer('decision_days').notNull(),
    maxTermDays: integer('max_term_days').notNull(),
    penaltyBpPerDay: integer('penalty_bp_per_day').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('finance_products_fin_idx').on(t.finOrgId)],
);

export interface EvidenceSnapshot {
  contract: { contractId: string; amountFen: number; counterpartyOrgId: string };
  statement: { settlementId: string; sha256: string; evidenceIndex: number | null } | null;
  credit: { grade: string | null; source: string | null };
  paymentHistory: { releases: number; releasedFen: number };
}

/**
 * 融资申请 an application against one platform asset, and the loan it becomes once approved (disbursed → repaid,
 * or overdue). `asset_key` names the asset (`receivable:<contract>:<milestone>`, `order:<contract>`,
 * `bond_advance:<contract>`); the partial unique index is the lock that keeps one asset from being financed twice.
 */
export const financeApplications = pgTable(
  'finance_applications',
  {
    id: uuid('id').primaryKey(),
    productId: uuid('product_id').notNull(),
    finOrgId: uuid('fin_org_id').notNull(),
    applicantOrgId: uuid('applicant_org_id').notNull(),
    applicantUserId: uuid('applicant_user_id').notNull(),
    assetKind: text('asset_kind').notNull(),
    assetKey: text('asset_key').notNull(),
    contractId: uuid('contract_id').notNull(),
    milestoneId: text('milestone_id'),
    baseFen: bigint('base_fen', { mode: 'bigint' }).notNull(),
    requestedFen: bigint('requested_fen', { mode: 'bigint' }).notNull(),
    termDays: integer('term_days').notNull(),
    evidence: jsonb('evidence').$type<EvidenceSnapshot>().notNull(),
    consentAt: ts('consent_at').notNull(),
    /** submitted → rejected | disbursed → repaid | overdue → repaid */
    status: text('status').notNull(),
    submittedAt: ts('submitted_at').notNull(),
    decisionDueAt: ts('decision_due_at').notNull(),
    decidedAt: ts('decided_at'),
    decidedByUserId: uuid('decided_by_user_id'),
    rejectReason: text('reject_reason'),
    approvedFen: bigint('approved_fen', { mode: 'bigint' }),
    feeBp: integer('fee_bp'),
    feeFen: bigint('fee_fen', { mode: 'bigint' }),
    disbursedAt: ts('disbursed_at'),
    disbursementTransferId: uuid('disbursement_transfer_id'),
    /** the account the money went to: the applicant's wallet or the contract's bond account */
    targetAccountId: uuid('target_account_id'),
    dueDate: date('due_date', { mode: 'string' }),
    repaidFen: bigint('repaid_fen', { mode: 'bigint' }).notNull().default(sql`0`),
    penaltyFen: bigint('penalty_fen', { mode: 'bigint' }).notNull().default(sql`0`),
    /** the last Shanghai date a day's penalty was charged (the daily job runs once per day) */
    penaltyThrough: date('penalty_through', { mode: 'string' }),
    closedAt: ts('closed_at'),
  },
  (t) => [
    uniqueIndex('finance_applications_asset_live_idx')
      .on(t.assetKey)
      .where(sql`status in ('submitted', 'disbursed', 'overdue')`),
    index('finance_applications_fin_idx').on(t.finOrgId, t.status),
    index('finance_applications_applicant_idx').on(t.applicantOrgId),
    index('finance_applications_contract_idx').on(t.contractId),
  ],
);

/** 还款 a repayment swept from an escrow release (or a penalty charge), one per loan and release. */
export const financeRepayments = pgTable(
  'finance_repayments',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id').notNull(),
    /** the escrow release that paid it; null for a penalty charge */
    releaseId: uuid('release_id'),
    transferId: uuid('transfer_id'),
    /** release | penalty */
    source: text('source').notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    at: ts('at').notNull(),
  },
  (t) => [
    uniqueIndex('finance_repayments_release_idx').on(t.applicationId, t.releaseId),
    index('finance_repayments_app_idx').on(t.applicationId),
  ],
);
