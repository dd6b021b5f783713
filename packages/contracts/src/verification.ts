import { z } from 'zod';
import { Id } from './common';
import { FileMeta } from './files';
import { idCardProblem } from './id-card';
/** A calendar date, YYYY-MM-DD (Asia/Shanghai). */
import { DateOnly } from './library-fields';
import { CreditCode } from './organisation';

export { DateOnly };

/** 公民身份号码, validated by the GB 11643 check character and a real birth date. */
export const IdCardNumber = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = idCardProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** 资质类别 kinds of qualification certificate. */
export const QUALIFICATION_KINDS = [
  'general_contracting',
  'specialty_contracting',
  'labour',
  'design',
  'supervision',
  'safety_licence',
  'other',
] as const;
export const QualificationKind = z.enum(QUALIFICATION_KINDS);
export type QualificationKind = z.infer<typeof QualificationKind>;

/** 资质等级 grades: 特级/一级/二级/三级 for contracting, 甲/乙 for design and supervision, or 不分等级. */
export const QUALIFICATION_GRADES = ['special', 'first', 'second', 'third', 'grade_a', 'grade_b', 'ungraded'] as const;
export const QualificationGrade = z.enum(QUALIFICATION_GRADES);
export type QualificationGrade = z.infer<typeof QualificationGrade>;

/** 营业执照 business licence as submitted. */
export const BusinessLicenceInput = z.object({
  creditCode: CreditCode,
  companyName: z.string().trim().min(2).max(100),
  legalRepresentative: z.string().trim().min(2).max(50),
  /** 注册资本 in fen */
  registeredCapitalFen: z.number().int().min(0).max(1e15),
  address: z.string().trim().min(2).max(200),
  validFrom: DateOnly,
  /** null: 长期 (no end date) */
  validUntil: DateOnly.nullable(),
  fileId: Id,
});

/** 法定代表人身份证 the legal representative's ID card. */
export const IdCardInput = z.object({
  name: z.string().trim().min(2).max(50),
  number: IdCardNumber,
  /** null: 长期 */
  validUntil: DateOnly.nullable(),
  frontFileId: Id,
  backFileId: Id,
});

/** 资质证书 a qualification certificate. */
export const QualificationInput = z.object({
  kind: QualificationKind,
  /** 资质类别/专业, e.g. 建筑工程, 钢结构工程 */
  category: z.string().trim().min(2).max(50),
  grade: QualificationGrade,
  number: z.string().trim().min(4).max(50),
  issuer: z.string().trim().min(2).max(100),
  validFrom: DateOnly,
  validUntil: DateOnly,
  fileId: Id,
});

/** 三重核验 package: licence, legal representative's ID card, qualification certificates. */
export const VerificationPackage = z.object({
  licence: BusinessLicenceInput,
  idCard: IdCardInput,
  qualifications: z.array(QualificationInput).min(1).max(20),
});
export type VerificationPackage = z.input<typeof VerificationPackage>;
export type ParsedVerificationPackage = z.output<typeof VerificationPackage>;

export const CHECK_STATUSES = ['pass', 'warn', 'fail'] as const;
/** One automatic check and its result, as the applicant and the reviewer see it. */
export const VerificationCheck = z.object({
  code: z.string(),
  status: z.enum(CHECK_STATUSES),
  /** the form field it concerns, e.g. idCard.name */
  field: z.string().nullable(),
  message: z.object({ 'zh-CN': z.string(), en: z.string() }),
});
export type VerificationCheck = z.infer<typeof VerificationCheck>;

export const VERIFICATION_STATUSES = ['needs_correction', 'pending', 'approved', 'rejected', 'superseded'] as const;
export const VerificationStatus = z.enum(VERIFICATION_STATUSES);
export type VerificationStatus = z.infer<typeof VerificationStatus>;

export const CREDENTIAL_STATUSES = ['valid', 'expiring', 'expired'] as const;
export const CredentialStatus = z.enum(CREDENTIAL_STATUSES);

export const Verification = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string(),
  /** organisation: 实名核验 only; merchant: part of a merchant application (decided there) */
  purpose: z.enum(['organisation', 'merchant']),
  status: VerificationStatus,
  licence: BusinessLicenceInput.omit({ fileId: true }).extend({
    creditCode: z.string(),
    file: FileMeta.nullable(),
    status: CredentialStatus,
  }),
  idCard: z.object({
    name: z.string(),
    /** masked (110***********002X) for everyone but a reviewer who reveals it */
    numberMasked: z.string(),
    birthDate: z.string(),
    validUntil: z.string().nullable(),
    frontFile: FileMeta.nullable(),
    backFile: FileMeta.nullable(),
    status: CredentialStatus,
  }),
  qualifications: z.array(
    QualificationInput.omit({ fileId: true }).extend({ id: Id, file: FileMeta.nullable(), status: CredentialStatus }),
  ),
  checks: z.array(VerificationCheck),
  decision: z
    .object({
      decision: z.enum(['approve', 'reject']),
      reasons: z.array(z.string()),
      decidedBy: z.string(),
      decidedAt: z.iso.datetime(),
    })
    .nullable(),
  submittedAt: z.iso.datetime(),
});
export type Verification = z.infer<typeof Verification>;

export const MaybeVerification = z.object({ verification: Verification.nullable() });
export const VerificationList = z.object({ items: z.array(Verification) });
export const VerificationListQuery = z.object({ status: VerificationStatus.optional() });
export const VerificationParams = z.object({ verificationId: Id });
export const VerificationFileParams = z.object({ verificationId: Id, fileId: Id });

export const ReviewDecisionBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    /** required when rejecting: what the applicant must fix */
    reasons: z.array(z.string().trim().min(2).max(300)).max(10).default([]),
  })
  .refine((b) => b.decision === 'approve' || b.reasons.length > 0, {
    message: 'REVIEW_REASON_REQUIRED',
    path: ['reasons'],
  });

export const RevealedIdNumber = z.object({ number: z.string() });
