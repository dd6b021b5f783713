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

/** 履约保证险产品 a performance-bond insurance product a FIN organisation (the insurer) publishes (FUND-4). */
export const insuranceProducts = pgTable(
  'insurance_products',
  {
    id: uuid('id').primaryKey(),
    insurerOrgId: uuid('insurer_org_id').notNull(),
    name: text('name').notNull(),
    premiumBp: integer('premium_bp').notNull(),
    coverageBp: integer('coverage_bp').notNull(),
    maxInsuredFen: bigint('max_insured_fen', { mode: 'bigint' }).notNull(),
    minGrade: text('min_grade').notNull(),
    regions: jsonb('regions').$type<string[]>().notNull(),
    termDays: integer('term_days').notNull(),
    /** false while the insurer has paused it: no new policies, existing ones stay in force */
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('insurance_products_insurer_idx').on(t.insurerOrgId)],
);

/**
 * 保单 a policy the contractor (投保人, the escrow payee who owes the bond) bought in place of the cash bond, for the
 * buyer of the contract (受益人). Issued with its PDF (hash in the evidence log) in the transaction that takes the
 * premium; the partial unique index keeps one policy in force per contract.
 */
export const insurancePolicies = pgTable(
  'insurance_policies',
  {
    id: uuid('id').primaryKey(),
    policyNo: text('policy_no').notNull(),
    productId: uuid('product_id').notNull(),
    insurerOrgId: uuid('insurer_org_id').notNull(),
    holderOrgId: uuid('holder_org_id').notNull(),
    beneficiaryOrgId: uuid('beneficiary_org_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    bondRequiredFen: bigint('bond_required_fen', { mode: 'bigint' }).notNull(),
    insuredFen: bigint('insured_fen', { mode: 'bigint' }).notNull(),
    premiumBp: integer('premium_bp').notNull(),
    premiumFen: bigint('premium_fen', { mode: 'bigint' }).notNull(),
    premiumTransferId: uuid('premium_transfer_id').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** active → claimed (a claim was paid) */
    status: text('status').notNull(),
    fileId: uuid('file_id').notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
    evidenceIndex: integer('evidence_index').notNull(),
    issuedAt: ts('issued_at').notNull(),
    issuedByUserId: uuid('issued_by_user_id').notNull(),
  },
  (t) => [
    uniqueIndex('insurance_policies_no_idx').on(t.policyNo),
    uniqueIndex('insurance_policies_contract_live_idx').on(t.contractId).where(sql`status = 'active'`),
    index('insurance_policies_insurer_idx').on(t.insurerOrgId),
    index('insurance_policies_holder_idx').on(t.holderOrgId),
    index('insurance_policies_beneficiary_idx').on(t.beneficiaryOrgId),
  ],
);

export interface ClaimEvidence {
  fileId: string;
  name: string;
  sha256: string;
}

/**
 * 理赔 the beneficiary's claim on a policy when the contractor's bond would be forfeited; the insurer approves
 * (payout through the ledger) or rejects with a reason. One open claim per policy (partial unique index).
 */
export const insuranceClaims = pgTable(
  'insurance_claims',
  {
    id: uuid('id').primaryKey(),
    policyId: uuid('policy_id').notNull(),
    insurerOrgId: uuid('insurer_org_id').notNull(),
    beneficiaryOrgId: uuid('beneficiary_org_id').notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    reason: text('reason').notNull(),
    evidence: jsonb('evidence').$type<ClaimEvidence[]>().notNull(),
    /** submitted → approved | rejected */
    status: text('status').notNull(),
    filedAt: ts('filed_at').notNull(),
    filedByUserId: uuid('filed_by_user_id').notNull(),
    decidedAt: ts('decided_at'),
    decidedByUserId: uuid('decided_by_user_id'),
    rejectReason: text('reject_reason'),
    payoutTransferId: uuid('payout_transfer_id'),
  },
  (t) => [
    uniqueIndex('insurance_claims_open_idx').on(t.policyId).where(sql`status = 'submitted'`),
    index('insurance_claims_insurer_idx').on(t.insurerOrgId, t.status),
  ],
);
