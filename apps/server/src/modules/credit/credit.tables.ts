import {
  bigint,
  boolean,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 外部评级 a grade recorded by staff from an outside assessment (or the demo). The computed monthly rating and a
 * manual review both take precedence over it; it remains for organisations the platform has no rating for yet.
 */
export const orgCreditGrades = pgTable('org_credit_grades', {
  orgId: uuid('org_id').primaryKey(),
  grade: text('grade').notNull(),
  assessedAt: ts('assessed_at').notNull(),
  source: text('source').notNull(),
  setByUserId: uuid('set_by_user_id'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Read model from `contract.signed`: who the parties of a signed contract are, and how often it was amended. */
export const creditContracts = pgTable('credit_contracts', {
  contractId: uuid('contract_id').primaryKey(),
  buyerOrgId: uuid('buyer_org_id').notNull(),
  supplierOrgId: uuid('supplier_org_id').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }),
  signedOn: text('signed_on').notNull(),
  amendments: integer('amendments').notNull().default(0),
});

/** 行业口碑 one party's rating of the other party of a contract: once per contract and side. */
export const creditRatings = pgTable(
  'credit_ratings',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id').notNull(),
    raterOrgId: uuid('rater_org_id').notNull(),
    ratedOrgId: uuid('rated_org_id').notNull(),
    quality: integer('quality').notNull(),
    timeliness: integer('timeliness').notNull(),
    cooperation: integer('cooperation').notNull(),
    payment: integer('payment').notNull(),
    comment: text('comment').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('credit_ratings_once_per_side').on(t.contractId, t.raterOrgId),
    // the monthly batch: ratings received, by organisation
    index('credit_ratings_rated_idx').on(t.ratedOrgId),
  ],
);

/** Read model from `settlement.sealed`: one completed transaction per party. */
export const creditTransactions = pgTable(
  'credit_transactions',
  {
    settlementId: uuid('settlement_id').notNull(),
    orgId: uuid('org_id').notNull(),
    role: text('role').notNull(),
    contractId: uuid('contract_id').notNull(),
    milestoneId: uuid('milestone_id').notNull(),
    grossFen: bigint('gross_fen', { mode: 'number' }).notNull(),
    sealedAt: ts('sealed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.settlementId, t.orgId] }),
    // the monthly batch: an organisation's transactions, and when each milestone was sealed
    index('credit_transactions_org_idx').on(t.orgId),
    index('credit_transactions_milestone_idx').on(t.milestoneId),
  ],
);

/** Read model from `dispute.resolved`: each party's result (won, lost, split, withdrawn). */
export const creditDisputes = pgTable(
  'credit_disputes',
  {
    disputeId: uuid('dispute_id').notNull(),
    orgId: uuid('org_id').notNull(),
    result: text('result').notNull(),
    level: integer('level').notNull(),
    decidedAt: ts('decided_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.disputeId, t.orgId] }), index('credit_disputes_org_idx').on(t.orgId)],
);

/**
 * 融资逾期 a supply-chain loan its borrower did not repay by the due date (from `finance.loan_overdue`): counts as a
 * payment missed in the month's 按期付款率.
 */
export const creditLoanOverdues = pgTable(
  'credit_loan_overdues',
  {
    applicationId: uuid('application_id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    dueDate: text('due_date').notNull(),
    detectedAt: ts('detected_at').notNull(),
  },
  (t) => [index('credit_loan_overdues_org_idx').on(t.orgId)],
);

/**
 * 工资月报 from `wages.month_recorded`: per organisation (the payee that owns the wage account), contract and month
 * with workers on site, whether wages were paid from the wage account that month (FUND-5). Feeds 农民工工资按月发放.
 */
export const creditWageMonths = pgTable(
  'credit_wage_months',
  {
    orgId: uuid('org_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    /** YYYY-MM (Asia/Shanghai) */
    month: text('month').notNull(),
    paid: boolean('paid').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.contractId, t.month] })],
);

/** 评级政策 versioned weights, grade thresholds and prior strength; a new version only under dual control. */
export const creditPolicies = pgTable('credit_policies', {
  version: integer('version').primaryKey(),
  weights: jsonb('weights').$type<Record<string, number>>().notNull(),
  thresholds: jsonb('thresholds').$type<Record<string, number>>().notNull(),
  priorStrength: integer('prior_strength').notNull(),
  note: text('note').notNull(),
  requestedBy: uuid('requested_by'),
  approvedBy: uuid('approved_by'),
  dualControlRequestId: uuid('dual_control_request_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** 月度评级 one computed rating per organisation and month, with its dimensions and what moved it. */
export const creditMonthly = pgTable(
  'credit_monthly',
  {
    orgId: uuid('org_id').notNull(),
    month: text('month').notNull(),
    score: integer('score').notNull(),
    grade: text('grade').notNull(),
    policyVersion: integer('policy_version').notNull(),
    thin: boolean('thin').notNull(),
    // json, not jsonb: written once a month for every organisation and read whole, never queried inside; the text
    // type halves the batch's insert (bench/credit)
    dimensions: json('dimensions').$type<unknown[]>().notNull(),
    computedAt: ts('computed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.month] })],
);

/** 人工复核 a staff review that overrides the computed grade until it expires (or a later review). */
export const creditOverrides = pgTable('credit_overrides', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  grade: text('grade').notNull(),
  reason: text('reason').notNull(),
  expiresOn: text('expires_on').notNull(),
  requestedBy: uuid('requested_by').notNull(),
  approvedBy: uuid('approved_by').notNull(),
  dualControlRequestId: uuid('dual_control_request_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** 纳税申报 what an organisation declares about its tax years (the built-in `TaxRecordSource`). */
export const creditTaxDeclarations = pgTable(
  'credit_tax_declarations',
  {
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    paidOnTime: boolean('paid_on_time').notNull(),
    declaredBy: uuid('declared_by').notNull(),
    declaredAt: ts('declared_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year] })],
);
