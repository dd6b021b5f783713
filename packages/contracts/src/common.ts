import { z } from 'zod';

/** Identifiers are UUIDv7 strings (time-ordered). */
export const Id = z.uuid();

/** 业务角色 business roles an organisation can hold (several at once). */
export const BUSINESS_ROLES = ['GC', 'SUB', 'SUP', 'DES', 'SVR', 'FIN', 'GOV'] as const;
export const BusinessRole = z.enum(BUSINESS_ROLES);
export type BusinessRole = z.infer<typeof BusinessRole>;
/**
 * The roles an organisation may choose for itself. GOV (政府监管 viewer, read-only and region-scoped) is granted
 * by verification staff together with its region (ADR 0129), never self-declared.
 */
export const SELF_SERVICE_BUSINESS_ROLES = ['GC', 'SUB', 'SUP', 'DES', 'SVR', 'FIN'] as const;
export const SelfServiceBusinessRole = z.enum(SELF_SERVICE_BUSINESS_ROLES);

/** 成员角色 a person's role inside one organisation. */
export const MEMBERSHIP_ROLES = ['owner', 'admin', 'member'] as const;
export const MembershipRole = z.enum(MEMBERSHIP_ROLES);
export type MembershipRole = z.infer<typeof MembershipRole>;

/**
 * 平台人员角色 platform staff roles. The ticket desk's lines: 一线 基础 is customer service (`service`), 二线 技术
 * `support_technical`, 三线 专家 `support_expert`.
 */
export const STAFF_ROLES = [
  'operator',
  'reviewer',
  'risk',
  'service',
  'finance',
  'arbitrator',
  'admin',
  'support_technical',
  'support_expert',
  /** 政策编辑 writes and publishes the policy library's policies and interpretations (DATA-1) */
  'editor',
  /** 地推专员 BD staff of a regional operation centre: leads, visit check-ins, a monthly target (seed 000 §3) */
  'bd',
  /** 客户成功经理 customer success manager: accompanies new organisations to their first transaction */
  'success',
] as const;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

/** RFC 9457 problem details, extended with the module error code and both languages. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string(),
  message: z.object({ 'zh-CN': z.string(), en: z.string() }),
  requestId: z.string().optional(),
  issues: z
    .array(z.object({ path: z.string(), code: z.string(), message: z.object({ 'zh-CN': z.string(), en: z.string() }) }))
    .optional(),
});
export type Problem = z.infer<typeof Problem>;

export const Ok = z.object({ ok: z.literal(true) });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** opaque cursor: the id of the last row of the previous page */
  after: z.string().optional(),
});

export const MOBILE_CN = /^1[3-9]\d{9}$/;

/** An e-mail address or a mainland China mobile number. */
export const LoginIdentifier = z
  .string()
  .trim()
  .min(3)
  .max(254)
  .refine((v) => MOBILE_CN.test(v) || z.email().safeParse(v).success, { message: 'IDENTIFIER_INVALID' });

export function identifierKind(value: string): 'phone' | 'email' {
  return MOBILE_CN.test(value) ? 'phone' : 'email';
}
