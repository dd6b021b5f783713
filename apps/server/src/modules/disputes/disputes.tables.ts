import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 纠纷 a complaint of one party of a contract against the other, and how far it has come. */
export const disputes = pgTable(
  'disputes',
  {
    id: uuid('id').primaryKey(),
    caseNo: text('case_no').notNull().unique(),
    subjectKind: text('subject_kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    contractTitle: text('contract_title').notNull(),
    contractAmountFen: bigint('contract_amount_fen', { mode: 'bigint' }).notNull(),
    claimantOrgId: uuid('claimant_org_id').notNull(),
    respondentOrgId: uuid('respondent_org_id').notNull(),
    filedByUserId: uuid('filed_by_user_id').notNull(),
    type: text('type').notNull(),
    amountInDisputeFen: bigint('amount_in_dispute_fen', { mode: 'bigint' }),
    claim: text('claim').notNull(),
    /** filed → mediation → arbitration → external → resolved | withdrawn */
    status: text('status').notNull(),
    level: integer('level').notNull(),
    filedAt: ts('filed_at').notNull(),
    /** 2 hours after filing, wall time */
    teamDueAt: ts('team_due_at').notNull(),
    teamFormedAt: ts('team_formed_at'),
    ownerUserId: uuid('owner_user_id'),
    specialistUserId: uuid('specialist_user_id'),
    /** 5 working days after filing (official calendar) */
    mediationDueAt: ts('mediation_due_at').notNull(),
    mediationEndedAt: ts('mediation_ended_at'),
    mediationNote: text('mediation_note'),
    arbitratorUserIds: jsonb('arbitrator_user_ids').$type<string[]>().notNull().default([]),
    holdTransferId: uuid('hold_transfer_id'),
    heldFen: bigint('held_fen', { mode: 'bigint' }).notNull(),
    outcome: text('outcome'),
    awardedToClaimantFen: bigint('awarded_to_claimant_fen', { mode: 'bigint' }),
    decisionReasons: text('decision_reasons'),
    decidedAt: ts('decided_at'),
    decisionSha256: text('decision_sha256'),
    externalInstitution: text('external_institution'),
    externalReference: text('external_reference'),
    externalManifestSha256: text('external_manifest_sha256'),
    /** 案例公示 the anonymised digest, written when the case is decided */
    digest: text('digest'),
  },
  (t) => [
    index('disputes_claimant_idx').on(t.claimantOrgId, t.filedAt),
    index('disputes_respondent_idx').on(t.respondentOrgId, t.filedAt),
    index('disputes_status_idx').on(t.status),
  ],
);

/** 证据 a file one side submitted; its SHA-256 is in the evidence log at `evidenceIndex`. */
export const disputeEvidence = pgTable(
  'dispute_evidence',
  {
    id: uuid('id').primaryKey(),
    disputeId: uuid('dispute_id').notNull(),
    orgId: uuid('org_id').notNull(),
    side: text('side').notNull(),
    fileId: uuid('file_id').notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    evidenceIndex: bigint('evidence_index', { mode: 'number' }).notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('dispute_evidence_dispute_idx').on(t.disputeId, t.createdAt)],
);

/** 案件留言 the case thread: parties and the case team. */
export const disputeMessages = pgTable(
  'dispute_messages',
  {
    id: uuid('id').primaryKey(),
    disputeId: uuid('dispute_id').notNull(),
    side: text('side').notNull(),
    authorUserId: uuid('author_user_id').notNull(),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('dispute_messages_dispute_idx').on(t.disputeId, t.createdAt)],
);

/** 仲裁表决 one arbitrator's vote with reasons; one per arbitrator. */
export const disputeVotes = pgTable(
  'dispute_votes',
  {
    disputeId: uuid('dispute_id').notNull(),
    arbitratorUserId: uuid('arbitrator_user_id').notNull(),
    outcome: text('outcome').notNull(),
    awardedToClaimantFen: bigint('awarded_to_claimant_fen', { mode: 'bigint' }),
    reasons: text('reasons').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.disputeId, t.arbitratorUserId] })],
);
