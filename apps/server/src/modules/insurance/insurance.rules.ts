import type { CreditGrade, InsuranceProductBody } from '@zhuhe/contracts';
import { gradeMeets } from '../finance';
import { insuranceErrors } from './insurance.errors';

/** The platform's limits on a 履约保证险 product (FUND-4): a premium of 1–3% of the insured amount. */
export const PREMIUM_MIN_BP = 100;
export const PREMIUM_MAX_BP = 300;
/** the policy replaces the bond, so it insures at least all of it; more than half again would be a different product */
export const COVERAGE_MIN_BP = 10_000;
export const COVERAGE_MAX_BP = 15_000;

export const yuan = (fen: bigint) => {
  const abs = fen < 0n ? -fen : fen;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0n ? '-' : ''}${whole}.${(abs % 100n).toString().padStart(2, '0')}`;
};

export function assertProductTerms(p: InsuranceProductBody): void {
  if (p.premiumBp < PREMIUM_MIN_BP || p.premiumBp > PREMIUM_MAX_BP)
    throw insuranceErrors.raise('INSURANCE_PRODUCT_PREMIUM');
  if (p.coverageBp < COVERAGE_MIN_BP || p.coverageBp > COVERAGE_MAX_BP)
    throw insuranceErrors.raise('INSURANCE_PRODUCT_COVERAGE');
}

/** 保费 the premium on an insured amount, rounded up to the fen (the insurer is never short of its rate). */
export function premiumFen(insuredFen: bigint, premiumBp: number): bigint {
  return (insuredFen * BigInt(premiumBp) + 9_999n) / 10_000n;
}

/** The largest amount a product insures on a bond: its coverage share of the bond, capped by its per-policy limit. */
export function maxInsuredOn(product: { coverageBp: number; maxInsuredFen: bigint }, bondFen: bigint): bigint {
  const byCoverage = (bondFen * BigInt(product.coverageBp)) / 10_000n;
  return byCoverage < product.maxInsuredFen ? byCoverage : product.maxInsuredFen;
}

/** The insured amount must replace the whole bond and stay within the product's limits. */
export function assertInsuredAmount(
  product: { coverageBp: number; maxInsuredFen: bigint },
  bondFen: bigint,
  insuredFen: bigint,
): void {
  if (insuredFen < bondFen)
    throw insuranceErrors.raise('INSURANCE_INSURED_BELOW_BOND', { insured: yuan(insuredFen), required: yuan(bondFen) });
  const max = maxInsuredOn(product, bondFen);
  if (insuredFen > max)
    throw insuranceErrors.raise('INSURANCE_INSURED_OVER_LIMIT', { insured: yuan(insuredFen), max: yuan(max) });
}

/** Why the organisation may not buy the product, or null: credit grade (read through credit's face) and region. */
export function ineligibility(
  product: { minGrade: string; regions: string[] },
  holder: { grade: CreditGrade | null; regionCode: string | null },
) {
  if (!gradeMeets(holder.grade, product.minGrade as CreditGrade))
    return insuranceErrors.raise('INSURANCE_GRADE_TOO_LOW', { required: product.minGrade, grade: holder.grade ?? '—' });
  if (product.regions.length > 0 && !product.regions.some((r) => (holder.regionCode ?? '').startsWith(r)))
    return insuranceErrors.raise('INSURANCE_REGION_NOT_SERVED');
  return null;
}
