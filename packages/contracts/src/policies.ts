import { z } from 'zod';
import { Id } from './common';

/**
 * 政策库 (DATA-1): policies of 住建部, 发改委, 人社部, provinces and cities, each with a plain-language
 * interpretation written by staff editors (要点, 影响, 谁受影响). A policy is a `draft` until published; editing a
 * published policy adds a version; 废止 withdraws it with a reason (it stays readable, marked withdrawn).
 */
export const POLICY_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export const PolicyStatus = z.enum(POLICY_STATUSES);
export type PolicyStatus = z.infer<typeof PolicyStatus>;

/** The fixed list of categories a policy is filed under (and subscribed by). */
export const POLICY_CATEGORIES = [
  'wages',
  'qualification',
  'payment',
  'green',
  'safety',
  'bidding',
  'quality',
  'cost',
  'tax',
  'other',
] as const;
export const PolicyCategory = z.enum(POLICY_CATEGORIES, { message: 'POLICY_CATEGORY_INVALID' });
export type PolicyCategory = z.infer<typeof PolicyCategory>;
export const POLICY_CATEGORY_NAMES: Record<PolicyCategory, { 'zh-CN': string; en: string }> = {
  wages: { 'zh-CN': '农民工工资', en: 'Migrant workers’ wages' },
  qualification: { 'zh-CN': '资质管理', en: 'Qualifications' },
  payment: { 'zh-CN': '工程款支付与担保', en: 'Payment and guarantees' },
  green: { 'zh-CN': '绿色建筑与节能', en: 'Green building and energy' },
  safety: { 'zh-CN': '安全生产', en: 'Safety' },
  bidding: { 'zh-CN': '招标投标', en: 'Tendering' },
  quality: { 'zh-CN': '工程质量', en: 'Quality' },
  cost: { 'zh-CN': '造价与计价', en: 'Cost and pricing' },
  tax: { 'zh-CN': '税费', en: 'Tax and fees' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'DATE_INVALID' });
const Text = (min: number, max: number, required = 'TEXT_REQUIRED') =>
  z.string({ message: required }).trim().min(min, { message: required }).max(max, { message: 'TEXT_TOO_LONG' });
/** 行政区划代码: six digits; whether it exists is checked against the regions module. */
const RegionCode = z.string().regex(/^\d{6}$/, { message: 'REGION_CODE_INVALID' });

const PolicyFields = z.object({
  title: Text(4, 200, 'POLICY_TITLE_REQUIRED'),
  /** 发文机关 e.g. 住房和城乡建设部, 国家发展改革委, 浙江省住房和城乡建设厅 */
  issuer: Text(2, 80, 'POLICY_ISSUER_REQUIRED'),
  /** 文号 e.g. 建市规〔2024〕1号; optional for a law or regulation promulgated by decree */
  docNumber: z.string().trim().max(80, { message: 'TEXT_TOO_LONG' }).default(''),
  issueDate: DateOnly,
  effectiveDate: DateOnly,
  expiryDate: DateOnly.nullable().default(null),
  /** null: nationwide (全国) */
  regionCode: RegionCode.nullable().default(null),
  category: PolicyCategory,
  tags: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
  fullText: Text(10, 100_000, 'POLICY_TEXT_REQUIRED'),
  /** the PDF of the official text, uploaded through POST /api/staff/policy-files */
  pdfFileId: Id.nullable().default(null),
  /** 要点 the key points, one per line */
  keyPoints: Text(4, 4000, 'POLICY_INTERPRETATION_REQUIRED'),
  /** 影响 what changes in practice */
  impact: Text(4, 4000, 'POLICY_INTERPRETATION_REQUIRED'),
  /** 谁受影响 who is affected */
  affected: Text(2, 2000, 'POLICY_INTERPRETATION_REQUIRED'),
});

const ISSUE_ORDER: [(b: { issueDate: string; effectiveDate: string }) => boolean, { message: string; path: string[] }] =
  [(b) => b.effectiveDate >= b.issueDate, { message: 'POLICY_EFFECTIVE_BEFORE_ISSUE', path: ['effectiveDate'] }];
const EXPIRY_ORDER: [
  (b: { issueDate: string; expiryDate: string | null }) => boolean,
  { message: string; path: string[] },
] = [
  (b) => b.expiryDate === null || b.expiryDate > b.issueDate,
  { message: 'POLICY_EXPIRY_BEFORE_ISSUE', path: ['expiryDate'] },
];

export const CreatePolicyBody = PolicyFields.refine(...ISSUE_ORDER).refine(...EXPIRY_ORDER);
export type CreatePolicyBody = z.infer<typeof CreatePolicyBody>;

/** An edit names the revision it was made on: a stale one is refused (someone else saved in between). */
export const UpdatePolicyBody = PolicyFields.extend({
  revision: z.number().int().min(1),
  /** 修订说明 what changed, shown in the version history */
  changeNote: z.string().trim().max(300).default(''),
})
  .refine(...ISSUE_ORDER)
  .refine(...EXPIRY_ORDER);
export type UpdatePolicyBody = z.infer<typeof UpdatePolicyBody>;

export const WithdrawPolicyBody = z.object({ reason: Text(4, 500, 'POLICY_WITHDRAW_REASON_REQUIRED') });
export const PolicyDocParams = z.object({ policyId: Id });
export const PolicyVersionParams = z.object({ policyId: Id, versionNo: z.coerce.number().int().min(1) });

export const PolicyVersion = z.object({
  versionNo: z.number().int(),
  title: z.string(),
  issuer: z.string(),
  docNumber: z.string(),
  issueDate: z.string(),
  effectiveDate: z.string(),
  expiryDate: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string(),
  category: PolicyCategory,
  tags: z.array(z.string()),
  fullText: z.string(),
  pdf: z.object({ id: Id, name: z.string(), size: z.number() }).nullable(),
  keyPoints: z.string(),
  impact: z.string(),
  affected: z.string(),
  changeNote: z.string(),
  editedBy: z.string(),
  editedAt: z.string(),
});
export type PolicyVersion = z.infer<typeof PolicyVersion>;

export const PolicySummary = z.object({
  id: Id,
  status: PolicyStatus,
  title: z.string(),
  issuer: z.string(),
  docNumber: z.string(),
  issueDate: z.string(),
  effectiveDate: z.string(),
  expiryDate: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string(),
  category: PolicyCategory,
  tags: z.array(z.string()),
  /** the first key point, for lists */
  summary: z.string(),
  versionNo: z.number().int(),
  revision: z.number().int(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type PolicySummary = z.infer<typeof PolicySummary>;

export const PolicyDetail = PolicySummary.extend({
  current: PolicyVersion,
  /** every version, newest first (without their full text) */
  versions: z.array(
    z.object({
      versionNo: z.number().int(),
      changeNote: z.string(),
      editedBy: z.string(),
      editedAt: z.string(),
    }),
  ),
  withdrawal: z.object({ reason: z.string(), at: z.string(), by: z.string() }).nullable(),
});
export type PolicyDetail = z.infer<typeof PolicyDetail>;

export const PolicySearchQuery = z.object({
  q: z.string().trim().max(100).optional(),
  /** within this region (its cities and districts too); `national` for 全国 policies only */
  region: z.union([RegionCode, z.literal('national')]).optional(),
  category: PolicyCategory.optional(),
  issuer: z.string().trim().max(80).optional(),
  /** issue date from / to, inclusive */
  from: DateOnly.optional(),
  to: DateOnly.optional(),
  status: z.enum(['published', 'withdrawn']).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export type PolicySearchQuery = z.infer<typeof PolicySearchQuery>;

export const PolicySearchResult = z.object({
  items: z.array(PolicySummary),
  /** every match, counted exactly */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PolicySearchResult = z.infer<typeof PolicySearchResult>;

export const StaffPolicyList = z.object({ items: z.array(PolicySummary) });

/** 政策订阅 a member's standing search: a new policy of this region and/or category (and keyword) notifies them. */
export const CreatePolicySubscriptionBody = z
  .object({
    regionCode: RegionCode.nullable().default(null),
    category: PolicyCategory.nullable().default(null),
    keyword: z.string().trim().max(40, { message: 'TEXT_TOO_LONG' }).nullable().default(null),
  })
  .refine((b) => b.regionCode !== null || b.category !== null, {
    message: 'POLICY_SUBSCRIPTION_EMPTY',
    path: ['regionCode'],
  });
export type CreatePolicySubscriptionBody = z.infer<typeof CreatePolicySubscriptionBody>;

export const PolicySubscription = z.object({
  id: Id,
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  category: PolicyCategory.nullable(),
  keyword: z.string().nullable(),
  createdAt: z.string(),
});
export type PolicySubscription = z.infer<typeof PolicySubscription>;
export const PolicySubscriptionList = z.object({ items: z.array(PolicySubscription) });
export const PolicySubscriptionParams = z.object({ subscriptionId: Id });

export const PolicyFileMeta = z.object({ id: Id, name: z.string(), size: z.number() });
