import { z } from 'zod';
import { Id } from './common';

const Text = z.object({ 'zh-CN': z.string(), en: z.string() });

/** 积分流水 kinds: earned, spent on the catalogue, or a correction that undoes an earlier entry. */
export const POINTS_ENTRY_KINDS = ['earn', 'redeem', 'reverse'] as const;
export const PointsEntryKind = z.enum(POINTS_ENTRY_KINDS);

/** 积分兑换目录 what points buy: reports and event tickets. */
export const POINTS_ITEM_KINDS = ['report', 'ticket'] as const;
export const PointsCatalogueItem = z.object({
  code: z.string(),
  kind: z.enum(POINTS_ITEM_KINDS),
  name: Text,
  points: z.number().int(),
});
export type PointsCatalogueItem = z.infer<typeof PointsCatalogueItem>;

export const PointsEntry = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string(),
  kind: PointsEntryKind,
  /** signed: earned points are positive, redeemed ones negative */
  points: z.number().int(),
  balanceAfter: z.number().int(),
  label: Text,
  userName: z.string().nullable(),
  reversesId: Id.nullable(),
  /** a redemption's delivery: a report or an admission ticket as PDF; `reversed` when staff undid it */
  delivery: z
    .object({ kind: z.enum(POINTS_ITEM_KINDS), ticketNo: z.string().nullable(), reversed: z.boolean() })
    .nullable(),
  createdAt: z.string(),
});
export type PointsEntry = z.infer<typeof PointsEntry>;

export const PointsOverview = z.object({
  balance: z.number().int(),
  earned: z.number().int(),
  redeemed: z.number().int(),
  entries: z.array(PointsEntry),
  catalogue: z.array(PointsCatalogueItem),
});
export type PointsOverview = z.infer<typeof PointsOverview>;

export const RedeemPointsBody = z.object({
  itemCode: z.string().min(1).max(60),
  /** the client's idempotency key: a retried request redeems once */
  requestId: Id,
});

/** 优惠券 states as an organisation sees them. */
export const VOUCHER_STATES = ['available', 'used', 'expired', 'not_yet_valid'] as const;
export const VoucherState = z.enum(VOUCHER_STATES);
export const VOUCHER_KINDS = ['amount', 'percent'] as const;
export const VoucherKind = z.enum(VOUCHER_KINDS);

export const Voucher = z.object({
  id: Id,
  code: z.string(),
  title: Text,
  kind: VoucherKind,
  /** for `amount`: fen off */
  valueFen: z.number().int().nullable(),
  /** for `percent`: percent off (1–100) */
  percent: z.number().int().nullable(),
  /** the most a percent voucher takes off, fen */
  maxDiscountFen: z.number().int().nullable(),
  /** fee item codes the voucher applies to; empty: every platform fee */
  eligibleItems: z.array(z.string()),
  validFrom: z.string(),
  validUntil: z.string(),
  usesPerOrg: z.number().int(),
  used: z.number().int(),
  state: VoucherState,
  source: z.string(),
  redemptions: z.array(z.object({ chargeId: Id, discountFen: z.number().int(), redeemedAt: z.string() })),
});
export type Voucher = z.infer<typeof Voucher>;

/** A platform fee charge a voucher may still be redeemed against (not yet on a receipt). */
export const OpenCharge = z.object({
  id: Id,
  itemCode: z.string(),
  description: z.string(),
  amountFen: z.number().int(),
  chargedAt: z.string(),
  voucherApplied: z.boolean(),
});
export const VoucherList = z.object({ vouchers: z.array(Voucher), openCharges: z.array(OpenCharge) });
export type VoucherList = z.infer<typeof VoucherList>;

export const VoucherParams = z.object({ orgId: Id, voucherId: Id });
export const RedeemVoucherBody = z.object({ chargeId: Id });
export const VoucherRedemption = z.object({
  voucherId: Id,
  chargeId: Id,
  discountFen: z.number().int(),
  redeemedAt: z.string(),
});

/** 推荐 a referral's progress: registered → organisation created → verified → rewarded (or refused). */
export const REFERRAL_STATUSES = ['registered', 'organisation', 'verified', 'transacted'] as const;
export const ReferralStatus = z.enum(REFERRAL_STATUSES);
export const REFERRAL_MILESTONES = ['verified', 'first_transaction'] as const;
export const ReferralMilestone = z.enum(REFERRAL_MILESTONES);
/** Why a reward was refused (反作弊). */
export const REFERRAL_REFUSALS = ['self_referral', 'same_licence', 'same_ip', 'same_device', 'cap_reached'] as const;
export const ReferralRefusal = z.enum(REFERRAL_REFUSALS);

export const ReferralReward = z.object({
  milestone: ReferralMilestone,
  status: z.enum(['granted', 'refused']),
  reason: ReferralRefusal.nullable(),
  voucherId: Id.nullable(),
  decidedAt: z.string(),
});

export const Referral = z.object({
  id: Id,
  referrerOrgId: Id,
  referrerOrgName: z.string(),
  userName: z.string(),
  orgName: z.string().nullable(),
  status: ReferralStatus,
  registeredAt: z.string(),
  rewards: z.array(ReferralReward),
});
export type Referral = z.infer<typeof Referral>;

export const ReferralOverview = z.object({
  code: z.string(),
  /** the registration link carrying the code */
  path: z.string(),
  invited: z.array(Referral),
  granted: z.number().int(),
  cap: z.number().int(),
});
export type ReferralOverview = z.infer<typeof ReferralOverview>;

export const AcceptReferralBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{8}$/, { message: 'REFERRAL_CODE_INVALID' }),
  /** a random id the browser keeps, to spot several accounts made on one device */
  deviceId: z.string().max(80).optional(),
});
export const ReferralAccepted = z.object({ referrerOrgName: z.string() });

export const ReferralDeviceBody = z.object({ deviceId: z.string().max(80).optional() });

export const RewardsStaffOverview = z.object({
  entries: z.array(PointsEntry),
  redemptions: z.array(
    VoucherRedemption.extend({ orgId: Id, orgName: z.string(), voucherCode: z.string(), redeemedBy: z.string() }),
  ),
  referrals: z.array(Referral),
});
export type RewardsStaffOverview = z.infer<typeof RewardsStaffOverview>;
