import type { SupplierHistory } from '../cooperation';

/**
 * The learned signals of the matcher, in the order of the weight vector. Each is computed the same way for
 * training (history before an award) and for a live demand (history before today).
 */
export const FEATURES = [
  'fromBuyer',
  'fromBuyerDivision',
  'sameCode',
  'sameGroup',
  'sameDivision',
  'sameRegion',
  'fromSimilarBuyers',
  'text',
  'sameTown',
  'amountFit',
  'recency',
  'rating',
] as const;
export type Feature = (typeof FEATURES)[number];

export const FEATURE_LABELS: Record<Feature, { 'zh-CN': string; en: string }> = {
  fromBuyer: { 'zh-CN': '与该采购方合作过', en: 'Has worked for this buyer' },
  fromBuyerDivision: { 'zh-CN': '为该采购方做过同类工作', en: 'Did this kind of work for this buyer' },
  sameCode: { 'zh-CN': '做过完全相同品类', en: 'Did exactly this category' },
  sameGroup: { 'zh-CN': '同类品类经验', en: 'Experience in this category group' },
  sameDivision: { 'zh-CN': '同大类经验', en: 'Experience in this category division' },
  sameRegion: { 'zh-CN': '在本地区有业绩', en: 'Track record in this region' },
  fromSimilarBuyers: { 'zh-CN': '相似采购方的常用供应商', en: 'Chosen by similar buyers' },
  text: { 'zh-CN': '历史业绩与需求内容相似', en: 'Past work resembles this demand' },
  sameTown: { 'zh-CN': '与项目同城', en: 'Based in the same town' },
  amountFit: { 'zh-CN': '历史合同金额与预算相当', en: 'Past contract sizes fit the budget' },
  recency: { 'zh-CN': '近期活跃', en: 'Recently active' },
  rating: { 'zh-CN': '历史评价', en: 'Past ratings' },
};

/** Past contracts whose typical size is within this factor of the budget are 相当 (comparable). */
export const AMOUNT_FIT_FACTOR = 3;

/**
 * The least value of each learned signal that supports a match, so that its reason may be shown: a weight adds
 * to the score for any value above zero (48.96 万 of past contracts still adds a little to a 6,900 万 budget),
 * but "历史合同金额与预算相当" must be true when it is said. Counts support from one past award on.
 */
export const REASON_MIN: Record<Feature, number> = {
  fromBuyer: Math.log1p(1),
  fromBuyerDivision: Math.log1p(1),
  sameCode: Math.log1p(1),
  sameGroup: Math.log1p(1),
  sameDivision: Math.log1p(1),
  sameRegion: Math.log1p(1),
  fromSimilarBuyers: Math.log1p(1),
  // a quarter of the demand's (idf-weighted) words found in the supplier's past work
  text: 0.25,
  sameTown: 1,
  // exp(-|ln(budget / typical)| / 2) at a ratio of AMOUNT_FIT_FACTOR
  amountFit: Math.exp(-Math.log(AMOUNT_FIT_FACTOR) / 2),
  // active within the last year
  recency: Math.exp(-1),
  // rated above the middle of the scale
  rating: Number.EPSILON,
};

/** Whether a signal's value supports the match (see {@link REASON_MIN}). */
export function supportsMatch(feature: Feature, value: number): boolean {
  return value >= REASON_MIN[feature] - 1e-12;
}

const STOP = new Set(
  'und der die das des für von mit zur zum auf bei den dem ein eine del della dei per con lot los los lotto and the for of in to a és az egy pentru si cu de la 工程 项目 采购 分包'.split(
    ' ',
  ),
);

/** Words of a title: Latin words (3+ letters, folded), CJK bigrams. */
export function tokens(text: string): Set<string> {
  const out = new Set<string>();
  const lower = text.normalize('NFKC').toLowerCase();
  for (const m of lower.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    if (/[\u4e00-\u9fff]/.test(w)) {
      for (let i = 0; i + 1 < w.length; i += 1) {
        const bigram = w.slice(i, i + 2);
        if (!STOP.has(bigram)) out.add(bigram);
      }
    } else if (w.length >= 3 && !/^\d+$/.test(w) && !STOP.has(w)) out.add(w.length > 8 ? w.slice(0, 8) : w);
  }
  return out;
}

export interface FeatureQuery {
  title: string;
  /** in the same minor unit as the history's amounts */
  amountMinor: number | null;
  /** YYYY-MM-DD */
  on: string;
  buyerTown: string;
}

const DAY = 86_400_000;

/** One feature row per candidate; text similarity is tf-idf cosine with idf over this candidate set. */
export function featureRows(query: FeatureQuery, candidates: readonly SupplierHistory[]): number[][] {
  const queryTokens = tokens(query.title);
  const docs = candidates.map((c) => tokens(c.titles));
  const df = new Map<string, number>();
  for (const doc of docs) for (const t of doc) if (queryTokens.has(t)) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log((docs.length + 1) / ((df.get(t) ?? 0) + 1)) + 1;
  const queryNorm = Math.sqrt([...queryTokens].reduce((s, t) => s + idf(t) ** 2, 0));
  const town = query.buyerTown.trim().toLowerCase();
  const logAmount = query.amountMinor && query.amountMinor > 0 ? Math.log(query.amountMinor) : null;
  const on = Date.parse(query.on);
  return candidates.map((c, i) => {
    const doc = docs[i] as Set<string>;
    let dot = 0;
    for (const t of queryTokens) if (doc.has(t)) dot += idf(t) ** 2;
    // share of the demand's (idf-weighted) words found in the supplier's past work
    const text = dot > 0 && queryNorm > 0 ? dot / queryNorm ** 2 : 0;
    const days = c.lastOn ? Math.max(0, (on - Date.parse(c.lastOn)) / DAY) : 3650;
    return [
      Math.log1p(c.fromBuyer),
      Math.log1p(c.fromBuyerDivision),
      Math.log1p(c.sameCode),
      Math.log1p(c.sameGroup),
      Math.log1p(c.sameDivision),
      Math.log1p(c.sameRegion),
      Math.log1p(c.fromSimilarBuyers),
      Math.min(1, text),
      town !== '' && c.town.trim().toLowerCase() === town ? 1 : 0,
      logAmount !== null && c.meanLogAmount !== null ? Math.exp(-Math.abs(logAmount - c.meanLogAmount) / 2) : 0,
      Math.exp(-days / 365),
      c.meanRating !== null ? (c.meanRating - 3) / 2 : 0,
    ];
  });
}
