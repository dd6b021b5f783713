import { z } from 'zod';
import { Id } from './common';
import { DateOnly } from './verification';

/** 基础服务 basic services (free; the first organisations are exempt for good) and 增值服务 value-added ones. */
export const FEE_CATEGORIES = ['basic', 'value_added'] as const;
export const FeeCategory = z.enum(FEE_CATEGORIES);

/**
 * How an item is priced: a price per unit (year, report, week), or a share of a base amount (the finance service
 * fee a lender earns, an escrow release), in basis points.
 */
export const FEE_UNITS = ['per_year', 'per_report', 'per_week', 'share_of_base'] as const;
export const FeeUnit = z.enum(FEE_UNITS);

const Name = z.object({ 'zh-CN': z.string().trim().min(2).max(40), en: z.string().trim().min(2).max(60) });

export const FeeItem = z
  .object({
    code: z.string().regex(/^[a-z][a-z_]{2,39}$/, { message: 'FEE_ITEM_CODE_INVALID' }),
    name: Name,
    category: FeeCategory,
    unit: FeeUnit,
    priceFen: z.number().int().min(0, { message: 'AMOUNT_INVALID' }).max(1e10).nullable(),
    rateBp: z.number().int().min(0).max(10_000).nullable(),
  })
  .refine((i) => (i.unit === 'share_of_base' ? i.rateBp !== null : i.priceFen !== null), {
    message: 'FEE_ITEM_PRICE_MISSING',
    path: ['priceFen'],
  });
export type FeeItem = z.infer<typeof FeeItem>;

/** 收费标准 one version of the fee schedule; a change is a new version after dual control. */
export const FeeScheduleVersion = z.object({
  version: z.number().int(),
  items: z.array(FeeItem),
  /** 种子用户计划 the first N organisations registered pay no basic fees */
  seedUserLimit: z.number().int(),
  effectiveFrom: z.string(),
  note: z.string().nullable(),
  recordedAt: z.iso.datetime(),
  requestedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
});
export type FeeScheduleVersion = z.infer<typeof FeeScheduleVersion>;

export const ChangeFeeScheduleBody = z
  .object({
    items: z.array(FeeItem).min(1).max(30),
    seedUserLimit: z.number().int().min(0).max(1_000_000),
    effectiveFrom: DateOnly,
    note: z.string().trim().max(300).optional(),
  })
  .refine((b) => new Set(b.items.map((i) => i.code)).size === b.items.length, {
    message: 'FEE_ITEM_CODE_DUPLICATE',
    path: ['items'],
  });

export const FeeScheduleChangeRequested = z.object({
  requestId: Id,
  status: z.literal('pending'),
  summary: z.object({ 'zh-CN': z.string(), en: z.string() }),
});

export const SeedUserCounter = z.object({
  limit: z.number().int(),
  /** organisations registered so far, at most the limit */
  taken: z.number().int(),
  remaining: z.number().int(),
  registered: z.number().int(),
});

export const RecordFeeChargeBody = z.object({
  orgId: Id,
  itemCode: z.string().min(1).max(40),
  quantity: z.number().int().min(1, { message: 'QUANTITY_INVALID' }).max(1000, { message: 'QUANTITY_INVALID' }),
  /** for a share: the amount the share is taken of (e.g. the lender's service fee), in fen */
  baseFen: z.number().int().min(1, { message: 'AMOUNT_POSITIVE' }).max(1e13).optional(),
  description: z.string().trim().min(2, { message: 'TEXT_REQUIRED' }).max(200, { message: 'TEXT_TOO_LONG' }),
  /** the business object charged for, unique: a repeat records nothing new */
  reference: z.string().trim().min(3).max(120),
});

export const FeeCharge = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string(),
  itemCode: z.string(),
  itemName: z.object({ 'zh-CN': z.string(), en: z.string() }),
  category: FeeCategory,
  scheduleVersion: z.number().int(),
  description: z.string(),
  quantity: z.number().int(),
  baseFen: z.number().int().nullable(),
  /** the price list's amount before any exemption */
  listFen: z.number().int(),
  amountFen: z.number().int(),
  /** 种子用户免收 a basic fee waived under the seed-user plan */
  exempt: z.boolean(),
  period: z.string(),
  chargedAt: z.iso.datetime(),
  receiptId: Id.nullable(),
});
export type FeeCharge = z.infer<typeof FeeCharge>;

export const FeeReceipt = z.object({
  id: Id,
  receiptNo: z.string(),
  orgId: Id,
  orgName: z.string(),
  period: z.string(),
  totalFen: z.number().int(),
  exemptFen: z.number().int(),
  chargeCount: z.number().int(),
  issuedAt: z.iso.datetime(),
});
export type FeeReceipt = z.infer<typeof FeeReceipt>;

export const IssueReceiptsBody = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'MONTH_INVALID' }),
});
export const IssuedReceipts = z.object({ items: z.array(FeeReceipt) });

export const StaffFeesOverview = z.object({
  schedule: FeeScheduleVersion,
  history: z.array(FeeScheduleVersion),
  seedUsers: SeedUserCounter,
  charges: z.array(FeeCharge),
  receipts: z.array(FeeReceipt),
});
export type StaffFeesOverview = z.infer<typeof StaffFeesOverview>;

export const OrgFees = z.object({
  /** 种子用户 the organisation's place in the seed-user plan, null when it registered after the first N */
  seedUser: z.object({ rank: z.number().int(), limit: z.number().int() }).nullable(),
  schedule: FeeScheduleVersion,
  charges: z.array(FeeCharge),
  receipts: z.array(FeeReceipt),
});
export type OrgFees = z.infer<typeof OrgFees>;

export const FeeReceiptParams = z.object({ orgId: Id, receiptId: Id });
