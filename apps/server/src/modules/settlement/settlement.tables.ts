import {
  bigint,
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

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export interface StatementData {
  lines: {
    lineId: string;
    code: string;
    name: string;
    unit: string;
    quantityMilli: number;
    unitPriceFen: number;
    amountFen: number;
  }[];
  quantitiesFen: number;
  variationsFen: number;
  deductionsFen: number;
  valueToDateFen: number;
  retentionToDateFen: number;
  paidBeforeFen: number;
  payableNowFen: number;
  grossFen: number;
  retentionFen: number;
  labourFen: number;
  note: string;
}

/** 验收结算 the acceptance and settlement of one milestone of a contract. */
export const settlements = pgTable(
  'settlements',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id').notNull(),
    milestoneId: uuid('milestone_id').notNull(),
    /** the paying party (甲方) */
    orgId: uuid('org_id').notNull(),
    status: text('status').notNull(),
    statement: jsonb('statement').$type<StatementData>(),
    statementSha256: text('statement_sha256'),
    signedFileId: uuid('signed_file_id'),
    signedSha256: text('signed_sha256'),
    evidenceIndex: bigint('evidence_index', { mode: 'number' }),
    /** 平台签章 when the platform's automatic seal was added after the three parties' signatures, and its certificate */
    platformSealedAt: ts('platform_sealed_at'),
    platformSealCertSha256: text('platform_seal_cert_sha256'),
    releaseError: text('release_error'),
    releasedAt: ts('released_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('settlements_org_idx').on(t.orgId, t.id),
    uniqueIndex('settlements_milestone_idx').on(t.contractId, t.milestoneId),
  ],
);

/**
 * 工程量确认 a proposed measured quantity (cumulative to date) of one BoQ line. Append-only: a disagreement is
 * answered by a new proposal for the line, never by changing this row.
 */
export const settlementQuantityProposals = pgTable(
  'settlement_quantity_proposals',
  {
    id: uuid('id').primaryKey(),
    settlementId: uuid('settlement_id').notNull(),
    /** order within the settlement: the latest proposal of a line is its current one */
    seq: integer('seq').notNull(),
    lineId: uuid('line_id').notNull(),
    quantityMilli: bigint('quantity_milli', { mode: 'number' }).notNull(),
    note: text('note').notNull(),
    /** the proposing organisation and its role */
    orgId: uuid('org_id').notNull(),
    role: text('role').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('settlement_proposals_org_idx').on(t.orgId, t.id),
    uniqueIndex('settlement_proposals_seq_idx').on(t.settlementId, t.seq),
  ],
);

/** A party's confirmation of or disagreement with a proposal: one per organisation, never changed. */
export const settlementQuantityVotes = pgTable(
  'settlement_quantity_votes',
  {
    proposalId: uuid('proposal_id').notNull(),
    settlementId: uuid('settlement_id').notNull(),
    orgId: uuid('org_id').notNull(),
    role: text('role').notNull(),
    decision: text('decision').notNull(),
    note: text('note').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.orgId] }),
    index('settlement_votes_settlement_idx').on(t.settlementId),
  ],
);

/** 三方签章 an authorised signer's consent (after step-up 2FA) to sign the statement for their organisation. */
export const settlementSignatures = pgTable(
  'settlement_signatures',
  {
    settlementId: uuid('settlement_id').notNull(),
    orgId: uuid('org_id').notNull(),
    role: text('role').notNull(),
    signerUserId: uuid('signer_user_id').notNull(),
    signerName: text('signer_name').notNull(),
    signedAt: ts('signed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.settlementId, t.orgId] })],
);
