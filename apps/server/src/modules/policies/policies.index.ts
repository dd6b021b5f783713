import { POLICY_CATEGORY_NAMES, type PolicyCategory } from '@zhuhe/contracts';
import { regionPath } from '../regions';
import { documentTerms, planQuery, trigramText, tsqueryLiteral, tsvectorLiteral } from '../search';

/** What of a policy is searched: the version in force. */
export interface IndexedPolicy {
  title: string;
  issuer: string;
  docNumber: string;
  regionCode: string | null;
  category: string;
  tags: readonly string[];
  fullText: string;
  keyPoints: string;
  impact: string;
  affected: string;
}

const categoryName = (category: string) => POLICY_CATEGORY_NAMES[category as PolicyCategory]?.['zh-CN'] ?? '';
const regionWords = (code: string | null) => (code ? regionPath(code).map((r) => r.name) : ['全国']);

/**
 * 政策索引 the policy's own index, cut by the search module's segmenter (ADR 0020, 0103): A title, issuer and
 * 文号; B category, tags and region names; C the interpretation; D the full text.
 */
export function policyIndex(p: IndexedPolicy): { tokens: string; trgmText: string } {
  const described = [categoryName(p.category), ...p.tags, ...regionWords(p.regionCode)].join(' ');
  return {
    tokens: tsvectorLiteral([
      { text: `${p.title} ${p.issuer} ${p.docNumber}`, weight: 'A' },
      { text: described, weight: 'B' },
      { text: `${p.keyPoints} ${p.impact} ${p.affected}`, weight: 'C' },
      { text: p.fullText.slice(0, 20_000), weight: 'D' },
    ]),
    trgmText: trigramText(`${p.title} ${p.issuer} ${described}`),
  };
}

/** The query's words as the repository's filter wants them. */
export function policyQuery(q: string | undefined) {
  const plan = planQuery(q ?? '');
  return {
    tsquery: plan.terms.length > 0 ? tsqueryLiteral(plan.terms) : null,
    titleQuery: plan.terms.length > 0 ? tsqueryLiteral(plan.terms, '&', 'A') : null,
    fuzzy: plan.fuzzy.map((f) => ({ text: f.text, tsquery: f.terms.length > 0 ? tsqueryLiteral(f.terms) : null })),
  };
}

/** Whether a subscription's keyword is in the policy: every dictionary word of it is one of the policy's terms. */
export function keywordMatches(keyword: string | null, p: IndexedPolicy): boolean {
  if (!keyword) return true;
  const plan = planQuery(keyword);
  const words = [...plan.terms, ...plan.fuzzy.flatMap((f) => (f.terms.length > 0 ? f.terms : [f.text]))];
  if (words.length === 0) return true;
  const text = `${p.title} ${p.issuer} ${p.tags.join(' ')} ${p.keyPoints} ${p.impact} ${p.affected} ${p.fullText}`;
  const terms = new Set(documentTerms(text));
  return words.every((w) => terms.has(w) || text.includes(w));
}
