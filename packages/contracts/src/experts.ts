import { z } from 'zod';
import { Id } from './common';

/**
 * 专家智库 (DATA-6): people apply to be experts with a profile and certificates; reviewers verify them. Enterprise
 * members ask questions, public (a visible, searchable Q&A) or private to one chosen expert (a consultation, free
 * or at the expert's fee); verified experts answer; the asker accepts an answer and rates answers (1–5 stars).
 */
export const EXPERT_SPECIALITIES = [
  'cost',
  'structure',
  'geotechnical',
  'mep',
  'legal',
  'bidding',
  'safety',
  'green',
] as const;
export const ExpertSpeciality = z.enum(EXPERT_SPECIALITIES, { message: 'EXPERT_SPECIALITY_INVALID' });
export type ExpertSpeciality = z.infer<typeof ExpertSpeciality>;
export const EXPERT_SPECIALITY_NAMES: Record<ExpertSpeciality, { 'zh-CN': string; en: string }> = {
  cost: { 'zh-CN': '造价', en: 'Cost' },
  structure: { 'zh-CN': '结构', en: 'Structures' },
  geotechnical: { 'zh-CN': '岩土', en: 'Geotechnical' },
  mep: { 'zh-CN': '机电', en: 'MEP' },
  legal: { 'zh-CN': '法务', en: 'Legal' },
  bidding: { 'zh-CN': '招投标', en: 'Tendering' },
  safety: { 'zh-CN': '安全', en: 'Safety' },
  green: { 'zh-CN': '绿色建筑', en: 'Green building' },
};

export const EXPERT_STATUSES = ['pending', 'verified', 'rejected'] as const;
export const ExpertStatus = z.enum(EXPERT_STATUSES);
export type ExpertStatus = z.infer<typeof ExpertStatus>;

const Text = (min: number, max: number, required: string) =>
  z.string({ message: required }).trim().min(min, { message: required }).max(max, { message: 'TEXT_TOO_LONG' });
/** 行政区划代码: six digits; whether it exists is checked against the regions module. */
const RegionCode = z.string().regex(/^\d{6}$/, { message: 'REGION_CODE_INVALID' });

/** 申请成为专家 (and re-apply after a refusal, or update a profile: it goes back to review). */
export const ExpertApplicationBody = z.object({
  name: Text(2, 40, 'EXPERT_NAME_REQUIRED'),
  /** 职称 e.g. 高级工程师, 一级造价工程师 */
  title: Text(2, 40, 'EXPERT_TITLE_REQUIRED'),
  employer: Text(2, 80, 'EXPERT_EMPLOYER_REQUIRED'),
  years: z
    .number({ message: 'EXPERT_YEARS_INVALID' })
    .int({ message: 'EXPERT_YEARS_INVALID' })
    .min(0, {
      message: 'EXPERT_YEARS_INVALID',
    })
    .max(60, { message: 'EXPERT_YEARS_INVALID' }),
  specialities: z
    .array(ExpertSpeciality, { message: 'EXPERT_SPECIALITY_INVALID' })
    .min(1, { message: 'EXPERT_SPECIALITY_INVALID' })
    .max(5, { message: 'EXPERT_SPECIALITY_INVALID' }),
  regions: z
    .array(RegionCode, { message: 'EXPERT_REGIONS_INVALID' })
    .min(1, { message: 'EXPERT_REGIONS_INVALID' })
    .max(10, { message: 'EXPERT_REGIONS_INVALID' }),
  /** 咨询费 per private consultation in whole yuan; null: free */
  feeYuan: z
    .number({ message: 'EXPERT_FEE_INVALID' })
    .int({ message: 'EXPERT_FEE_INVALID' })
    .min(1, { message: 'EXPERT_FEE_INVALID' })
    .max(100_000, { message: 'EXPERT_FEE_INVALID' })
    .nullable(),
  bio: Text(10, 2000, 'EXPERT_BIO_REQUIRED'),
  /** certificates uploaded through POST /api/experts/me/certificates */
  certificateFileIds: z
    .array(Id, { message: 'EXPERT_CERTIFICATES_REQUIRED' })
    .min(1, { message: 'EXPERT_CERTIFICATES_REQUIRED' })
    .max(5, { message: 'EXPERT_CERTIFICATES_REQUIRED' }),
});
export type ExpertApplicationBody = z.infer<typeof ExpertApplicationBody>;

export const ExpertDecisionBody = z.object({
  decision: z.enum(['verified', 'rejected']),
  reason: Text(4, 500, 'EXPERT_REVIEW_REASON_REQUIRED'),
});
export type ExpertDecisionBody = z.infer<typeof ExpertDecisionBody>;

export const ExpertParams = z.object({ expertId: Id });
export const ExpertFileParams = z.object({ expertId: Id, fileId: Id });
export const ExpertFile = z.object({ id: Id, name: z.string(), size: z.number() });

export const ExpertSummary = z.object({
  id: Id,
  name: z.string(),
  title: z.string(),
  employer: z.string(),
  years: z.number().int(),
  specialities: z.array(ExpertSpeciality),
  regions: z.array(z.object({ code: z.string(), name: z.string() })),
  /** null: free */
  feeYuan: z.number().int().nullable(),
  bio: z.string(),
  answeredCount: z.number().int(),
  /** average of the stars given to this expert's answers; null before the first rating */
  averageRating: z.number().nullable(),
  ratingCount: z.number().int(),
});
export type ExpertSummary = z.infer<typeof ExpertSummary>;

/** An application as its applicant and the reviewers see it. */
export const ExpertApplication = ExpertSummary.extend({
  status: ExpertStatus,
  userId: Id,
  certificates: z.array(ExpertFile),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  submittedAt: z.string(),
});
export type ExpertApplication = z.infer<typeof ExpertApplication>;

export const MyExpertProfile = z.object({ application: ExpertApplication.nullable() });
export const ExpertApplicationList = z.object({ items: z.array(ExpertApplication) });
export const StaffExpertQuery = z.object({ status: ExpertStatus.optional() });

export const ExpertSearchQuery = z.object({
  speciality: ExpertSpeciality.optional(),
  /** serves this region (a province serves its cities) */
  region: RegionCode.optional(),
  fee: z.enum(['free', 'paid']).optional(),
});
export type ExpertSearchQuery = z.infer<typeof ExpertSearchQuery>;
export const ExpertList = z.object({ items: z.array(ExpertSummary) });

export const EXPERT_QUESTION_VISIBILITIES = ['public', 'private'] as const;
export const ExpertQuestionVisibility = z.enum(EXPERT_QUESTION_VISIBILITIES);
export type ExpertQuestionVisibility = z.infer<typeof ExpertQuestionVisibility>;
/** open: waiting for answers; answered: has answers; accepted: the asker accepted one */
export const EXPERT_QUESTION_STATUSES = ['open', 'answered', 'accepted'] as const;
export const ExpertQuestionStatus = z.enum(EXPERT_QUESTION_STATUSES);
export type ExpertQuestionStatus = z.infer<typeof ExpertQuestionStatus>;

export const ExpertAskBody = z
  .object({
    visibility: ExpertQuestionVisibility,
    /** the chosen expert of a private consultation; none for a public question */
    expertId: Id.nullable().default(null),
    speciality: ExpertSpeciality,
    title: Text(5, 100, 'EXPERT_QUESTION_TITLE_REQUIRED'),
    body: Text(10, 5000, 'EXPERT_QUESTION_BODY_REQUIRED'),
  })
  .refine((b) => (b.visibility === 'private') === (b.expertId !== null), {
    message: 'EXPERT_QUESTION_EXPERT_MISMATCH',
    path: ['expertId'],
  });
export type ExpertAskBody = z.infer<typeof ExpertAskBody>;

export const ExpertAnswerBody = z.object({ body: Text(10, 10_000, 'EXPERT_ANSWER_REQUIRED') });
export const ExpertAcceptBody = z.object({ answerId: Id });
export const ExpertRatingBody = z.object({
  stars: z
    .number({ message: 'EXPERT_STARS_INVALID' })
    .int({ message: 'EXPERT_STARS_INVALID' })
    .min(1, { message: 'EXPERT_STARS_INVALID' })
    .max(5, { message: 'EXPERT_STARS_INVALID' }),
  text: z.string().trim().max(500, { message: 'TEXT_TOO_LONG' }).default(''),
});
export type ExpertRatingBody = z.infer<typeof ExpertRatingBody>;

export const ExpertQuestionParams = z.object({ questionId: Id });
export const ExpertAnswerParams = z.object({ questionId: Id, answerId: Id });
export const ExpertOrgParams = z.object({ orgId: Id });

export const ExpertQuestionSummary = z.object({
  id: Id,
  visibility: ExpertQuestionVisibility,
  status: ExpertQuestionStatus,
  speciality: ExpertSpeciality,
  title: z.string(),
  /** the first 200 characters */
  excerpt: z.string(),
  askerName: z.string(),
  orgName: z.string(),
  expert: z.object({ id: Id, name: z.string() }).nullable(),
  /** the agreed fee of a private consultation in yuan (null: free or public) */
  feeYuan: z.number().int().nullable(),
  answerCount: z.number().int(),
  createdAt: z.string(),
});
export type ExpertQuestionSummary = z.infer<typeof ExpertQuestionSummary>;

export const ExpertAnswer = z.object({
  id: Id,
  expert: z.object({ id: Id, name: z.string(), title: z.string() }),
  body: z.string(),
  accepted: z.boolean(),
  rating: z.object({ stars: z.number().int(), text: z.string(), at: z.string() }).nullable(),
  createdAt: z.string(),
});
export type ExpertAnswer = z.infer<typeof ExpertAnswer>;

export const ExpertQuestionDetail = ExpertQuestionSummary.extend({
  body: z.string(),
  answers: z.array(ExpertAnswer),
  /** what the viewer may do */
  canAnswer: z.boolean(),
  isAsker: z.boolean(),
});
export type ExpertQuestionDetail = z.infer<typeof ExpertQuestionDetail>;

export const ExpertQuestionSearchQuery = z.object({
  q: z.string().trim().max(100, { message: 'TEXT_TOO_LONG' }).optional(),
  speciality: ExpertSpeciality.optional(),
});
export type ExpertQuestionSearchQuery = z.infer<typeof ExpertQuestionSearchQuery>;
export const ExpertQuestionList = z.object({ items: z.array(ExpertQuestionSummary) });
