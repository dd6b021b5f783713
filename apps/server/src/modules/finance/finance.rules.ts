import { CREDIT_GRADES, type CreditGrade, type FinanceProductBody, type FinanceProductType } from '@zhuhe/contracts';
import { financeErrors } from './finance.errors';

/** The platform's limits per product type (FUND-6), in basis points of the asset. */
export const TYPE_LIMITS: Record<FinanceProductType, { minBp: number; maxBp: number; zh: string; en: string }> = {
  /** 应收账款融资 ≤ 80% of the not-yet-due receivable */
  receivable: { minBp: 0, maxBp: 8000, zh: '应收账款融资', en: 'receivable financing' },
  /** 订单融资 30–50% of a won contract's amount */
  order: { minBp: 3000, maxBp: 5000, zh: '订单融资', en: 'order financing' },
  /** 保证金垫付 ≤ 70% of the bond */
  bond_advance: { minBp: 0, maxBp: 7000, zh: '保证金垫付', en: 'bond advance' },
};

export const FEE_MIN_BP = 150;
export const FEE_MAX_BP = 300;
export const DECISION_DAYS_MIN = 3;
export const DECISION_DAYS_MAX = 5;

const pct = (bp: number) => (bp / 100).toFixed(2).replace(/\.?0+$/, '');
export const yuan = (fen: bigint) => {
  const abs = fen < 0n ? -fen : fen;
  return `${fen < 0n ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
};

/** A product's terms within the platform's limits for its type. */
export function assertProductTerms(p: FinanceProductBody): void {
  const limit = TYPE_LIMITS[p.type];
  const minBp = p.type === 'order' ? p.minRatioBp : 0;
  if (minBp < limit.minBp || p.maxRatioBp > limit.maxBp || p.maxRatioBp < Math.max(minBp, 1))
    throw financeErrors.raise('FINANCE_PRODUCT_RATIO', {
      type: limit.zh,
      typeEn: limit.en,
      min: pct(limit.minBp),
      max: pct(limit.maxBp),
    });
  if (p.feeBp < FEE_MIN_BP || p.feeBp > FEE_MAX_BP) throw financeErrors.raise('FINANCE_PRODUCT_FEE');
  if (p.decisionDays < DECISION_DAYS_MIN || p.decisionDays > DECISION_DAYS_MAX)
    throw financeErrors.raise('FINANCE_PRODUCT_DEADLINE');
}

/** Whether `grade` is `required` or better (AAA best … C worst); no grade counts as below any requirement. */
export function gradeMeets(grade: CreditGrade | null, required: CreditGrade): boolean {
  if (!grade) return false;
  return CREDIT_GRADES.indexOf(grade) <= CREDIT_GRADES.indexOf(required);
}

/** The amount range a product lends on an asset of `baseFen`, product and platform limits both applied. */
export function amountRange(
  product: { type: FinanceProductType; minRatioBp: number; maxRatioBp: number },
  baseFen: bigint,
): { minFen: bigint; maxFen: bigint; minBp: number; maxBp: number } {
  const limit = TYPE_LIMITS[product.type];
  const maxBp = Math.min(product.maxRatioBp, limit.maxBp);
  const minBp = product.type === 'order' ? Math.max(product.minRatioBp, limit.minBp) : 0;
  // the maximum rounds down and the minimum up, so no amount inside the range breaks a ratio
  return {
    minFen: (baseFen * BigInt(minBp) + 9999n) / 10000n,
    maxFen: (baseFen * BigInt(maxBp)) / 10000n,
    minBp,
    maxBp,
  };
}

/** Refuses an amount outside the product's range on the asset, with the numbers in both languages. */
export function assertAmount(
  product: { type: FinanceProductType; minRatioBp: number; maxRatioBp: number },
  baseFen: bigint,
  amountFen: bigint,
): void {
  const r = amountRange(product, baseFen);
  if (amountFen > r.maxFen)
    throw financeErrors.raise('FINANCE_AMOUNT_OVER_LIMIT', {
      amount: yuan(amountFen),
      max: yuan(r.maxFen),
      base: yuan(baseFen),
      ratio: pct(r.maxBp),
    });
  if (amountFen < r.minFen)
    throw financeErrors.raise('FINANCE_AMOUNT_UNDER_MIN', {
      amount: yuan(amountFen),
      min: yuan(r.minFen),
      base: yuan(baseFen),
      ratio: pct(r.minBp),
    });
}

/** 服务费 the fee on a loan: flat, or per annum over the term (actual/365), rounded up to the fen. */
export function feeFen(principalFen: bigint, feeBp: number, basis: 'annual' | 'flat', termDays: number): bigint {
  const numerator = principalFen * BigInt(feeBp) * (basis === 'annual' ? BigInt(termDays) : 365n);
  const denominator = 10000n * 365n;
  return (numerator + denominator - 1n) / denominator;
}

/** The fee rate after the AAA discount (never below zero). */
export function discountedFeeBp(feeBp: number, grade: CreditGrade | null, aaaDiscountBp: number): number {
  return grade === 'AAA' ? Math.max(0, feeBp - aaaDiscountBp) : feeBp;
}

/** 罚息 one day's penalty on the overdue amount, rounded up to the fen. */
export function dailyPenaltyFen(outstandingFen: bigint, penaltyBpPerDay: number): bigint {
  return (outstandingFen * BigInt(penaltyBpPerDay) + 9999n) / 10000n;
}

/**
 * 先还融资方 the split of a release's net payment on an assigned receivable: the lender takes what it is owed
 * first, the supplier keeps the rest.
 */
export function splitRelease(netFen: bigint, owedFen: bigint): { toLenderFen: bigint; toSupplierFen: bigint } {
  const toLender = owedFen <= 0n ? 0n : netFen < owedFen ? netFen : owedFen;
  return { toLenderFen: toLender, toSupplierFen: netFen - toLender };
}

export const assetKey = (kind: FinanceProductType, contractId: string, milestoneId: string | null) =>
  kind === 'receivable' ? `receivable:${contractId}:${milestoneId}` : `${kind}:${contractId}`;
