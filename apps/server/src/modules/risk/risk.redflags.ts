/**
 * 招标红旗 RISK-3, after DOZORRO's indicators: pure checks on the facts of one tender. A flag is a reason to look,
 * not a finding of wrongdoing; each carries the facts it was computed from.
 */
import type { TenderRedFlag } from '@zhuhe/contracts';

export const RED_FLAG_THRESHOLDS = {
  /** winning (or lowest) price within 1% of the estimate (budget) */
  nearEstimateShare: 0.01,
  /** two valid bids whose totals differ by at most 0.5% */
  identicalShare: 0.005,
  /** 招标投标法 第二十四条: at least 20 days from publication to the bid deadline */
  minBiddingDays: 20,
  /** the winner has at least this many accepted awards, all from this buyer */
  captiveAwards: 2,
  /** this many earlier tenders of the same demand that failed (流标) before this re-tender */
  retenders: 2,
} as const;

export interface TenderFacts {
  tenderId: string;
  buyerOrgId: string;
  title: string;
  budgetFen: number;
  publishedAt: Date | null;
  deadline: Date;
  opened: boolean;
  bids: { bidderOrgId: string; bidderName: string; valid: boolean; totalFen: number | null }[];
  award: { bidderOrgId: string; amountFen: number } | null;
  earlierTenders: { id: string; status: string }[];
  winnerBuyers: { buyerOrgId: string; awards: number }[];
}

type Text = { 'zh-CN': string; en: string };
export interface RedFlag {
  flag: TenderRedFlag;
  label: Text;
  detail: Text;
  facts: Record<string, string | number | boolean | null>;
}

export const RED_FLAG_LABELS: Record<TenderRedFlag, Text> = {
  single_bidder: { 'zh-CN': '仅一家有效投标', en: 'Single bidder' },
  price_near_estimate: { 'zh-CN': '中标价贴近控制价', en: 'Winning price at the estimate' },
  captive_supplier: { 'zh-CN': '中标人只服务该招标人', en: 'Winner serves only this buyer' },
  identical_bids: { 'zh-CN': '报价高度接近', en: 'Near-identical bids' },
  short_period: { 'zh-CN': '投标期过短', en: 'Short bidding period' },
  repeated_retender: { 'zh-CN': '反复流标重招', en: 'Repeated re-tendering' },
};

const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });
const DAY_MS = 86_400_000;

export function redFlags(f: TenderFacts): RedFlag[] {
  const t = RED_FLAG_THRESHOLDS;
  const flags: RedFlag[] = [];
  const add = (flag: TenderRedFlag, detail: Text, facts: RedFlag['facts']) =>
    flags.push({ flag, label: RED_FLAG_LABELS[flag], detail, facts });
  const valid = f.bids.filter((b) => b.valid && b.totalFen !== null) as (TenderFacts['bids'][number] & {
    totalFen: number;
  })[];

  if (f.opened && valid.length === 1)
    add(
      'single_bidder',
      { 'zh-CN': '开标时只有 1 份有效投标，缺少竞争', en: 'Only one valid bid at the opening: no competition' },
      { validBids: 1, bidsSubmitted: f.bids.length },
    );

  const price = f.award?.amountFen ?? (valid.length ? Math.min(...valid.map((b) => b.totalFen)) : null);
  if (price !== null && f.budgetFen > 0) {
    const share = Math.abs(f.budgetFen - price) / f.budgetFen;
    if (share <= t.nearEstimateShare)
      add(
        'price_near_estimate',
        {
          'zh-CN': `${f.award ? '中标价' : '最低报价'} ¥${yuan(price)}，与控制价 ¥${yuan(f.budgetFen)} 相差 ${(share * 100).toFixed(2)}%`,
          en: `${f.award ? 'Winning price' : 'Lowest bid'} ¥${yuan(price)} is ${(share * 100).toFixed(2)}% from the estimate ¥${yuan(f.budgetFen)}`,
        },
        { priceFen: price, budgetFen: f.budgetFen, differencePercent: Number((share * 100).toFixed(2)) },
      );
  }

  if (f.award) {
    const awards = f.winnerBuyers.reduce((s, b) => s + b.awards, 0);
    if (f.winnerBuyers.length === 1 && f.winnerBuyers[0]?.buyerOrgId === f.buyerOrgId && awards >= t.captiveAwards)
      add(
        'captive_supplier',
        {
          'zh-CN': `中标人在平台上的 ${awards} 次中标全部来自该招标人`,
          en: `All ${awards} of the winner's awards on the platform come from this buyer`,
        },
        { winnerOrgId: f.award.bidderOrgId, awards, buyers: 1 },
      );
  }

  const sorted = [...valid].sort((a, b) => a.totalFen - b.totalFen);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as (typeof sorted)[number];
    const b = sorted[i] as (typeof sorted)[number];
    const share = (b.totalFen - a.totalFen) / Math.max(a.totalFen, 1);
    if (share <= t.identicalShare) {
      add(
        'identical_bids',
        {
          'zh-CN': `${a.bidderName} 与 ${b.bidderName} 的报价仅相差 ${(share * 100).toFixed(2)}%`,
          en: `${a.bidderName} and ${b.bidderName} bid within ${(share * 100).toFixed(2)}% of each other`,
        },
        { bidderA: a.bidderName, bidderB: b.bidderName, totalAFen: a.totalFen, totalBFen: b.totalFen },
      );
      break;
    }
  }

  if (f.publishedAt) {
    const days = (f.deadline.getTime() - f.publishedAt.getTime()) / DAY_MS;
    if (days < t.minBiddingDays)
      add(
        'short_period',
        {
          'zh-CN': `发布至截标仅 ${days.toFixed(1)} 天（依法招标不少于 ${t.minBiddingDays} 天）`,
          en: `Only ${days.toFixed(1)} days from publication to the deadline (at least ${t.minBiddingDays} for statutory tenders)`,
        },
        { biddingDays: Number(days.toFixed(1)), minimumDays: t.minBiddingDays },
      );
  }

  const failed = f.earlierTenders.filter((e) => e.status === 'failed');
  if (failed.length >= t.retenders)
    add(
      'repeated_retender',
      {
        'zh-CN': `同一需求此前已 ${failed.length} 次流标后重新招标`,
        en: `The same demand failed ${failed.length} times before and was tendered again`,
      },
      { failedEarlierTenders: failed.length },
    );
  return flags;
}
