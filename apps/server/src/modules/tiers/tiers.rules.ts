import type { UserTier } from '@zhuhe/contracts';

/**
 * 用户分级规则 ORG-3 (seed 000 §4(二)1): new → normal after 3 completed transactions; normal → certified when the
 * trailing-12-month volume exceeds ¥5,000,000; certified → VIP at a credit score ≥ 90; two consecutive quarters
 * without a transaction → down one tier. One step up per quarter at most.
 */
export const TIER_THRESHOLDS = {
  normalAfterTransactions: 3,
  certifiedAboveVolumeFen: 500_000_000,
  vipFromCreditScore: 90,
  quietQuartersToDemote: 2,
} as const;

/** The facts a rule needs; null where the module that owns the data does not exist yet. */
export interface TierFacts {
  completedTransactions: number | null;
  trailing12mVolumeFen: number | null;
  creditScore: number | null;
  transactionsThisQuarter: number | null;
}

/**
 * Where each fact will come from. Transactions and volume belong to the settlement module (FLOW-6, FUND-1) and
 * the credit score to the credit module (CREDIT-2); neither exists yet, so the default source answers null and
 * the rules that need them do not fire. Those modules call `setTierDataSource` when they land.
 */
export interface TierDataSource {
  facts(orgIds: string[], quarterStart: Date, quarterEnd: Date): Promise<Map<string, TierFacts>>;
}

export const PENDING_TIER_DATA: TierDataSource = {
  async facts(orgIds) {
    return new Map(
      orgIds.map((id) => [
        id,
        { completedTransactions: null, trailing12mVolumeFen: null, creditScore: null, transactionsThisQuarter: null },
      ]),
    );
  },
};

type Reason = { 'zh-CN': string; en: string };
export const TIER_ORDER: readonly UserTier[] = ['new', 'normal', 'certified', 'vip'];
const ORDER = TIER_ORDER;

export function evaluateUserTier(
  current: UserTier,
  quietQuarters: number,
  f: TierFacts,
): { tier: UserTier; quietQuarters: number; reasons: Reason[] } {
  const quiet =
    f.transactionsThisQuarter === null ? quietQuarters : f.transactionsThisQuarter === 0 ? quietQuarters + 1 : 0;
  if (quiet >= TIER_THRESHOLDS.quietQuartersToDemote && current !== 'new') {
    const down = ORDER[ORDER.indexOf(current) - 1] as UserTier;
    return {
      tier: down,
      quietQuarters: 0,
      reasons: [
        {
          'zh-CN': `连续 ${quiet} 个季度无交易，降一级`,
          en: `${quiet} consecutive quarters without a transaction: down one tier`,
        },
      ],
    };
  }
  const t = TIER_THRESHOLDS;
  if (current === 'new' && f.completedTransactions !== null && f.completedTransactions >= t.normalAfterTransactions)
    return {
      tier: 'normal',
      quietQuarters: quiet,
      reasons: [
        {
          'zh-CN': `已完成 ${f.completedTransactions} 笔交易`,
          en: `${f.completedTransactions} completed transactions`,
        },
      ],
    };
  if (current === 'normal' && f.trailing12mVolumeFen !== null && f.trailing12mVolumeFen > t.certifiedAboveVolumeFen)
    return {
      tier: 'certified',
      quietQuarters: quiet,
      reasons: [
        {
          'zh-CN': `近 12 个月交易额 ¥${(f.trailing12mVolumeFen / 100).toLocaleString('zh-CN')} 超过 ¥5,000,000`,
          en: `Trailing 12-month volume above ¥5,000,000`,
        },
      ],
    };
  if (current === 'certified' && f.creditScore !== null && f.creditScore >= t.vipFromCreditScore)
    return {
      tier: 'vip',
      quietQuarters: quiet,
      reasons: [{ 'zh-CN': `信用评分 ${f.creditScore} ≥ 90`, en: `Credit score ${f.creditScore} ≥ 90` }],
    };
  return { tier: current, quietQuarters: quiet, reasons: [] };
}

/** The rules that cannot fire yet for lack of data, shown on the organisation's page. */
export function pendingRules(f: TierFacts): Reason[] {
  const out: Reason[] = [];
  if (f.completedTransactions === null || f.transactionsThisQuarter === null)
    out.push({ 'zh-CN': '交易笔数与季度交易：待结算模块上线后接入', en: 'Transactions: wired once settlement exists' });
  if (f.trailing12mVolumeFen === null)
    out.push({
      'zh-CN': '近 12 个月交易额：待结算模块上线后接入',
      en: 'Trailing volume: wired once settlement exists',
    });
  if (f.creditScore === null)
    out.push({ 'zh-CN': '信用评分：待信用评级模块上线后接入', en: 'Credit score: wired once credit rating exists' });
  return out;
}

/** The quarter containing a Shanghai date: label and its [start, end) instants. */
export function quarterOf(at: Date): { label: string; start: Date; end: Date } {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  const y = local.getUTCFullYear();
  const q = Math.floor(local.getUTCMonth() / 3);
  const start = new Date(Date.UTC(y, q * 3, 1) - 8 * 3_600_000);
  const end = new Date(Date.UTC(y, q * 3 + 3, 1) - 8 * 3_600_000);
  return { label: `${y}-Q${q + 1}`, start, end };
}
