import { z } from 'zod';
import { Id } from './common';
import { CreditGrade } from './tendering';

/** 评价维度 the aspects a trading partner rates, 1–5 stars each. */
export const RATING_ASPECTS = ['quality', 'timeliness', 'cooperation', 'payment'] as const;
export type RatingAspect = (typeof RATING_ASPECTS)[number];

/**
 * 行业口碑 a rating of the other party of a signed contract. Stars are integers; the range 1–5 is checked by the
 * service so the refusal carries both languages.
 */
export const RatingBody = z.object({
  contractId: Id,
  ratedOrgId: Id,
  stars: z.object({
    quality: z.number().int(),
    timeliness: z.number().int(),
    cooperation: z.number().int(),
    payment: z.number().int(),
  }),
  comment: z.string().trim().max(1000).default(''),
});
export type RatingBody = z.infer<typeof RatingBody>;

export const RatingView = z.object({
  id: Id,
  contractId: Id,
  raterOrgId: Id,
  ratedOrgId: Id,
  stars: z.object({ quality: z.number(), timeliness: z.number(), cooperation: z.number(), payment: z.number() }),
  comment: z.string(),
  createdAt: z.iso.datetime(),
});

/** 五维 the five dimensions of the rating. */
export const CREDIT_DIMENSIONS = ['performance', 'transactions', 'reputation', 'qualification', 'social'] as const;
export type CreditDimension = (typeof CREDIT_DIMENSIONS)[number];

const Weights = z.object({
  performance: z.number().int().min(0).max(100),
  transactions: z.number().int().min(0).max(100),
  reputation: z.number().int().min(0).max(100),
  qualification: z.number().int().min(0).max(100),
  social: z.number().int().min(0).max(100),
});

/** 评级政策 weights (percent, summing to 100), minimum total score per grade, and the prior strength. */
export const CreditPolicyBody = z.object({
  weights: Weights,
  thresholds: z.object({
    AAA: z.number().int().min(0).max(100),
    AA: z.number().int().min(0).max(100),
    A: z.number().int().min(0).max(100),
    B: z.number().int().min(0).max(100),
  }),
  /** pseudo-observations of the prior each indicator is shrunk toward */
  priorStrength: z.number().int().min(0).max(100),
  note: z.string().trim().max(500).default(''),
});
export type CreditPolicyBody = z.infer<typeof CreditPolicyBody>;

export const IndicatorView = z.object({
  key: z.string(),
  label: z.object({ 'zh-CN': z.string(), en: z.string() }),
  /** the observed rate 0–1 (null without data), its evidence count and the shrunk value 0–100 */
  observed: z.number().nullable(),
  evidence: z.number(),
  score: z.number(),
  thin: z.boolean(),
});
export const DimensionView = z.object({
  key: z.enum(CREDIT_DIMENSIONS),
  score: z.number(),
  weight: z.number(),
  thin: z.boolean(),
  indicators: z.array(IndicatorView),
});
export const CreditMonthView = z.object({
  month: z.string(),
  score: z.number(),
  grade: CreditGrade,
  policyVersion: z.number(),
  thin: z.boolean(),
  dimensions: z.array(DimensionView),
  explanation: z.array(
    z.object({ key: z.string(), label: z.object({ 'zh-CN': z.string(), en: z.string() }), delta: z.number() }),
  ),
  computedAt: z.iso.datetime(),
});
export const CreditOverrideView = z.object({
  grade: CreditGrade,
  reason: z.string(),
  expiresOn: z.string(),
  approvedBy: Id,
});
/**
 * 信用等级 of the organisations a page shows (search hits, bidders, parties): the grade only, for any signed-in
 * user, as trading partners see it next to a name. Up to 100 ids, comma-separated.
 */
export const CreditGradesQuery = z.object({
  orgIds: z
    .string()
    .transform((value) => [...new Set(value.split(',').filter(Boolean))])
    .pipe(z.array(Id).min(1).max(100)),
});
export const CreditGradesView = z.object({
  items: z.array(z.object({ orgId: Id, grade: CreditGrade })),
});

/** How a decided dispute ended for one party. */
export const DisputeResult = z.enum(['won', 'lost', 'split', 'withdrawn']);
export type DisputeResult = z.infer<typeof DisputeResult>;

export const CreditProfileView = z.object({
  orgId: Id,
  /** the grade in force: manual review over the computed rating over an outside assessment */
  grade: CreditGrade.nullable(),
  source: z.enum(['review', 'computed', 'outside', 'none']),
  latest: CreditMonthView.nullable(),
  history: z.array(z.object({ month: z.string(), score: z.number(), grade: CreditGrade })),
  override: CreditOverrideView.nullable(),
  ratingsReceived: z.number(),
  /** 纠纷结果 the latest decided disputes, newest first, and the month whose rating counts each */
  disputeResults: z.array(
    z.object({
      result: DisputeResult,
      level: z.number().int(),
      decidedAt: z.iso.datetime(),
      countsInMonth: z.string(),
    }),
  ),
  advice: z.array(z.object({ 'zh-CN': z.string(), en: z.string() })),
});

/** 人工复核 a staff review of a rating: a grade that holds until `expiresOn` or the next review. */
export const CreditReviewBody = z.object({
  grade: CreditGrade,
  reason: z.string().trim().min(4).max(500),
  expiresOn: z.iso.date(),
});
export const PendingRequestView = z.object({
  requestId: Id,
  status: z.literal('pending'),
  summary: z.object({ 'zh-CN': z.string(), en: z.string() }),
});

/** 纳税申报 the organisation's own declaration of a tax year (the built-in tax-record source). */
export const TaxDeclarationBody = z.object({
  year: z.number().int().min(2000).max(2100),
  paidOnTime: z.boolean(),
});

export const RecalculateBody = z.object({
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
});

export const ContractRatingsParams = z.object({ orgId: Id, contractId: Id });
export const CreditPolicyView = z.object({
  version: z.number(),
  weights: CreditPolicyBody.shape.weights,
  thresholds: CreditPolicyBody.shape.thresholds,
  priorStrength: z.number(),
});
