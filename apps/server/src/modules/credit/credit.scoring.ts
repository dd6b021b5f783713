/**
 * 五维一体 the rating's arithmetic, pure: indicators from counts, Bayesian averaging toward a prior, dimension and
 * total scores, the grade, and what moved it since last month. No database, so every rule is tested on its own.
 */
import type { CreditDimension, CreditGrade } from '@zhuhe/contracts';

export interface CreditPolicy {
  version: number;
  /** percent per dimension, summing to 100 */
  weights: Record<CreditDimension, number>;
  /** minimum total score for each grade; below B is C */
  thresholds: { AAA: number; AA: number; A: number; B: number };
  /** m: how many pseudo-observations of the prior an indicator starts with */
  priorStrength: number;
}

/** Version 0, in force until staff approve another one (see docs/adr/0082-credit-rating.md for the reasoning). */
export const DEFAULT_POLICY: CreditPolicy = {
  version: 0,
  weights: { performance: 30, transactions: 25, reputation: 20, qualification: 15, social: 10 },
  thresholds: { AAA: 90, AA: 80, A: 70, B: 60 },
  priorStrength: 5,
};

/** Fewer observations than this and an indicator is marked 数据不足. */
export const THIN_BELOW = 3;

export type Label = { 'zh-CN': string; en: string };

export interface Indicator {
  key: string;
  label: Label;
  /** observed rate 0–1, null without data */
  observed: number | null;
  evidence: number;
  /** 0–100 after shrinking toward the prior */
  score: number;
  thin: boolean;
}

export interface Dimension {
  key: CreditDimension;
  score: number;
  weight: number;
  thin: boolean;
  indicators: Indicator[];
}

/**
 * Bayesian average: (successes + prior·m) / (n + m). With no data the prior; with much data the observed rate.
 * The prior is the rate of a typical organisation, so a firm with two good jobs is not AAA and one bad one not C.
 */
export function shrink(successes: number, n: number, prior: number, m: number): number {
  if (n + m === 0) return prior;
  return (successes + prior * m) / (n + m);
}

const round1 = (x: number) => Math.round(x * 10) / 10;
/** One formatter each, made once: `Number#toLocaleString` builds a new one per call (the monthly batch labels 200,000). */
const YUAN = { zh: new Intl.NumberFormat('zh-CN'), en: new Intl.NumberFormat('en') };

function rateIndicator(key: string, label: Label, successes: number, n: number, prior: number, m: number): Indicator {
  return {
    key,
    label,
    observed: n > 0 ? round1((successes / n) * 100) / 100 : null,
    evidence: n,
    score: round1(shrink(successes, n, prior, m) * 100),
    thin: n < THIN_BELOW,
  };
}

/** What the rating knows about one organisation as of the end of a month. */
export interface CreditFacts {
  milestonesDue: number;
  milestonesCompleted: number;
  milestonesOnTime: number;
  logsAccepted: number;
  logsSentBack: number;
  transactions: number;
  volumeFen: number;
  disputesLost: number;
  disputesSplit: number;
  disputesWon: number;
  /** ratings received: number and the sum of their mean stars (1–5) */
  ratings: number;
  ratingStarsSum: number;
  /** valid verified qualification certificates' grades (特级, 一级, 二级, 三级 …) */
  qualificationGrades: string[];
  taxYearsDeclared: number;
  taxYearsOnTime: number;
  /** as payer: escrow schedule items due, and those released by their due date */
  scheduleDue: number;
  schedulePaidOnTime: number;
  /**
   * as payee (owner of the wage account): contract-months with workers on site, and those in which wages were paid
   * from the wage account — the wage rule's monthly record (`wages.month_recorded`, FUND-5)
   */
  labourShares: number;
  labourPaidOut: number;
}

export const EMPTY_FACTS: CreditFacts = {
  milestonesDue: 0,
  milestonesCompleted: 0,
  milestonesOnTime: 0,
  logsAccepted: 0,
  logsSentBack: 0,
  transactions: 0,
  volumeFen: 0,
  disputesLost: 0,
  disputesSplit: 0,
  disputesWon: 0,
  ratings: 0,
  ratingStarsSum: 0,
  qualificationGrades: [],
  taxYearsDeclared: 0,
  taxYearsOnTime: 0,
  scheduleDue: 0,
  schedulePaidOnTime: 0,
  labourShares: 0,
  labourPaidOut: 0,
};

/** The prior of each rate: what a typical organisation achieves. */
export const PRIORS = {
  completion: 0.8,
  onTime: 0.75,
  quality: 0.85,
  activity: 0.5,
  disputes: 0.9,
  reputation: 0.7,
  qualification: 0.6,
  tax: 0.7,
  payment: 0.85,
  wages: 0.85,
} as const;

const QUAL_GRADE_SCORE: [RegExp, number][] = [
  [/特级/, 1],
  [/甲/, 0.95],
  [/一级/, 0.9],
  [/乙/, 0.8],
  [/二级/, 0.75],
  [/丙/, 0.65],
  [/三级/, 0.6],
];

export function qualificationValue(grade: string): number {
  for (const [re, v] of QUAL_GRADE_SCORE) if (re.test(grade)) return v;
  return 0.55;
}

export function dimensionsOf(f: CreditFacts, policy: CreditPolicy): Dimension[] {
  const m = policy.priorStrength;
  const performance = [
    rateIndicator(
      'completion',
      { 'zh-CN': '节点完成率', en: 'Milestone completion rate' },
      f.milestonesCompleted,
      f.milestonesDue,
      PRIORS.completion,
      m,
    ),
    rateIndicator(
      'on_time',
      { 'zh-CN': '按期完成率', en: 'On-time rate' },
      f.milestonesOnTime,
      f.milestonesDue,
      PRIORS.onTime,
      m,
    ),
    rateIndicator(
      'quality',
      { 'zh-CN': '质量合格率（日志验收、结算无异议）', en: 'Quality pass rate (logs accepted)' },
      f.logsAccepted,
      f.logsAccepted + f.logsSentBack,
      PRIORS.quality,
      m,
    ),
  ];
  // Activity rises from the prior (no transactions yet) to 100 at 20 completed transactions, never below.
  const activity = PRIORS.activity + (1 - PRIORS.activity) * (Math.min(f.transactions, 20) / 20);
  const dealings = f.transactions + f.disputesLost + f.disputesSplit + f.disputesWon;
  const transactions = [
    {
      key: 'activity',
      label: {
        'zh-CN': `交易笔数与金额（${f.transactions} 笔，¥${YUAN.zh.format(f.volumeFen / 100)}）`,
        en: `Transactions and volume (${f.transactions}, ¥${YUAN.en.format(f.volumeFen / 100)})`,
      },
      observed: f.transactions > 0 ? Math.min(f.transactions, 20) / 20 : null,
      evidence: f.transactions,
      score: round1(activity * 100),
      thin: f.transactions < THIN_BELOW,
    },
    rateIndicator(
      'disputes',
      { 'zh-CN': '无败诉纠纷率', en: 'Dealings without a lost dispute' },
      dealings - f.disputesLost - 0.5 * f.disputesSplit,
      dealings,
      PRIORS.disputes,
      m,
    ),
    rateIndicator(
      'payment',
      { 'zh-CN': '按期付款率（托管付款计划、融资还款）', en: 'Payments on schedule (escrow plan, loan repayments)' },
      f.schedulePaidOnTime,
      f.scheduleDue,
      PRIORS.payment,
      m,
    ),
  ];
  const reputation = [
    rateIndicator(
      'ratings',
      { 'zh-CN': `交易伙伴评价（${f.ratings} 条）`, en: `Trading partners' ratings (${f.ratings})` },
      (f.ratingStarsSum - f.ratings) / 4,
      f.ratings,
      PRIORS.reputation,
      m,
    ),
  ];
  const q = [...f.qualificationGrades].map(qualificationValue).sort((a, b) => b - a);
  const best = q[0] ?? 0;
  const qualification = [
    {
      key: 'certificates',
      label: {
        'zh-CN': `有效资质证书（${q.length} 本）`,
        en: `Valid qualification certificates (${q.length})`,
      },
      observed: q.length > 0 ? Math.min(1, best + 0.05 * (q.length - 1)) : null,
      evidence: q.length,
      score: round1((q.length > 0 ? Math.min(1, best + 0.05 * (q.length - 1)) : PRIORS.qualification * 0.5) * 100),
      thin: q.length === 0,
    },
  ];
  const social = [
    rateIndicator(
      'wages',
      { 'zh-CN': '农民工工资按月发放（工资专户）', en: 'Wages paid monthly from the wage account' },
      f.labourPaidOut,
      f.labourShares,
      PRIORS.wages,
      m,
    ),
    rateIndicator(
      'tax',
      { 'zh-CN': '按期纳税（单位申报）', en: 'Taxes paid on time (declared)' },
      f.taxYearsOnTime,
      f.taxYearsDeclared,
      PRIORS.tax,
      m,
    ),
  ];
  const dim = (key: CreditDimension, indicators: Indicator[]): Dimension => ({
    key,
    weight: policy.weights[key],
    score: round1(indicators.reduce((a, i) => a + i.score, 0) / indicators.length),
    thin: indicators.every((i) => i.thin),
    indicators,
  });
  return [
    dim('performance', performance),
    dim('transactions', transactions),
    dim('reputation', reputation),
    dim('qualification', qualification),
    dim('social', social),
  ];
}

export function gradeOf(score: number, t: CreditPolicy['thresholds']): CreditGrade {
  if (score >= t.AAA) return 'AAA';
  if (score >= t.AA) return 'AA';
  if (score >= t.A) return 'A';
  if (score >= t.B) return 'B';
  return 'C';
}

export interface Rating {
  score: number;
  grade: CreditGrade;
  thin: boolean;
  dimensions: Dimension[];
}

export function rate(f: CreditFacts, policy: CreditPolicy): Rating {
  const dimensions = dimensionsOf(f, policy);
  const score = Math.round(dimensions.reduce((a, d) => a + (d.score * d.weight) / 100, 0));
  // 数据不足: most dimensions rest on the prior alone.
  const thin = dimensions.filter((d) => d.thin).length >= 3;
  return { score, grade: gradeOf(score, policy.thresholds), thin, dimensions };
}

/** How many total points an indicator contributes: weight share of its dimension, split among its siblings. */
function contributions(dimensions: Dimension[]): Map<string, { label: Label; points: number }> {
  const out = new Map<string, { label: Label; points: number }>();
  for (const d of dimensions)
    for (const i of d.indicators)
      out.set(`${d.key}.${i.key}`, { label: i.label, points: (i.score * d.weight) / 100 / d.indicators.length });
  return out;
}

/** 评级说明 the indicators that moved the total since the previous month, largest first (±0.5 point or more). */
export function explain(current: Dimension[], previous: Dimension[] | null) {
  const now = contributions(current);
  const before = previous ? contributions(previous) : new Map<string, { label: Label; points: number }>();
  const moves = [...now].map(([key, v]) => ({
    key,
    label: v.label,
    delta: round1(v.points - (before.get(key)?.points ?? v.points)),
  }));
  return moves.filter((m) => Math.abs(m.delta) >= 0.5).sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
}

/** Checks a proposed policy; returns the error code, or null when it may be proposed. */
export function policyProblem(
  p: Omit<CreditPolicy, 'version'>,
): { code: 'CREDIT_WEIGHTS_NOT_100'; sum: number } | { code: 'CREDIT_THRESHOLDS_ORDER' } | null {
  const sum = Object.values(p.weights).reduce((a, b) => a + b, 0);
  if (sum !== 100) return { code: 'CREDIT_WEIGHTS_NOT_100', sum };
  const t = p.thresholds;
  if (!(t.AAA > t.AA && t.AA > t.A && t.A > t.B)) return { code: 'CREDIT_THRESHOLDS_ORDER' };
  return null;
}

/** 提升建议 the weakest indicators, as advice. */
export function advice(dimensions: Dimension[]): Label[] {
  const tips: Record<string, Label> = {
    completion: { 'zh-CN': '按计划完成合同节点', en: 'Complete contract milestones as planned' },
    on_time: { 'zh-CN': '在节点到期日前完成结算', en: 'Finish milestones before their due dates' },
    quality: { 'zh-CN': '提高施工日志一次验收通过率', en: 'Get daily logs accepted the first time' },
    activity: { 'zh-CN': '在平台上完成更多交易', en: 'Complete more transactions on the platform' },
    disputes: { 'zh-CN': '减少纠纷，优先协商解决', en: 'Avoid disputes; settle by negotiation first' },
    ratings: { 'zh-CN': '合同结束后邀请对方评价', en: 'Ask partners to rate you after a contract' },
    certificates: { 'zh-CN': '上传并保持资质证书有效', en: 'Upload qualification certificates and keep them valid' },
    tax: { 'zh-CN': '申报近年按期纳税情况', en: 'Declare your recent tax years' },
    payment: { 'zh-CN': '按托管付款计划按期付款', en: 'Pay into escrow by the schedule' },
    wages: {
      'zh-CN': '有工人在场的每个月都从工资专户发放农民工工资',
      en: 'Pay wages from the wage account in every month with workers on site',
    },
  };
  return dimensions
    .flatMap((d) => d.indicators)
    .filter((i) => i.thin || i.score < 80)
    .sort((a, b) => a.score - b.score)
    .slice(0, 3)
    .map((i) => tips[i.key] ?? i.label);
}
