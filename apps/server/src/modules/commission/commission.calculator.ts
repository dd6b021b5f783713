import type { PolicyParams } from '@zhuhe/contracts';

/** One policy version as the calculator sees it. */
export interface PolicyVersion {
  policyId: string;
  version: number;
  name: string;
  params: PolicyParams;
  active: boolean;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface MerchantFacts {
  /** Shanghai date of activation, YYYY-MM-DD */
  activatedOn: string;
  categoryCode: string;
}

type Effect = { 'zh-CN': string; en: string };
export interface Applied {
  policyId: string;
  version: number;
  name: string;
  kind: PolicyParams['kind'];
  effect: Effect;
}

export interface Calculation {
  baseRateBp: number;
  grossCommissionFen: number;
  commissionFen: number;
  entryFeeDueFen: number;
  entryFeeWaivedFen: number;
  totalFen: number;
  applied: Applied[];
}

const BP = 10_000n;

function monthIndex(yyyyMm: string): number {
  const [y, m] = yyyyMm.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function inEffect(p: PolicyVersion, month: string): boolean {
  return p.active && p.effectiveFrom <= lastDayOf(month) && (p.effectiveTo === null || p.effectiveTo >= `${month}-01`);
}

/** The latest-starting policy of a kind wins when several are in effect (e.g. a new base rate from a date). */
function pick<K extends PolicyParams['kind']>(policies: PolicyVersion[], kind: K) {
  return policies
    .filter((p) => p.params.kind === kind)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0] as
    | (PolicyVersion & { params: Extract<PolicyParams, { kind: K }> })
    | undefined;
}

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`;
const pct = (bp: number) => `${bp / 100}%`;

/** Round half up to whole fen: numerator / denominator with both non-negative. */
function roundDiv(n: bigint, d: bigint): bigint {
  return (n * 2n + d) / (2n * d);
}

/**
 * 佣金计算 what a merchant pays for one month: commission on the month's sales at the base rate, reduced by every
 * discount in effect (they stack multiplicatively: 30% off then 50% off leaves 35%), plus the annual entry fee
 * in the activation month and each anniversary month unless waived. Integer fen throughout; one rounding at the
 * end. Returns which policies applied and how, so the result can be explained and reproduced.
 */
export function calculateMonth(
  month: string,
  salesFen: number,
  merchant: MerchantFacts | null,
  versions: PolicyVersion[],
): Calculation {
  const policies = versions.filter((p) => inEffect(p, month));
  const applied: Applied[] = [];
  const note = (p: PolicyVersion, effect: Effect) =>
    applied.push({ policyId: p.policyId, version: p.version, name: p.name, kind: p.params.kind, effect });

  const base = pick(policies, 'base_rate');
  const rateBp = base?.params.rateBp ?? 0;
  if (base) note(base, { 'zh-CN': `基础佣金率 ${pct(rateBp)}`, en: `Base commission rate ${pct(rateBp)}` });
  const sales = BigInt(salesFen);
  const discounts: bigint[] = [];

  const tiers = pick(policies, 'sales_tier_discount');
  if (tiers) {
    const tier = [...tiers.params.tiers]
      .sort((a, b) => b.minSalesFen - a.minSalesFen)
      .find((t) => salesFen >= t.minSalesFen);
    if (tier && tier.discountBp > 0) {
      discounts.push(BigInt(tier.discountBp));
      note(tiers, {
        'zh-CN': `月销售额 ${yuan(salesFen)} 达到 ${yuan(tier.minSalesFen)} 档，佣金减免 ${pct(tier.discountBp)}`,
        en: `Monthly sales ${yuan(salesFen)} in the tier from ${yuan(tier.minSalesFen)}: ${pct(tier.discountBp)} off commission`,
      });
    }
  }

  const monthsSince = merchant ? monthIndex(month) - monthIndex(merchant.activatedOn.slice(0, 7)) : -1;
  if (merchant) {
    for (const p of policies) {
      if (p.params.kind !== 'category_promotion') continue;
      const promo = p.params;
      if (!promo.categoryCodes.includes(merchant.categoryCode) || monthsSince < 0 || monthsSince >= promo.months)
        continue;
      discounts.push(BigInt(promo.discountBp));
      note(p, {
        'zh-CN': `品类专项扶持：开通后第 ${monthsSince + 1}/${promo.months} 个月，佣金减免 ${pct(promo.discountBp)}`,
        en: `Category promotion: month ${monthsSince + 1} of ${promo.months} after activation, ${pct(promo.discountBp)} off`,
      });
    }
  }

  const gross = roundDiv(sales * BigInt(rateBp), BP);
  let numerator = sales * BigInt(rateBp);
  let denominator = BP;
  for (const d of discounts) {
    numerator *= BP - d;
    denominator *= BP;
  }
  const commission = roundDiv(numerator, denominator);

  let feeDue = 0;
  let feeWaived = 0;
  const fee = pick(policies, 'entry_fee');
  if (fee && merchant && monthsSince >= 0 && monthsSince % 12 === 0) {
    feeDue = fee.params.annualFeeFen;
    const year = monthsSince / 12;
    note(fee, {
      'zh-CN': `第 ${year + 1} 年入驻费 ${yuan(feeDue)}`,
      en: `Entry fee for year ${year + 1}: ${yuan(feeDue)}`,
    });
    const waiver = pick(policies, 'entry_fee_waiver');
    if (waiver && merchant.activatedOn < waiver.params.activatedBefore && year < waiver.params.waivedYears) {
      feeWaived = feeDue;
      note(waiver, {
        'zh-CN': `${waiver.params.activatedBefore} 前开通，免第 ${year + 1} 年入驻费`,
        en: `Activated before ${waiver.params.activatedBefore}: entry fee for year ${year + 1} waived`,
      });
    }
  }

  return {
    baseRateBp: rateBp,
    grossCommissionFen: Number(gross),
    commissionFen: Number(commission),
    entryFeeDueFen: feeDue,
    entryFeeWaivedFen: feeWaived,
    totalFen: Number(commission) + feeDue - feeWaived,
    applied,
  };
}

/** 新商家流量扶持 the ranking multiplier at `at` for a merchant activated on `activatedOn` (1 = no boost). */
export function boostAt(activatedOn: string, atDate: string, versions: PolicyVersion[]): number {
  const month = atDate.slice(0, 7);
  let boost = 1;
  for (const p of versions) {
    if (p.params.kind !== 'new_merchant_boost' || !inEffect(p, month)) continue;
    const [y, m, d] = activatedOn.split('-').map(Number) as [number, number, number];
    const end = new Date(Date.UTC(y, m - 1 + p.params.months, d)).toISOString().slice(0, 10);
    if (atDate >= activatedOn && atDate < end) boost = Math.max(boost, 1 + p.params.boostBp / 10_000);
  }
  return boost;
}

/**
 * 平台服务费 the platform fee rate (basis points) in force on a Shanghai date: the latest-starting active
 * `platform_fee` policy covering that day; null when none is (the caller refuses to guess a money rate).
 */
export function platformFeeBpOn(
  date: string,
  versions: PolicyVersion[],
): { rateBp: number; policyId: string; version: number } | null {
  const inForce = versions
    .filter(
      (p) =>
        p.params.kind === 'platform_fee' &&
        p.active &&
        p.effectiveFrom <= date &&
        (p.effectiveTo === null || p.effectiveTo >= date),
    )
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  if (inForce?.params.kind !== 'platform_fee') return null;
  return { rateBp: inForce.params.rateBp, policyId: inForce.policyId, version: inForce.version };
}
