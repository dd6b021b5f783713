import { z } from 'zod';
import { Id } from './common';
import { DateOnly } from './verification';

export const POLICY_KINDS = [
  'base_rate',
  'entry_fee',
  'entry_fee_waiver',
  'sales_tier_discount',
  'category_promotion',
  'new_merchant_boost',
  'platform_fee',
] as const;
export const PolicyKind = z.enum(POLICY_KINDS);
export type PolicyKind = z.infer<typeof PolicyKind>;

const Bp = z.number().int().min(0).max(10_000);
const Fen = z.number().int().min(0).max(1e15);

/** Parameters of each kind of policy; money in fen, percentages in basis points. */
export const PolicyParams = z.discriminatedUnion('kind', [
  /** 基础佣金 commission rate on monthly sales */
  z.object({ kind: z.literal('base_rate'), rateBp: Bp }),
  /** 入驻费 annual entry fee, due in the activation month and each anniversary month */
  z.object({ kind: z.literal('entry_fee'), annualFeeFen: Fen }),
  /** 首年入驻费减免 for merchants activated before the cutoff date */
  z.object({
    kind: z.literal('entry_fee_waiver'),
    activatedBefore: DateOnly,
    waivedYears: z.number().int().min(1).max(5),
  }),
  /** 阶梯佣金优惠 discount by monthly sales: the tier with the highest minSalesFen ≤ sales applies */
  z.object({
    kind: z.literal('sales_tier_discount'),
    tiers: z
      .array(z.object({ minSalesFen: Fen, discountBp: Bp }))
      .min(1)
      .max(10),
  }),
  /** 品类专项扶持 e.g. half commission for 6 months after activation in the listed categories */
  z.object({
    kind: z.literal('category_promotion'),
    categoryCodes: z.array(z.string()).min(1).max(50),
    discountBp: Bp,
    months: z.number().int().min(1).max(36),
  }),
  /** 新商家流量扶持 ranking boost for the first months after activation; 2000 = +20% */
  z.object({ kind: z.literal('new_merchant_boost'), boostBp: Bp, months: z.number().int().min(1).max(24) }),
  /** 平台服务费 the escrow service fee on each gross milestone release, borne by the payee; 20 = 0.2% */
  z.object({ kind: z.literal('platform_fee'), rateBp: z.number().int().min(0).max(500) }),
]);
export type PolicyParams = z.infer<typeof PolicyParams>;

export const CommissionPolicy = z.object({
  policyId: Id,
  version: z.number().int(),
  name: z.string(),
  params: PolicyParams,
  active: z.boolean(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  note: z.string().nullable(),
  recordedAt: z.iso.datetime(),
  requestedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
});
export type CommissionPolicy = z.infer<typeof CommissionPolicy>;
export const CommissionPolicyList = z.object({ items: z.array(CommissionPolicy) });
export const CommissionPolicyParams = z.object({ policyId: Id });

/** A change (new policy or new version) goes through dual control. */
export const ChangePolicyBody = z
  .object({
    /** absent: a new policy */
    policyId: Id.optional(),
    name: z.string().trim().min(2).max(60),
    params: PolicyParams,
    active: z.boolean(),
    effectiveFrom: DateOnly,
    effectiveTo: DateOnly.nullable(),
    note: z.string().trim().max(300).optional(),
  })
  .refine((b) => b.effectiveTo === null || b.effectiveTo >= b.effectiveFrom, {
    message: 'DATE_RANGE_INVALID',
    path: ['effectiveTo'],
  });

export const CommissionQuery = z.object({
  orgId: Id,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'MONTH_INVALID' }),
  salesFen: z.coerce.number().int().min(0).max(1e15),
  /** reproduce a past calculation: use the policy versions recorded up to this instant */
  asOf: z.iso.datetime().optional(),
});

export const CommissionResult = z.object({
  orgId: Id,
  orgName: z.string(),
  month: z.string(),
  salesFen: z.number().int(),
  asOf: z.iso.datetime(),
  baseRateBp: z.number().int(),
  grossCommissionFen: z.number().int(),
  commissionFen: z.number().int(),
  entryFeeDueFen: z.number().int(),
  entryFeeWaivedFen: z.number().int(),
  totalFen: z.number().int(),
  applied: z.array(
    z.object({
      policyId: Id,
      version: z.number().int(),
      name: z.string(),
      kind: PolicyKind,
      effect: z.object({ 'zh-CN': z.string(), en: z.string() }),
    }),
  ),
});
export type CommissionResult = z.infer<typeof CommissionResult>;

export const PolicyChangeRequested = z.object({
  requestId: Id,
  status: z.literal('pending'),
  summary: z.object({ 'zh-CN': z.string(), en: z.string() }),
});
