import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 收藏 a person's favourite within an organisation: a listing, a merchant or a project. The title and the owner's
 * name are copied when starred, so 我的收藏 lists without asking three modules; a removed target stays listed.
 */
export const favourites = pgTable(
  'favourites',
  {
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** listing | merchant | project */
    kind: text('kind').notNull(),
    targetId: uuid('target_id').notNull(),
    title: text('title').notNull(),
    targetOrgId: uuid('target_org_id').notNull(),
    targetOrgName: text('target_org_name').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('favourites_target_uq').on(t.orgId, t.userId, t.kind, t.targetId),
    index('favourites_list_idx').on(t.orgId, t.userId, t.createdAt),
  ],
);

/** 询价单 a buyer's request for quotes, for a listing or a bill of quantities, with a response deadline. */
export const inquiries = pgTable(
  'inquiries',
  {
    id: uuid('id').primaryKey(),
    buyerOrgId: uuid('buyer_org_id').notNull(),
    createdBy: uuid('created_by').notNull(),
    title: text('title').notNull(),
    listingId: uuid('listing_id'),
    /** 工程量清单 [{ material, spec, unit, quantity }] */
    lines: jsonb('lines').$type<{ material: string; spec: string; unit: string; quantity: number }[]>().notNull(),
    respondBy: ts('respond_by').notNull(),
    note: text('note').notNull(),
    /** open | accepted */
    status: text('status').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('inquiries_buyer_idx').on(t.buyerOrgId, t.createdAt)],
);

/**
 * 询价进度 one merchant's side of an inquiry and its quote: sent → viewed → quoted | declined → accepted | lost.
 * One row per merchant, so a merchant quotes at most once.
 */
export const inquiryEngagements = pgTable(
  'inquiry_engagements',
  {
    id: uuid('id').primaryKey(),
    inquiryId: uuid('inquiry_id')
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    status: text('status').notNull(),
    sentAt: ts('sent_at').notNull(),
    viewedAt: ts('viewed_at'),
    quotedAt: ts('quoted_at'),
    declinedAt: ts('declined_at'),
    /** when the buyer's decision made this engagement accepted or lost */
    decidedAt: ts('decided_at'),
    declineReason: text('decline_reason'),
    /** 单价 in fen per line, in the inquiry's line order */
    unitPricesFen: jsonb('unit_prices_fen').$type<number[]>(),
    totalFen: bigint('total_fen', { mode: 'number' }),
    deliveryDays: integer('delivery_days'),
    validUntil: ts('valid_until'),
    quoteNote: text('quote_note'),
    quotedBy: uuid('quoted_by'),
  },
  (t) => [
    uniqueIndex('inquiry_engagements_merchant_uq').on(t.inquiryId, t.merchantOrgId),
    index('inquiry_engagements_inbox_idx').on(t.merchantOrgId, t.sentAt),
  ],
);

/**
 * 采购订单 the order an accepted quote becomes. One per inquiry (unique), which is also what lets exactly one of
 * two concurrent acceptances win.
 */
export const inquiryOrders = pgTable(
  'inquiry_orders',
  {
    id: uuid('id').primaryKey(),
    orderNo: text('order_no').notNull(),
    inquiryId: uuid('inquiry_id')
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    engagementId: uuid('engagement_id').notNull(),
    buyerOrgId: uuid('buyer_org_id').notNull(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    acceptedBy: uuid('accepted_by').notNull(),
    /** the purchase contract drafted from the order, through the contracts module */
    contractId: uuid('contract_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('inquiry_orders_inquiry_uq').on(t.inquiryId), uniqueIndex('inquiry_orders_no_uq').on(t.orderNo)],
);
