import type { ComplianceHit } from '@zhuhe/contracts';

export interface TermRule {
  term: string;
  category: ComplianceHit['category'];
  basis: string;
}

/**
 * Finds every banned term in every field. Matching is literal and case-insensitive (for Latin letters); where
 * terms overlap (第一 inside 全国第一) only the longest hit is kept, so the highlight covers the whole claim.
 */
export function findBannedTerms(texts: Record<string, string>, rules: readonly TermRule[]): ComplianceHit[] {
  const hits: ComplianceHit[] = [];
  for (const [field, text] of Object.entries(texts)) {
    const haystack = text.toLowerCase();
    const found: ComplianceHit[] = [];
    for (const rule of rules) {
      const needle = rule.term.toLowerCase();
      if (!needle) continue;
      for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
        found.push({
          field,
          term: rule.term,
          category: rule.category,
          basis: rule.basis,
          start: at,
          end: at + needle.length,
        });
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
    for (const hit of found) {
      const covered = hits.some((h) => h.field === field && h.start <= hit.start && h.end >= hit.end);
      if (!covered) hits.push(hit);
    }
  }
  return hits;
}
