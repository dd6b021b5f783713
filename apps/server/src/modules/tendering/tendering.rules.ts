import type { CreditGrade, QualificationGrade } from '@zhuhe/contracts';
import { type DEMAND_QUALIFICATION_GRADES, QUALIFICATION_GRADES } from '@zhuhe/contracts';

type DemandGrade = (typeof DEMAND_QUALIFICATION_GRADES)[number];

/**
 * The one place tendering maps a demand's grade (as buyers write it: 特级 …) to a certificate grade code
 * (special …). 不限 maps to null: any grade, or an ungraded certificate, meets it.
 */
export function demandGradeToQualificationGrade(grade: string): QualificationGrade | null {
  const map: Record<DemandGrade, QualificationGrade | null> = {
    特级: 'special',
    一级: 'first',
    二级: 'second',
    三级: 'third',
    甲级: 'grade_a',
    乙级: 'grade_b',
    不限: null,
  };
  return (map as Record<string, QualificationGrade | null>)[grade] ?? null;
}

/** Contracting grades rank 特级 > 一级 > 二级 > 三级; design and supervision grades rank 甲级 > 乙级. */
const LADDERS: readonly QualificationGrade[][] = [
  ['special', 'first', 'second', 'third'],
  ['grade_a', 'grade_b'],
];

/** True when a certificate of grade `held` meets a requirement of grade `required` (same ladder, at least as high). */
export function gradeMeets(held: string, required: QualificationGrade | null): boolean {
  if (required === null) return (QUALIFICATION_GRADES as readonly string[]).includes(held);
  const ladder = LADDERS.find((l) => l.includes(required));
  if (!ladder?.includes(held as QualificationGrade)) return false;
  return ladder.indexOf(held as QualificationGrade) <= ladder.indexOf(required);
}

export const GRADE_NAMES: Record<string, string> = {
  special: '特级',
  first: '一级',
  second: '二级',
  third: '三级',
  grade_a: '甲级',
  grade_b: '乙级',
  ungraded: '不分等级',
};

/** Words in a demand's free-text requirement that name a certificate kind. */
const KIND_WORDS: [RegExp, string][] = [
  [/施工总承包/u, 'general_contracting'],
  [/专业承包/u, 'specialty_contracting'],
  [/劳务/u, 'labour'],
  [/设计/u, 'design'],
  [/监理/u, 'supervision'],
  [/安全生产许可/u, 'safety_licence'],
];

export interface HeldQualification {
  kind: string;
  category: string;
  grade: string;
  number: string;
  validUntil: string;
}

/**
 * A certificate meets the requirement text when its kind agrees with any kind word in it and, when the text
 * names a field (钢结构工程 …), the certificate's category names the same field. An empty requirement is met by
 * any valid certificate.
 */
export function qualificationMatches(requirement: string, q: HeldQualification): boolean {
  const text = requirement.trim();
  if (!text) return true;
  const kinds = KIND_WORDS.filter(([re]) => re.test(text)).map(([, kind]) => kind);
  if (kinds.length > 0 && !kinds.includes(q.kind)) return false;
  const field = text.replace(/(施工总承包|专业承包|劳务分包|劳务|资质|设计|监理|安全生产许可证?)/gu, '').trim();
  if (!field) return true;
  const category = q.category.replace(/(工程|行业|\(|\)|（|）)/gu, '');
  const wanted = field.replace(/(工程|行业)/gu, '');
  return category.length > 0 && (wanted.includes(category) || category.includes(wanted));
}

/** 信用分 points (of 100) by credit grade; an organisation not yet rated scores as a B+ middle. C cannot bid. */
export const CREDIT_POINTS: Record<CreditGrade | 'none', number> = { AAA: 100, AA: 90, A: 80, B: 60, C: 0, none: 70 };

/** 业绩分 points (of 100) from contracts signed on the platform: 60 for a newcomer, +10 each, at most 100. */
export function performancePoints(signedContracts: number): number {
  return Math.min(100, 60 + 10 * signedContracts);
}

export interface ScoringInput {
  bidId: string;
  totalFen: number;
  /** latest technical score (0–100) of each evaluator, null where not yet scored */
  technical: (number | null)[];
  creditGrade: CreditGrade | null;
  signedContracts: number;
  submittedAt: Date;
}

export interface ScoredBid {
  bidId: string;
  totalFen: number;
  price: number;
  technical: number;
  credit: number;
  performance: number;
  total: number;
  rank: number;
}

/**
 * 评分表 the scoring table, in hundredths of a point (integers, so sums are exact):
 *   price       = weight × lowest valid price / this price (the lowest scores full marks);
 *   technical   = weight × mean of the evaluators' scores / 100;
 *   credit      = weight × CREDIT_POINTS[grade] / 100;
 *   performance = weight × performancePoints(signed contracts) / 100.
 * Ranked by total, then lower price, then earlier submission. Each part is rounded half up to 0.01.
 */
export function scoreBids(
  weights: { price: number; technical: number; credit: number; performance: number },
  bids: ScoringInput[],
): ScoredBid[] {
  if (bids.length === 0) return [];
  const lowest = Math.min(...bids.map((b) => b.totalFen));
  const scored = bids.map((b) => {
    const price = b.totalFen === 0 ? weights.price * 100 : Math.round((weights.price * 100 * lowest) / b.totalFen);
    const given = b.technical.filter((s): s is number => s !== null);
    const mean = given.length ? given.reduce((a, s) => a + s, 0) / given.length : 0;
    const technical = Math.round(weights.technical * mean);
    const credit = Math.round(weights.credit * CREDIT_POINTS[b.creditGrade ?? 'none']);
    const performance = Math.round(weights.performance * performancePoints(b.signedContracts));
    return {
      bidId: b.bidId,
      totalFen: b.totalFen,
      price,
      technical,
      credit,
      performance,
      total: price + technical + credit + performance,
      submittedAt: b.submittedAt,
    };
  });
  scored.sort(
    (a, b) => b.total - a.total || a.totalFen - b.totalFen || a.submittedAt.getTime() - b.submittedAt.getTime(),
  );
  return scored.map(({ submittedAt: _s, ...row }, i) => ({ ...row, rank: i + 1 }));
}

/** 投标总价: Σ round(quantity × unit price), each line rounded half up to the fen. */
export function bidTotalFen(items: { quantity: number }[], unitPricesFen: number[]): number {
  return items.reduce((sum, item, i) => sum + Math.round(item.quantity * (unitPricesFen[i] ?? 0)), 0);
}
