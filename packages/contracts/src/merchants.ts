import { z } from 'zod';
import { Id } from './common';
import { FileMeta } from './files';
import { PROVINCE_CODES } from './regions';
import { DateOnly, Verification, VerificationPackage } from './verification';

/** 入驻流程阶段 stages of the merchant onboarding pipeline. */
export const MERCHANT_STAGES = [
  'needs_correction',
  'in_review',
  'inspection',
  'agreement',
  'active',
  'rejected',
  'suspended',
] as const;
export const MerchantStage = z.enum(MERCHANT_STAGES);
export type MerchantStage = z.infer<typeof MerchantStage>;

/** 商家分层 brand merchants (target 30%) and potential merchants (70%). */
export const MerchantTier = z.enum(['brand', 'potential']);
export type MerchantTier = z.infer<typeof MerchantTier>;

export const MerchantCategory = z.object({
  code: z.string(),
  name: z.object({ 'zh-CN': z.string(), en: z.string() }),
  /** 重点类目: on-site inspection with video before approval */
  key: z.boolean(),
});
export const MerchantCategoryList = z.object({ items: z.array(MerchantCategory) });
export const MerchantCategoryParams = z.object({ categoryCode: z.string().regex(/^[a-z_]{2,40}$/) });
export const UpdateMerchantCategoryBody = z.object({ key: z.boolean() });

export const ServiceRegion = z.string().refine((v) => PROVINCE_CODES.includes(v), { message: 'REGION_CODE_INVALID' });

/** 店铺资料 the merchant's public profile; checked against the banned-claims list. */
export const MerchantProfileBody = z.object({
  shopName: z.string().trim().min(2).max(60),
  profile: z.string().trim().min(10).max(2000),
});

export const MerchantApplicationBody = MerchantProfileBody.extend({
  categoryCode: z.string().min(2).max(40),
  serviceRegions: z.array(ServiceRegion).min(1).max(34),
  verification: VerificationPackage,
});
export type MerchantApplicationInput = z.input<typeof MerchantApplicationBody>;

export const MerchantAgreement = z.object({
  version: z.string(),
  title: z.string(),
  text: z.string(),
  sha256: z.string(),
});

export const SlaTimer = z.object({
  /** 自动核验反馈 + 人工审核结论: within 1 working day of submission */
  feedbackDueAt: z.iso.datetime(),
  /** whole cycle from first submission to active: within 3 working days */
  cycleDueAt: z.iso.datetime(),
  /** working days elapsed since first submission (official calendar) */
  elapsedWorkingDays: z.number(),
  overdue: z.boolean(),
});

export const Takedown = z.object({
  id: Id,
  reason: z.string(),
  at: z.iso.datetime(),
});

export const MerchantApplication = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string(),
  stage: MerchantStage,
  category: MerchantCategory,
  serviceRegions: z.array(z.string()),
  shopName: z.string(),
  profile: z.string(),
  tier: MerchantTier.nullable(),
  verification: Verification,
  reviewReasons: z.array(z.string()),
  suspendedReason: z.string().nullable(),
  inspection: z
    .object({
      scheduledFor: z.string(),
      inspector: z.string(),
      video: FileMeta.nullable(),
      result: z.enum(['passed', 'failed']).nullable(),
      notes: z.string().nullable(),
    })
    .nullable(),
  agreement: MerchantAgreement.nullable(),
  agreementAcceptedAt: z.iso.datetime().nullable(),
  firstSubmittedAt: z.iso.datetime(),
  submittedAt: z.iso.datetime(),
  activatedAt: z.iso.datetime().nullable(),
  sla: SlaTimer,
  takedown: Takedown.nullable(),
  history: z.array(z.object({ stage: MerchantStage, at: z.iso.datetime(), by: z.string().nullable() })),
});
export type MerchantApplication = z.infer<typeof MerchantApplication>;
export const MaybeMerchantApplication = z.object({ application: MerchantApplication.nullable() });

export const MerchantApplicationParams = z.object({ applicationId: Id });
export const MerchantFileParams = z.object({ applicationId: Id, fileId: Id });

export const MerchantDecisionBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    reasons: z.array(z.string().trim().min(2).max(300)).max(10).default([]),
    /** assigned at approval */
    tier: MerchantTier.optional(),
  })
  .refine((b) => b.decision === 'approve' || b.reasons.length > 0, {
    message: 'REVIEW_REASON_REQUIRED',
    path: ['reasons'],
  })
  .refine((b) => b.decision === 'reject' || b.tier !== undefined, { message: 'TIER_REQUIRED', path: ['tier'] });

export const ScheduleInspectionBody = z.object({
  scheduledFor: DateOnly,
  inspector: z.string().trim().min(2).max(50),
});
export const InspectionResultBody = z
  .object({
    result: z.enum(['passed', 'failed']),
    notes: z.string().trim().max(1000).default(''),
  })
  .refine((b) => b.result === 'passed' || b.notes.length >= 2, { message: 'REVIEW_REASON_REQUIRED', path: ['notes'] });

export const AcceptAgreementBody = z.object({ agreementVersion: z.string(), accept: z.literal(true) });

export const MerchantBoardItem = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string(),
  shopName: z.string(),
  stage: MerchantStage,
  category: MerchantCategory,
  tier: MerchantTier.nullable(),
  firstSubmittedAt: z.iso.datetime(),
  stageEnteredAt: z.iso.datetime(),
  sla: SlaTimer,
});

export const MerchantBoard = z.object({
  stages: z.array(
    z.object({
      stage: MerchantStage,
      count: z.number().int(),
      /** mean working days spent in this stage by applications that have left it */
      avgWorkingDays: z.number().nullable(),
    }),
  ),
  cycle: z.object({
    /** mean working days from first submission to active */
    avgWorkingDays: z.number().nullable(),
    samples: z.number().int(),
    targetWorkingDays: z.number(),
    /** share of first feedback within 1 working day, basis points */
    feedbackOnTimeBp: z.number().int().nullable(),
  }),
  passRate: z.object({
    approved: z.number().int(),
    decided: z.number().int(),
    rateBp: z.number().int().nullable(),
    targetMaxBp: z.number().int(),
  }),
  brandShare: z.object({
    brand: z.number().int(),
    active: z.number().int(),
    shareBp: z.number().int().nullable(),
    targetBp: z.number().int(),
  }),
  overdue: z.number().int(),
  calendarCovered: z.boolean(),
  items: z.array(MerchantBoardItem),
});
export type MerchantBoard = z.infer<typeof MerchantBoard>;

export const TierEvaluationResult = z.object({
  evaluated: z.number().int(),
  changed: z.number().int(),
  withoutData: z.number().int(),
});
