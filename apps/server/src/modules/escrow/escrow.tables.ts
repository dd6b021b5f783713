import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** 资金监管 a contract's escrow: its terms and the ledger accounts that belong to it. */
export const escrowContracts = pgTable(
  'escrow_contracts',
  {
    contractId: uuid('contract_id').primaryKey(),
    payerOrgId: uuid('payer_org_id').notNull(),
    payeeOrgId: uuid('payee_org_id').notNull(),
    contractAmountFen: bigint('contract_amount_fen', { mode: 'bigint' }).notNull(),
    advanceRatioPct: integer('advance_ratio_pct').notNull(),
    retentionPct: integer('retention_pct').notNull(),
    labourSharePct: integer('labour_share_pct').notNull(),
    bondPct: integer('bond_pct'),
    /** 履约保证金 the bond that must be posted before work starts (FUND-2); 0 when none is required */
    bondRequiredFen: bigint('bond_required_fen', { mode: 'bigint' }).notNull(),
    /** 汇款识别码 the reference a payer writes on a bank transfer into this escrow */
    depositReference: text('deposit_reference').notNull(),
    escrowAccountId: uuid('escrow_account_id').notNull(),
    retentionAccountId: uuid('retention_account_id').notNull(),
    bondAccountId: uuid('bond_account_id').notNull(),
    labourAccountId: uuid('labour_account_id').notNull(),
    frozen: boolean('frozen').notNull().default(false),
    frozenAt: timestamp('frozen_at', { withTimezone: true, mode: 'date' }),
    frozenReason: text('frozen_reason'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('escrow_contracts_reference_idx').on(t.depositReference),
    // the monthly credit batch reads each organisation's escrows as payer (按期付款率) and as payee (工资按期发放)
    index('escrow_contracts_payer_idx').on(t.payerOrgId),
    index('escrow_contracts_payee_idx').on(t.payeeOrgId),
  ],
);

/** 付款计划 what the payer must pay into escrow, per milestone, by when (FUND-3 watches the due dates). */
export const escrowScheduleItems = pgTable(
  'escrow_schedule_items',
  {
    contractId: uuid('contract_id').notNull(),
    milestoneId: text('milestone_id').notNull(),
    title: text('title').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    /** 'scheduled' | 'paid' */
    status: text('status').notNull(),
    settlementId: text('settlement_id'),
    paidAt: timestamp('paid_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.milestoneId] }),
    index('escrow_schedule_due_idx').on(t.status, t.dueDate),
  ],
);

/** 结算放款 one release of a milestone, with how the gross amount was split. Insert-only. */
export const escrowReleases = pgTable(
  'escrow_releases',
  {
    id: uuid('id').primaryKey(),
    clientId: text('client_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    milestoneId: text('milestone_id').notNull(),
    settlementId: text('settlement_id').notNull(),
    grossFen: bigint('gross_fen', { mode: 'bigint' }).notNull(),
    retentionFen: bigint('retention_fen', { mode: 'bigint' }).notNull(),
    labourFen: bigint('labour_fen', { mode: 'bigint' }).notNull(),
    feeFen: bigint('fee_fen', { mode: 'bigint' }).notNull(),
    reserveFen: bigint('reserve_fen', { mode: 'bigint' }).notNull(),
    netFen: bigint('net_fen', { mode: 'bigint' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('escrow_releases_client_idx').on(t.clientId),
    uniqueIndex('escrow_releases_milestone_idx').on(t.contractId, t.milestoneId),
  ],
);

/** Money the platform expects to arrive by bank transfer: escrow funding per schedule item, or a bond. */
export const escrowExpectedDeposits = pgTable(
  'escrow_expected_deposits',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id').notNull(),
    /** 'escrow' | 'bond' */
    purpose: text('purpose').notNull(),
    milestoneId: text('milestone_id'),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    /** 'open' | 'matched' */
    status: text('status').notNull(),
    matchedLineId: uuid('matched_line_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('escrow_expected_contract_idx').on(t.contractId, t.status)],
);

/** One line of a reconciliation report, as stored in `escrow_statement_imports.report` and returned to finance staff. */
export interface ReconciliationLine {
  lineNo: number;
  bankTxnId: string;
  valueDate: string;
  amountFen: number;
  payerName: string;
  memo: string;
  outcome: 'matched' | 'unmatched' | 'duplicate' | 'invalid';
  reason: string | null;
  contractId: string | null;
  purpose: 'escrow' | 'bond' | null;
}

/** 银行流水导入 an imported bank statement and its reconciliation counts. */
export const escrowStatementImports = pgTable('escrow_statement_imports', {
  id: uuid('id').primaryKey(),
  filename: text('filename').notNull(),
  importedBy: uuid('imported_by'),
  lineCount: integer('line_count').notNull(),
  matched: integer('matched').notNull(),
  unmatched: integer('unmatched').notNull(),
  duplicate: integer('duplicate').notNull(),
  invalid: integer('invalid').notNull(),
  report: jsonb('report').$type<ReconciliationLine[]>().notNull().default(sql`'[]'::jsonb`),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** One credit line of a bank statement, keyed by the bank's transaction number, so a re-import changes nothing. */
export const escrowStatementLines = pgTable(
  'escrow_statement_lines',
  {
    id: uuid('id').primaryKey(),
    importId: uuid('import_id').notNull(),
    bankTxnId: text('bank_txn_id').notNull(),
    valueDate: date('value_date', { mode: 'string' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    payerName: text('payer_name').notNull(),
    memo: text('memo').notNull(),
    /** 'matched' | 'unmatched' */
    status: text('status').notNull(),
    contractId: uuid('contract_id'),
    transferId: uuid('transfer_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('escrow_statement_lines_txn_idx').on(t.bankTxnId)],
);

/** 付款指令 a payout through the bank adapter: held first, posted when the bank confirms, voided if it refuses. */
export const escrowPayouts = pgTable(
  'escrow_payouts',
  {
    id: uuid('id').primaryKey(),
    clientId: text('client_id').notNull(),
    orgId: uuid('org_id').notNull(),
    accountId: uuid('account_id').notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    beneficiaryName: text('beneficiary_name').notNull(),
    /** 脱敏 masked (6222********2233); the number itself only encrypted below (rows before 0027 are backfilled) */
    beneficiaryAccountMasked: text('beneficiary_account').notNull(),
    /** AES-256-GCM under the master key, like ID card numbers */
    beneficiaryAccountEnc: text('beneficiary_account_enc'),
    /** keyed hash, to tell a known account from a new one without decrypting */
    beneficiaryAccountHash: text('beneficiary_account_hash'),
    holdTransferId: uuid('hold_transfer_id').notNull(),
    /** 'pending' | 'paid' | 'failed' */
    status: text('status').notNull(),
    bankReference: text('bank_reference'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('escrow_payouts_client_idx').on(t.clientId),
    index('escrow_payouts_org_idx').on(t.orgId),
    index('escrow_payouts_pending_idx').on(t.status, t.createdAt),
    // a wage account's payouts after a release (the credit batch's 工资按期发放, one probe per release)
    index('escrow_payouts_account_idx').on(t.accountId, t.createdAt),
  ],
);

/**
 * 模拟银行 the simulated bank's own memory of the instructions it received (a real bank keeps this on its side):
 * lets the payout recovery ask for an outcome after the platform crashed between the bank call and the posting.
 * Only `SimulatedBank` reads or writes it.
 */
export const simulatedBankPayments = pgTable('simulated_bank_payments', {
  instructionId: text('instruction_id').primaryKey(),
  /** 'accepted' | 'refused' */
  status: text('status').notNull(),
  bankReference: text('bank_reference'),
  reason: text('reason'),
  amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** 风险案件 opened for staff when FUND-3 freezes an escrow (and for other findings later). */
export const escrowRiskCases = pgTable(
  'escrow_risk_cases',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id').notNull(),
    kind: text('kind').notNull(),
    milestoneId: text('milestone_id'),
    detail: text('detail').notNull(),
    /** 'open' | 'closed' */
    status: text('status').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    closedBy: uuid('closed_by'),
  },
  (t) => [index('escrow_risk_cases_status_idx').on(t.status, t.openedAt)],
);

/** The contract's money timeline (funded, bond posted, released, frozen, unfrozen …). Insert-only. */
export const escrowEvents = pgTable(
  'escrow_events',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id').notNull(),
    kind: text('kind').notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }),
    detail: jsonb('detail').$type<Record<string, string>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('escrow_events_contract_idx').on(t.contractId, t.at)],
);

/**
 * 以保单替代现金保证金 a 履约保证险 policy accepted in place of the cash performance bond (FUND-2, FUND-4): one per
 * contract; the insurance module issues the policy, escrow records that its bond rule is satisfied by it.
 */
export const escrowBondPolicies = pgTable(
  'escrow_bond_policies',
  {
    contractId: uuid('contract_id').primaryKey(),
    policyId: uuid('policy_id').notNull(),
    insurerOrgId: uuid('insurer_org_id').notNull(),
    insuredFen: bigint('insured_fen', { mode: 'bigint' }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('escrow_bond_policies_policy_idx').on(t.policyId)],
);
