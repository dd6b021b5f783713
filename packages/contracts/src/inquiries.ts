import { z } from 'zod';
import { Id } from './common';

/** 收藏 what a buyer can favourite: a resource library listing, a merchant (organisation) or a project */
export const FAVOURITE_KINDS = ['listing', 'merchant', 'project'] as const;
export const FavouriteKind = z.enum(FAVOURITE_KINDS);
export type FavouriteKind = z.infer<typeof FavouriteKind>;

export const Favourite = z.object({
  kind: FavouriteKind,
  targetId: Id,
  title: z.string(),
  /** the organisation behind the target (the listing's or project's owner, the merchant itself) */
  targetOrgId: Id,
  targetOrgName: z.string(),
  createdAt: z.iso.datetime(),
});
export type Favourite = z.infer<typeof Favourite>;
export const FavouriteList = z.object({ items: z.array(Favourite) });
export type FavouriteList = z.infer<typeof FavouriteList>;

export const AddFavouriteBody = z.object({ kind: FavouriteKind, targetId: Id });
export type AddFavouriteBody = z.input<typeof AddFavouriteBody>;
export const FavouriteQuery = z.object({ kind: FavouriteKind.optional() });
export const FavouriteParams = z.object({ orgId: Id, kind: FavouriteKind, targetId: Id });

/**
 * 询价进度 one merchant's engagement with an inquiry: sent → viewed → quoted or declined → accepted or lost
 * (lost: the buyer accepted another merchant's quote).
 */
export const ENGAGEMENT_STATUSES = ['sent', 'viewed', 'quoted', 'declined', 'accepted', 'lost'] as const;
export const EngagementStatus = z.enum(ENGAGEMENT_STATUSES);
export type EngagementStatus = z.infer<typeof EngagementStatus>;

/** open (quotes come in) → accepted (one quote accepted; an order is recorded) */
export const INQUIRY_STATUSES = ['open', 'accepted'] as const;
export const InquiryStatus = z.enum(INQUIRY_STATUSES);
export type InquiryStatus = z.infer<typeof InquiryStatus>;

/** 工程量清单 one line of a bill of quantities asked for */
export const InquiryLine = z.object({
  material: z.string().trim().min(1).max(100),
  spec: z.string().trim().max(200).default(''),
  unit: z.string().trim().min(1).max(20),
  /** positive, at most three decimals */
  quantity: z.number().positive().max(1e9),
});
export type InquiryLine = z.infer<typeof InquiryLine>;

export const CreateInquiryBody = z.object({
  title: z.string().trim().min(1).max(120),
  /** the listing the inquiry starts from, if any */
  listingId: Id.nullable().default(null),
  merchantOrgIds: z.array(Id).min(1).max(20),
  lines: z.array(InquiryLine).min(1).max(100),
  /** 报价截止 the merchants' response deadline */
  respondBy: z.iso.datetime({ offset: true }),
  note: z.string().trim().max(1000).default(''),
});
export type CreateInquiryBody = z.input<typeof CreateInquiryBody>;

/** 报价 a merchant's quote: a unit price in fen per line, the delivery time, how long the prices hold */
export const QuoteBody = z.object({
  unitPricesFen: z.array(z.number().int().nonnegative().max(1e12)).min(1).max(100),
  deliveryDays: z.number().int().min(0).max(3650),
  validDays: z.number().int().min(1).max(365),
  note: z.string().trim().max(1000).default(''),
});
export type QuoteBody = z.input<typeof QuoteBody>;
export const DeclineInquiryBody = z.object({ reason: z.string().trim().max(500).default('') });
export const AcceptQuoteBody = z.object({ engagementId: Id });
export const InquiryContractBody = z.object({
  /** the purchase contract's remaining fields (place, quality, payment, venue); the quote fills the rest */
  variables: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const InquiryParams = z.object({ orgId: Id, inquiryId: Id });

export const Engagement = z.object({
  id: Id,
  merchantOrgId: Id,
  merchantName: z.string(),
  status: EngagementStatus,
  sentAt: z.iso.datetime(),
  viewedAt: z.iso.datetime().nullable(),
  quotedAt: z.iso.datetime().nullable(),
  declinedAt: z.iso.datetime().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  declineReason: z.string().nullable(),
  quote: z
    .object({
      unitPricesFen: z.array(z.number().int()),
      lineTotalsFen: z.array(z.number().int()),
      totalFen: z.number().int(),
      deliveryDays: z.number().int(),
      validUntil: z.iso.datetime(),
      note: z.string(),
    })
    .nullable(),
});
export type Engagement = z.infer<typeof Engagement>;

/** 采购订单 the order recorded when the buyer accepts a quote; a purchase contract can be drafted from it */
export const InquiryOrder = z.object({
  id: Id,
  orderNo: z.string(),
  merchantOrgId: Id,
  amountFen: z.number().int(),
  contractId: Id.nullable(),
  createdAt: z.iso.datetime(),
});

export const Inquiry = z.object({
  id: Id,
  buyerOrgId: Id,
  buyerName: z.string(),
  title: z.string(),
  listingId: Id.nullable(),
  lines: z.array(InquiryLine),
  respondBy: z.iso.datetime(),
  note: z.string(),
  status: InquiryStatus,
  createdAt: z.iso.datetime(),
  /** the caller's side: the buyer sees every engagement, a merchant only its own */
  side: z.enum(['buyer', 'merchant']),
  engagements: z.array(Engagement),
  order: InquiryOrder.nullable(),
});
export type Inquiry = z.infer<typeof Inquiry>;

export const InquirySummary = z.object({
  id: Id,
  title: z.string(),
  buyerName: z.string(),
  status: InquiryStatus,
  respondBy: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  lineCount: z.number().int(),
  /** buyer: merchants asked and quotes in; merchant: its own engagement's status */
  merchantCount: z.number().int(),
  quoteCount: z.number().int(),
  myStatus: EngagementStatus.nullable(),
});
export type InquirySummary = z.infer<typeof InquirySummary>;
export const InquiryList = z.object({ items: z.array(InquirySummary) });
export type InquiryList = z.infer<typeof InquiryList>;
