import { z } from 'zod';
import { CreditGrade } from './tendering';

/** 工程e贷 supply-chain finance schemas (FUND-6). Amounts are integer fen, rates basis points (1 bp = 0.01%). */
const Fen = z.number().int();

/** 应收账款融资 receivable, 订单融资 order, 保证金垫付 bond advance */
export const FINANCE_PRODUCT_TYPES = ['receivable', 'order', 'bond_advance'] as const;
export const FinanceProductType = z.enum(FINANCE_PRODUCT_TYPES);
export type FinanceProductType = z.infer<typeof FinanceProductType>;

/** 按年 per annum or 一次性 flat */
export const FeeBasis = z.enum(['annual', 'flat']);
/** the business roles a product lends to (its 适用类别) */
export const BorrowerRole = z.enum(['GC', 'SUB', 'SUP']);

export const FINANCE_APPLICATION_STATUSES = ['submitted', 'rejected', 'disbursed', 'overdue', 'repaid'] as const;
export const FinanceApplicationStatus = z.enum(FINANCE_APPLICATION_STATUSES);

export const FinanceProductBody = z.object({
  name: z.string().trim().min(2).max(60),
  type: FinanceProductType,
  /** order financing only: the smallest share of the contract amount (≥ 30%) */
  minRatioBp: z.number().int().min(0).max(10_000).default(0),
  /** the largest share of the asset: receivable ≤ 80%, order 30–50%, bond advance ≤ 70% */
  maxRatioBp: z.number().int().min(1).max(10_000),
  /** 服务费 1.5–3% */
  feeBp: z.number().int().min(0).max(10_000),
  feeBasis: FeeBasis,
  minGrade: CreditGrade,
  /** GB/T 2260 code prefixes (e.g. 33 Zhejiang); empty = nationwide */
  regions: z
    .array(z.string().regex(/^\d{2,6}$/))
    .max(40)
    .default([]),
  categories: z.array(BorrowerRole).max(3).default([]),
  /** AAA 利率优惠 taken off the fee rate for AAA applicants */
  aaaDiscountBp: z.number().int().min(0).max(100).default(0),
  /** 审批时限 working days on the official calendar, 3–5 */
  decisionDays: z.number().int().min(1).max(10),
  maxTermDays: z.number().int().min(7).max(720),
  /** 逾期罚息 per day on the overdue amount */
  penaltyBpPerDay: z.number().int().min(0).max(100),
});
export type FinanceProductBody = z.infer<typeof FinanceProductBody>;

export const FinanceProductView = FinanceProductBody.extend({
  id: z.uuid(),
  finOrgId: z.uuid(),
  finOrgName: z.string(),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type FinanceProductView = z.infer<typeof FinanceProductView>;

export const FinanceAssetRef = z.object({
  kind: FinanceProductType,
  contractId: z.uuid(),
  /** receivable only: the escrow payment schedule's milestone */
  milestoneId: z.string().min(1).max(80).nullable().default(null),
});

export const FinanceApplicationBody = z.object({
  productId: z.uuid(),
  asset: FinanceAssetRef,
  amountFen: Fen.positive(),
  termDays: z.number().int().min(7).max(720),
  /** 授权 the applicant lets the lender see the prefilled evidence (and nothing else) */
  consent: z.literal(true),
});
export type FinanceApplicationBody = z.infer<typeof FinanceApplicationBody>;

export const FinanceDecisionBody = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('approve'),
    amountFen: Fen.positive(),
    feeBp: z.number().int().min(0).max(10_000),
    termDays: z.number().int().min(7).max(720),
  }),
  z.object({ decision: z.literal('reject'), reason: z.string().trim().min(4).max(500) }),
]);
export type FinanceDecisionBody = z.infer<typeof FinanceDecisionBody>;

export const FinanceApplicationParams = z.object({ orgId: z.uuid(), applicationId: z.uuid() });

/** 融资标的 an asset the applicant may finance, with what each product would offer on it */
export const FinanceAssetView = z.object({
  kind: FinanceProductType,
  contractId: z.uuid(),
  milestoneId: z.string().nullable(),
  title: z.string(),
  counterpartyOrgId: z.uuid(),
  /** the base the ratio applies to */
  baseFen: Fen,
  dueDate: z.string().nullable(),
  /** a statement sealed for this milestone (结算未付) */
  settled: z.boolean(),
  financed: z.boolean(),
  offers: z.array(
    z.object({
      productId: z.uuid(),
      productName: z.string(),
      finOrgName: z.string(),
      minFen: Fen,
      maxFen: Fen,
      feeBp: z.number().int(),
      feeBasis: FeeBasis,
      eligible: z.boolean(),
      reason: z.object({ 'zh-CN': z.string(), en: z.string() }).nullable(),
    }),
  ),
});

export const FinanceEvidence = z.object({
  contract: z.object({ contractId: z.uuid(), amountFen: Fen, counterpartyOrgId: z.uuid() }),
  statement: z
    .object({ settlementId: z.string(), sha256: z.string(), evidenceIndex: z.number().int().nullable() })
    .nullable(),
  credit: z.object({ grade: CreditGrade.nullable(), source: z.string().nullable() }),
  paymentHistory: z.object({ releases: z.number().int(), releasedFen: Fen }),
});

export const FinanceRepaymentView = z.object({
  amountFen: Fen,
  source: z.enum(['release', 'penalty']),
  at: z.iso.datetime(),
});

export const FinanceApplicationView = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  productName: z.string(),
  productType: FinanceProductType,
  finOrgId: z.uuid(),
  finOrgName: z.string(),
  applicantOrgId: z.uuid(),
  applicantOrgName: z.string(),
  asset: z.object({
    kind: FinanceProductType,
    contractId: z.uuid(),
    milestoneId: z.string().nullable(),
    baseFen: Fen,
  }),
  requestedFen: Fen,
  termDays: z.number().int(),
  status: FinanceApplicationStatus,
  submittedAt: z.iso.datetime(),
  decisionDueAt: z.iso.datetime(),
  /** working days left until the decision deadline (negative when late), while submitted */
  workingDaysLeft: z.number().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  rejectReason: z.string().nullable(),
  approvedFen: Fen.nullable(),
  feeBp: z.number().int().nullable(),
  feeFen: Fen.nullable(),
  disbursedAt: z.iso.datetime().nullable(),
  dueDate: z.string().nullable(),
  repaidFen: Fen,
  penaltyFen: Fen,
  outstandingFen: Fen,
  closedAt: z.iso.datetime().nullable(),
  repayments: z.array(FinanceRepaymentView),
  /** shown to the lender only, and only what the applicant consented to */
  evidence: FinanceEvidence.nullable(),
});
export type FinanceApplicationView = z.infer<typeof FinanceApplicationView>;

export const FinanceBorrowerView = z.object({
  assets: z.array(FinanceAssetView),
  applications: z.array(FinanceApplicationView),
});

export const FinanceProductList = z.object({ items: z.array(FinanceProductView) });
export const FinanceApplicationList = z.object({ items: z.array(FinanceApplicationView) });

/** 资金流向 the lender's watch */
export const FinanceLoanFlow = z.object({
  applicationId: z.uuid(),
  applicantOrgName: z.string(),
  status: FinanceApplicationStatus,
  disbursedFen: Fen,
  /** what left the borrower's wallet (or the bond account) after the disbursement, up to the loan */
  usedFen: Fen,
  repaidFen: Fen,
  overdueFen: Fen,
  /** working days application → decision, decision → disbursement */
  decisionWorkingDays: z.number().nullable(),
  disbursementWorkingDays: z.number().nullable(),
  promisedWorkingDays: z.number().int(),
  onTime: z.boolean().nullable(),
});

export const FinancePortfolioView = z.object({
  totals: z.object({
    loans: z.number().int(),
    disbursedFen: Fen,
    usedFen: Fen,
    repaidFen: Fen,
    outstandingFen: Fen,
    overdueFen: Fen,
    closed: z.number().int(),
  }),
  cycle: z.object({
    decided: z.number().int(),
    averageDecisionWorkingDays: z.number().nullable(),
    onTimeShare: z.number().nullable(),
  }),
  loans: z.array(FinanceLoanFlow),
});
export type FinancePortfolioView = z.infer<typeof FinancePortfolioView>;
