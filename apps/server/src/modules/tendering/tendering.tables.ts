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
import type { OpeningRecordDoc } from './tendering.pdf';
import type { ScoredBid } from './tendering.rules';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export interface BoqItemRow {
  name: string;
  spec: string;
  unit: string;
  quantity: number;
}
export interface WeightsRow {
  price: number;
  technical: number;
  credit: number;
  performance: number;
}

/** One bid in the opening record: every bid is listed with its hash; only valid ones carry a total. */
export interface OpenedBidRecord {
  bidId: string;
  bidderOrgId: string;
  bidderName: string;
  envelopeSha256: string;
  status: string;
  confirmedVersion: number;
  valid: boolean;
  invalidReason: { 'zh-CN': string; en: string } | null;
  totalFen: number | null;
  submittedAt: string;
}
/** 开标记录 as stored in `tender_openings.record`; the PDF is rendered from the same object. */
export interface OpeningRecord extends OpeningRecordDoc {
  bids: OpenedBidRecord[];
}
/** 评分表 as stored in `tender_evaluations.table`: the ranked rows and every score ever entered (留痕). */
export interface EvaluationTable {
  rows: (ScoredBid & {
    bidderOrgId: string;
    bidderName: string;
    technicalByEvaluator: { evaluatorName: string; score: number | null }[];
  })[];
  history: {
    bidId: string;
    bidderName: string;
    evaluatorName: string;
    score: number;
    note: string;
    createdAt: string;
  }[];
}

/**
 * 招标 a tender on a demand. Once published its deadline never moves earlier, and bids are sealed to its public
 * key; the private key is in `tender_keys`, released only by `tender_release_key()` at or after the deadline by
 * the database's own clock (custom migration 0012).
 */
export const tenders = pgTable(
  'tenders',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    demandId: uuid('demand_id').notNull(),
    title: text('title').notNull(),
    projectName: text('project_name').notNull(),
    mode: text('mode').notNull(),
    status: text('status').notNull(),
    version: integer('version').notNull().default(1),
    deadline: ts('deadline').notNull(),
    description: text('description').notNull(),
    items: jsonb('items').$type<BoqItemRow[]>().notNull(),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    demandType: text('demand_type').notNull(),
    qualificationKind: text('qualification_kind').notNull(),
    qualificationGrade: text('qualification_grade').notNull(),
    weights: jsonb('weights').$type<WeightsRow>().notNull(),
    awardResponseDays: integer('award_response_days').notNull(),
    /** 截止自动开标: the deadline job opens the bids; false → the buyer opens them (e.g. at an opening meeting) */
    autoOpen: boolean('auto_open').notNull().default(true),
    plannedStart: date('planned_start', { mode: 'string' }),
    plannedEnd: date('planned_end', { mode: 'string' }),
    /** X25519 public key (SPKI DER, base64) bids are sealed to */
    publicKey: text('public_key'),
    publishedAt: ts('published_at'),
    publishedSha256: text('published_sha256'),
    contractId: uuid('contract_id'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('tenders_id_idx').on(t.id),
    index('tenders_status_idx').on(t.status, t.deadline),
  ],
);

/**
 * The tender's private key, encrypted under the master key. Nothing selects from this table: the key is read
 * only through `tender_release_key(tender_id)`, which refuses before the deadline. Rows are immutable.
 */
export const tenderKeys = pgTable('tender_keys', {
  tenderId: uuid('tender_id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  privateKeyEnc: text('private_key_enc').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** 邀请 the organisations invited to an invited tender. */
export const tenderInvitations = pgTable(
  'tender_invitations',
  {
    orgId: uuid('org_id').notNull(),
    tenderId: uuid('tender_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.tenderId] })],
);

/** 补遗 an addendum: version n+1 of the tender, hashed into the evidence log. */
export const tenderAddenda = pgTable(
  'tender_addenda',
  {
    tenderId: uuid('tender_id').notNull(),
    orgId: uuid('org_id').notNull(),
    versionNo: integer('version_no').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    deadline: ts('deadline').notNull(),
    sha256: text('sha256').notNull(),
    evidenceIndex: bigint('evidence_index', { mode: 'number' }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenderId, t.versionNo] })],
);

/**
 * 投标 one organisation's sealed bid on a tender: only the envelope (X25519 + HKDF-SHA256 + AES-256-GCM) and its
 * hash are stored. The database refuses any insert, change or delete once the deadline has passed.
 */
export const tenderBids = pgTable(
  'tender_bids',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    tenderId: uuid('tender_id').notNull(),
    status: text('status').notNull(),
    revision: integer('revision').notNull(),
    envelope: text('envelope').notNull(),
    envelopeSha256: text('envelope_sha256').notNull(),
    confirmedVersion: integer('confirmed_version').notNull(),
    evidenceIndex: bigint('evidence_index', { mode: 'number' }),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('tender_bids_id_idx').on(t.id),
    uniqueIndex('tender_bids_tender_org_idx').on(t.tenderId, t.orgId),
  ],
);

/** 回执 every submission, confirmation and withdrawal of a bid, append-only. */
export const tenderBidReceipts = pgTable(
  'tender_bid_receipts',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    bidId: uuid('bid_id').notNull(),
    tenderId: uuid('tender_id').notNull(),
    action: text('action').notNull(),
    revision: integer('revision').notNull(),
    tenderVersion: integer('tender_version').notNull(),
    envelopeSha256: text('envelope_sha256').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('tender_bid_receipts_bid_idx').on(t.bidId)],
);

/** 开标记录 the bid opening record: what was opened, when, and its hash in the evidence log. */
export const tenderOpenings = pgTable('tender_openings', {
  tenderId: uuid('tender_id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  openedAt: ts('opened_at').notNull(),
  openedBy: uuid('opened_by'),
  record: jsonb('record').$type<OpeningRecord>().notNull(),
  /** the opening record as PDF; its hash is the one in the evidence log */
  fileId: uuid('file_id').notNull(),
  sha256: text('sha256').notNull(),
  evidenceIndex: bigint('evidence_index', { mode: 'number' }).notNull(),
});

/** 评标专家 members of the buyer organisation named to score this tender. */
export const tenderEvaluators = pgTable(
  'tender_evaluators',
  {
    tenderId: uuid('tender_id').notNull(),
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    addedBy: uuid('added_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenderId, t.userId] })],
);

/** 评分记录 every technical score and every change of one, append-only (评分过程全程留痕). */
export const tenderScores = pgTable(
  'tender_scores',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    tenderId: uuid('tender_id').notNull(),
    bidId: uuid('bid_id').notNull(),
    evaluatorUserId: uuid('evaluator_user_id').notNull(),
    score: integer('score').notNull(),
    note: text('note').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('tender_scores_tender_idx').on(t.tenderId)],
);

/** 评标报告 the finalised scoring table and ranking, hashed into the evidence log. */
export const tenderEvaluations = pgTable('tender_evaluations', {
  tenderId: uuid('tender_id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  table: jsonb('table').$type<EvaluationTable>().notNull(),
  /** the table and ranking as PDF; its hash is the one in the evidence log */
  fileId: uuid('file_id').notNull(),
  sha256: text('sha256').notNull(),
  evidenceIndex: bigint('evidence_index', { mode: 'number' }).notNull(),
  finalisedBy: uuid('finalised_by').notNull(),
  finalisedAt: ts('finalised_at').notNull(),
});

/** 定标 an award offer to one bidder; a decline or lapse passes it to the next ranked bidder (award cascade). */
export const tenderAwards = pgTable(
  'tender_awards',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    tenderId: uuid('tender_id').notNull(),
    bidId: uuid('bid_id').notNull(),
    bidderOrgId: uuid('bidder_org_id').notNull(),
    rank: integer('rank').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    status: text('status').notNull(),
    offeredAt: ts('offered_at').notNull(),
    respondBy: ts('respond_by').notNull(),
    respondedAt: ts('responded_at'),
    respondedBy: uuid('responded_by'),
    reason: text('reason'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('tender_awards_id_idx').on(t.id),
    uniqueIndex('tender_awards_rank_idx').on(t.tenderId, t.rank),
  ],
);
