import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

type Text = { 'zh-CN': string; en: string };
type Facts = Record<string, string | number | boolean | null>;

/**
 * 风险预警 one warning: what fired it (type, severity, evidence), whom it concerns (the subject, the contract, the
 * parties) and who is expected to act (owner). At most one open or acknowledged warning per subject and type.
 */
export const riskWarnings = pgTable(
  'risk_warnings',
  {
    id: uuid('id').primaryKey(),
    type: text('type').notNull(),
    severity: text('severity').notNull(),
    /** open | acknowledged | resolved | false_alarm */
    state: text('state').notNull(),
    subjectKind: text('subject_kind').notNull(),
    subjectId: text('subject_id').notNull(),
    contractId: uuid('contract_id'),
    ownerOrgId: uuid('owner_org_id'),
    title: jsonb('title').$type<Text>().notNull(),
    summary: jsonb('summary').$type<Text>().notNull(),
    evidence: jsonb('evidence').$type<{ facts: Facts; links: { label: Text; href: string }[] }>().notNull(),
    detectedAt: ts('detected_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('risk_warnings_one_active')
      .on(t.subjectKind, t.subjectId, t.type)
      .where(sql`state in ('open', 'acknowledged')`),
    index('risk_warnings_state_idx').on(t.state, t.type),
    index('risk_warnings_contract_idx').on(t.contractId),
  ],
);

/** The organisations a warning is delivered to and visible for (both parties of the contract, or the payer). */
export const riskWarningParties = pgTable(
  'risk_warning_parties',
  {
    warningId: uuid('warning_id').notNull(),
    orgId: uuid('org_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.warningId, t.orgId] }), index('risk_warning_parties_org_idx').on(t.orgId)],
);

/** Every state change of a warning, append-only (also written to the audit chain). */
export const riskWarningTransitions = pgTable(
  'risk_warning_transitions',
  {
    id: uuid('id').primaryKey(),
    warningId: uuid('warning_id').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    /** party | staff | system */
    actorKind: text('actor_kind').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorOrgId: uuid('actor_org_id'),
    note: text('note').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('risk_warning_transitions_warning_idx').on(t.warningId, t.at)],
);

/** Read model from `contract.signed` with `amendment`: each signed supplementary agreement (补充协议). */
export const riskAmendments = pgTable(
  'risk_amendments',
  {
    contractId: uuid('contract_id').notNull(),
    versionNo: bigint('version_no', { mode: 'number' }).notNull(),
    title: text('title').notNull(),
    buyerOrgId: uuid('buyer_org_id').notNull(),
    supplierOrgId: uuid('supplier_org_id').notNull(),
    signedOn: text('signed_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.versionNo] })],
);

/** Read model from `escrow.milestone_released`: who paid whom, how much, and against which scheduled date. */
export const riskMoneyFlows = pgTable(
  'risk_money_flows',
  {
    releaseId: uuid('release_id').primaryKey(),
    contractId: uuid('contract_id').notNull(),
    /** as the escrow schedule names it */
    milestoneId: text('milestone_id').notNull(),
    payerOrgId: uuid('payer_org_id').notNull(),
    payeeOrgId: uuid('payee_org_id').notNull(),
    grossFen: bigint('gross_fen', { mode: 'number' }).notNull(),
    dueDate: text('due_date').notNull(),
    releasedAt: ts('released_at').notNull(),
  },
  (t) => [
    index('risk_money_flows_pair_idx').on(t.payerOrgId, t.payeeOrgId),
    index('risk_money_flows_contract_idx').on(t.contractId),
  ],
);

/** 招标红旗 the red flags last computed for a tender (empty list: computed, nothing found). */
export const riskTenderFlags = pgTable(
  'risk_tender_flags',
  {
    tenderId: uuid('tender_id').primaryKey(),
    buyerOrgId: uuid('buyer_org_id').notNull(),
    title: text('title').notNull(),
    flags: jsonb('flags').$type<{ flag: string; label: Text; detail: Text; facts: Facts }[]>().notNull(),
    computedAt: ts('computed_at').notNull(),
  },
  (t) => [index('risk_tender_flags_buyer_idx').on(t.buyerOrgId)],
);
