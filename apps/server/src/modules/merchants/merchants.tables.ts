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

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 商家类目 merchant categories; operators mark the key ones (重点类目) that need an on-site inspection. */
export const merchantCategories = pgTable('merchant_categories', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  key: boolean('key').notNull().default(false),
  position: integer('position').notNull().default(0),
});

/** 入驻申请 a merchant application, from first submission to active (or rejected). */
export const merchantApplications = pgTable(
  'merchant_applications',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    stage: text('stage').notNull(),
    categoryCode: text('category_code').notNull(),
    serviceRegions: text('service_regions').array().notNull(),
    shopName: text('shop_name').notNull(),
    profile: text('profile').notNull(),
    tier: text('tier'),
    verificationId: uuid('verification_id').notNull(),
    reviewReasons: jsonb('review_reasons').$type<string[]>().notNull().default([]),
    /** the reviewer of the documents (first review); a key category's inspection needs a second reviewer */
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: ts('reviewed_at'),
    inspectionScheduledFor: date('inspection_scheduled_for', { mode: 'string' }),
    inspector: text('inspector'),
    inspectionVideoFileId: uuid('inspection_video_file_id'),
    inspectionResult: text('inspection_result'),
    inspectionNotes: text('inspection_notes'),
    inspectedBy: uuid('inspected_by'),
    agreementVersion: text('agreement_version'),
    agreementSha256: text('agreement_sha256'),
    agreementAcceptedAt: ts('agreement_accepted_at'),
    agreementAcceptedBy: uuid('agreement_accepted_by'),
    suspendedReason: text('suspended_reason'),
    firstSubmittedAt: ts('first_submitted_at').notNull(),
    submittedAt: ts('submitted_at').notNull(),
    stageEnteredAt: ts('stage_entered_at').notNull(),
    activatedAt: ts('activated_at'),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('merchant_applications_id_idx').on(t.id),
    index('merchant_applications_stage_idx').on(t.stage),
  ],
);

/** Every stage an application entered, with when and by whom: the board's cycle times come from here. */
export const merchantStageEvents = pgTable(
  'merchant_stage_events',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    applicationId: uuid('application_id').notNull(),
    stage: text('stage').notNull(),
    enteredAt: ts('entered_at').notNull(),
    byName: text('by_name'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('merchant_stage_events_application_idx').on(t.applicationId)],
);

/** 商家分层变更 tier assignments and re-evaluations, with the reason. */
export const merchantTierHistory = pgTable(
  'merchant_tier_history',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    applicationId: uuid('application_id').notNull(),
    fromTier: text('from_tier'),
    toTier: text('to_tier').notNull(),
    reason: jsonb('reason').$type<{ 'zh-CN': string; en: string }>().notNull(),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/**
 * 商家销售 a merchant's sales on the platform: one row per settlement statement sealed with the organisation as the
 * supplier (payee), recorded from `settlement.sealed` in the sealing transaction. The tier re-evaluation reads it.
 */
export const merchantSales = pgTable(
  'merchant_sales',
  {
    orgId: uuid('org_id').notNull(),
    settlementId: uuid('settlement_id').notNull(),
    buyerOrgId: uuid('buyer_org_id').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    soldAt: ts('sold_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.settlementId] }), index('merchant_sales_sold_at').on(t.soldAt)],
);
