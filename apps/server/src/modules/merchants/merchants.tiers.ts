import type { MerchantTier } from '@zhuhe/contracts';

/**
 * 商家分层评估 MERCH-2: tiers are re-evaluated from sales, ratings and complaints. The thresholds are not in
 * the seed; these defaults are ours and written down in the ADR. The data comes from a `MerchantPerformanceSource`:
 * sales are the merchant's sealed settlement statements as supplier (merchants.module.ts); ratings and complaints
 * have no source on the platform yet (null), and a criterion without data is not applied — the reason says so.
 */
export interface MerchantPerformance {
  /** mean monthly sales over the last 3 full months, fen */
  avgMonthlySalesFen: number;
  /** mean rating, 0–5; null while the platform has no reviews */
  rating: number | null;
  /** complaints per 10,000 orders; null while the platform has no complaints data */
  complaintRateBp: number | null;
}

export interface MerchantPerformanceSource {
  /** null when there is no data for the merchant (yet) */
  performance(orgIds: string[], at: Date): Promise<Map<string, MerchantPerformance | null>>;
}

export const TIER_RULES = {
  promote: { minAvgMonthlySalesFen: 100_000_000, minRating: 4.5, maxComplaintRateBp: 100 },
  demote: { belowAvgMonthlySalesFen: 20_000_000, belowRating: 4.0, aboveComplaintRateBp: 300 },
} as const;

type Reason = { 'zh-CN': string; en: string };

export function evaluateMerchantTier(
  current: MerchantTier,
  p: MerchantPerformance | null,
): { tier: MerchantTier; reason: Reason | null } {
  if (!p) return { tier: current, reason: null };
  const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN')}`;
  if (current === 'potential') {
    const r = TIER_RULES.promote;
    if (
      p.avgMonthlySalesFen >= r.minAvgMonthlySalesFen &&
      (p.rating === null || p.rating >= r.minRating) &&
      (p.complaintRateBp === null || p.complaintRateBp <= r.maxComplaintRateBp)
    ) {
      const rating = p.rating === null ? '评分暂无数据' : `评分 ${p.rating}`;
      const ratingEn = p.rating === null ? 'no ratings yet' : `rating ${p.rating}`;
      const complaints = p.complaintRateBp === null ? '投诉率暂无数据' : `投诉率 ${p.complaintRateBp / 100}%`;
      const complaintsEn =
        p.complaintRateBp === null ? 'no complaints data yet' : `complaints ${p.complaintRateBp / 100}%`;
      return {
        tier: 'brand',
        reason: {
          'zh-CN': `月均销售额 ${yuan(p.avgMonthlySalesFen)}、${rating}、${complaints} 达到品牌商家标准，升级`,
          en: `Monthly sales ${yuan(p.avgMonthlySalesFen)}, ${ratingEn}, ${complaintsEn} meet the brand standard: promoted`,
        },
      };
    }
    return { tier: current, reason: null };
  }
  const d = TIER_RULES.demote;
  const why: Reason[] = [];
  if (p.avgMonthlySalesFen < d.belowAvgMonthlySalesFen)
    why.push({
      'zh-CN': `月均销售额 ${yuan(p.avgMonthlySalesFen)} 低于 ${yuan(d.belowAvgMonthlySalesFen)}`,
      en: `monthly sales below ${yuan(d.belowAvgMonthlySalesFen)}`,
    });
  if (p.rating !== null && p.rating < d.belowRating)
    why.push({ 'zh-CN': `评分 ${p.rating} 低于 ${d.belowRating}`, en: `rating below ${d.belowRating}` });
  if (p.complaintRateBp !== null && p.complaintRateBp > d.aboveComplaintRateBp)
    why.push({
      'zh-CN': `投诉率 ${p.complaintRateBp / 100}% 高于 ${d.aboveComplaintRateBp / 100}%`,
      en: `complaints above ${d.aboveComplaintRateBp / 100}%`,
    });
  if (why.length === 0) return { tier: current, reason: null };
  return {
    tier: 'potential',
    reason: {
      'zh-CN': `末位调整为潜力商家：${why.map((w) => w['zh-CN']).join('；')}`,
      en: `Moved to potential: ${why.map((w) => w.en).join('; ')}`,
    },
  };
}

/** The source used until orders and reviews exist: no data for anyone. */
export const NO_PERFORMANCE_DATA: MerchantPerformanceSource = {
  async performance(orgIds) {
    return new Map(orgIds.map((id) => [id, null]));
  },
};
