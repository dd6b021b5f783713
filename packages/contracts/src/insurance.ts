import { z } from 'zod';
import { CreditGrade } from './tendering';

/**
 * 履约保证险 performance-bond insurance schemas (FUND-4, FUND-2): a FIN organisation's products, the policies a
 * contractor buys in place of a cash bond, and the beneficiary's claims. Amounts are integer fen, rates basis points.
 */
const Fen = z.number().int();

export const InsuranceProductBody = z.object({
  name: z.string().trim().min(2).max(60),
  /** 保费率 1–3% of the insured amount, once for the term */
  premiumBp: z.number().int().min(0).max(10_000),
  /** 保障比例 the largest insured amount as a share of the required bond (100–150%) */
  coverageBp: z.number().int().min(0).max(100_000),
  /** 单笔最高保额 the largest insured amount of one policy */
  maxInsuredFen: Fen.positive(),
  minGrade: CreditGrade,
  /** GB/T 2260 code prefixes (e.g. 44 Guangdong); empty = nationwide */
  regions: z
    .array(z.string().regex(/^\d{2,6}$/))
    .max(40)
    .default([]),
  /** 保险期间 in days */
  termDays: z.number().int().min(30).max(1_825),
});
export type InsuranceProductBody = z.infer<typeof InsuranceProductBody>;

export const InsuranceProductView = InsuranceProductBody.extend({
  id: z.uuid(),
  insurerOrgId: z.uuid(),
  insurerOrgName: z.string(),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type InsuranceProductView = z.infer<typeof InsuranceProductView>;
export const InsuranceProductList = z.object({ items: z.array(InsuranceProductView) });

export const InsuranceProductParams = z.object({ orgId: z.uuid(), productId: z.uuid() });
export const InsurancePolicyParams = z.object({ orgId: z.uuid(), policyId: z.uuid() });
export const InsuranceClaimParams = z.object({ orgId: z.uuid(), claimId: z.uuid() });
export const InsuranceClaimFileParams = z.object({ orgId: z.uuid(), claimId: z.uuid(), fileId: z.uuid() });
export const InsuranceBondParams = z.object({ orgId: z.uuid(), contractId: z.uuid() });

export const InsurancePurchaseBody = z.object({
  productId: z.uuid(),
  contractId: z.uuid(),
  /** 保险金额 at least the contract's required bond */
  insuredFen: Fen.positive(),
});
export type InsurancePurchaseBody = z.infer<typeof InsurancePurchaseBody>;

export const INSURANCE_CLAIM_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export const InsuranceClaimStatus = z.enum(INSURANCE_CLAIM_STATUSES);

export const InsuranceClaimBody = z.object({
  amountFen: Fen.positive(),
  /** why the bond would be forfeited: the contractor's breach as the beneficiary sees it */
  reason: z.string().trim().min(10).max(1_000),
  /** the beneficiary's own uploads (photos, letters, reports) */
  evidenceFileIds: z.array(z.uuid()).max(10).default([]),
});
export type InsuranceClaimBody = z.infer<typeof InsuranceClaimBody>;

export const InsuranceClaimDecisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }),
  z.object({ decision: z.literal('reject'), reason: z.string().trim().min(4).max(500) }),
]);
export type InsuranceClaimDecisionBody = z.infer<typeof InsuranceClaimDecisionBody>;

export const InsuranceClaimView = z.object({
  id: z.uuid(),
  policyId: z.uuid(),
  policyNo: z.string(),
  contractId: z.uuid(),
  amountFen: Fen,
  reason: z.string(),
  evidence: z.array(z.object({ fileId: z.uuid(), name: z.string(), sha256: z.string() })),
  status: InsuranceClaimStatus,
  filedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  rejectReason: z.string().nullable(),
  paidFen: Fen,
});
export type InsuranceClaimView = z.infer<typeof InsuranceClaimView>;

export const InsurancePolicyStatus = z.enum(['active', 'claimed']);

export const InsurancePolicyView = z.object({
  id: z.uuid(),
  /** 保单号 */
  policyNo: z.string(),
  productId: z.uuid(),
  productName: z.string(),
  insurerOrgId: z.uuid(),
  insurerOrgName: z.string(),
  holderOrgId: z.uuid(),
  holderOrgName: z.string(),
  beneficiaryOrgId: z.uuid(),
  beneficiaryOrgName: z.string(),
  contractId: z.uuid(),
  /** the reader's part: 投保人 holder, 受益人 beneficiary, 保险人 insurer */
  readerRole: z.enum(['holder', 'beneficiary', 'insurer']),
  bondRequiredFen: Fen,
  insuredFen: Fen,
  premiumBp: z.number().int(),
  premiumFen: Fen,
  startsOn: z.string(),
  endsOn: z.string(),
  status: InsurancePolicyStatus,
  issuedAt: z.iso.datetime(),
  pdfSha256: z.string(),
  evidenceIndex: z.number().int(),
  claims: z.array(InsuranceClaimView),
});
export type InsurancePolicyView = z.infer<typeof InsurancePolicyView>;
export const InsurancePolicyList = z.object({ items: z.array(InsurancePolicyView) });

export const InsuranceOffer = z.object({
  productId: z.uuid(),
  productName: z.string(),
  insurerOrgName: z.string(),
  premiumBp: z.number().int(),
  /** the premium for insuring exactly the required bond */
  premiumFen: Fen,
  maxInsuredFen: Fen,
  termDays: z.number().int(),
  eligible: z.boolean(),
  /** why not, in both languages */
  reason: z.object({ 'zh-CN': z.string(), en: z.string() }).nullable(),
});

/** The bond of one contract as its party sees it: the offers (to the contractor, while the bond is due) and the policy. */
export const InsuranceBondView = z.object({
  contractId: z.uuid(),
  readerRole: z.enum(['holder', 'beneficiary', 'insurer']),
  bondRequiredFen: Fen,
  bondPostedFen: Fen,
  bondDue: z.boolean(),
  walletFen: Fen.nullable(),
  offers: z.array(InsuranceOffer),
  policy: InsurancePolicyView.nullable(),
});
export type InsuranceBondView = z.infer<typeof InsuranceBondView>;
