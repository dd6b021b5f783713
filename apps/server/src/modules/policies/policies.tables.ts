import { customType, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * 政策 one row per policy: its state and a copy of the version in force, which is what the policy search reads.
 * `tokens` and `trgm_text` are the policy's own index, cut by the search module's segmenter (ADR 0103); the GIN
 * indexes on them are created in the custom migration next to this table's.
 */
export const policies = pgTable(
  'policies',
  {
    id: uuid('id').primaryKey(),
    /** draft → published → withdrawn (废止) */
    status: text('status').notNull(),
    /** the version in force (the newest) */
    versionNo: integer('version_no').notNull(),
    /** bumped by every save: an edit names the revision it started from (optimistic check) */
    revision: integer('revision').notNull(),
    title: text('title').notNull(),
    issuer: text('issuer').notNull(),
    docNumber: text('doc_number').notNull(),
    issueDate: day('issue_date').notNull(),
    effectiveDate: day('effective_date').notNull(),
    expiryDate: day('expiry_date'),
    /** null: nationwide */
    regionCode: text('region_code'),
    category: text('category').notNull(),
    tags: text('tags').array().notNull(),
    summary: text('summary').notNull(),
    tokens: tsvector('tokens').notNull(),
    trgmText: text('trgm_text').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    publishedAt: ts('published_at'),
    withdrawnAt: ts('withdrawn_at'),
    withdrawnBy: uuid('withdrawn_by'),
    withdrawReason: text('withdraw_reason'),
  },
  (t) => [
    index('policies_status_issue_idx').on(t.status, t.issueDate, t.id),
    index('policies_region_idx').on(t.regionCode),
    index('policies_category_idx').on(t.category),
  ],
);

/** 版本 every version of a policy, kept: the text and the interpretation as they were saved. */
export const policyVersions = pgTable(
  'policy_versions',
  {
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    versionNo: integer('version_no').notNull(),
    title: text('title').notNull(),
    issuer: text('issuer').notNull(),
    docNumber: text('doc_number').notNull(),
    issueDate: day('issue_date').notNull(),
    effectiveDate: day('effective_date').notNull(),
    expiryDate: day('expiry_date'),
    regionCode: text('region_code'),
    category: text('category').notNull(),
    tags: text('tags').array().notNull(),
    fullText: text('full_text').notNull(),
    pdfFileId: uuid('pdf_file_id'),
    keyPoints: text('key_points').notNull(),
    impact: text('impact').notNull(),
    affected: text('affected').notNull(),
    changeNote: text('change_note').notNull(),
    editedBy: uuid('edited_by').notNull(),
    editedAt: ts('edited_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.policyId, t.versionNo] })],
);

/** 政策订阅 a member's standing search by region and/or category (and keyword); only its owner sees it. */
export const policySubscriptions = pgTable(
  'policy_subscriptions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    regionCode: text('region_code'),
    category: text('category'),
    keyword: text('keyword'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('policy_subscriptions_user_idx').on(t.userId, t.createdAt)],
);

/** 已通知 one row per subscriber and policy, so a subscriber is told about a policy once. */
export const policyNotices = pgTable(
  'policy_notices',
  {
    policyId: uuid('policy_id').notNull(),
    userId: uuid('user_id').notNull(),
    notifiedAt: ts('notified_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.policyId, t.userId] })],
);
