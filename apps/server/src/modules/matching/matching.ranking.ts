import type { MatchReason } from '@zhuhe/contracts';
import type { SupplierHistory } from '../cooperation';
import { FEATURE_LABELS, FEATURES, type FeatureQuery, featureRows, supportsMatch } from './matching.features';
import { linearScore, type MatchingModel } from './matching.model';

/** A policy signal (not learned from award history): listings, response rate, AAA/VIP, new-merchant boost … */
export interface PolicySignal {
  signal: string;
  label: { 'zh-CN': string; en: string };
  contribution: number;
  /** false: the signal counts in the score but its label would not be true of this match, so it is not shown */
  shown?: boolean;
}

export interface Ranked<T extends SupplierHistory = SupplierHistory> {
  candidate: T;
  features: number[];
  score: number;
  reasons: MatchReason[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Scores every candidate: the learned linear score of its history features plus its policy signals; best first
 * (ties: more history first, then name and firm id, so the order is stable). Reasons are the signals that added to the
 * score and whose value supports the match (`supportsMatch`, a policy signal's `shown`), largest first.
 */
export function rank<T extends SupplierHistory>(
  model: MatchingModel,
  query: FeatureQuery,
  candidates: readonly T[],
  policy: (candidate: T) => PolicySignal[] = () => [],
): Ranked<T>[] {
  const rows = featureRows(query, candidates);
  const ranked = candidates.map((candidate, i) => {
    const x = rows[i] as number[];
    const learned = FEATURES.map((f, j) => ({
      signal: f,
      label: FEATURE_LABELS[f],
      contribution: round((model.weights[j] ?? 0) * (x[j] as number)),
      shown: supportsMatch(f, x[j] as number),
    }));
    const extra = policy(candidate).map((p) => ({ ...p, contribution: round(p.contribution), shown: p.shown ?? true }));
    const score = linearScore(model, x) + extra.reduce((s, p) => s + p.contribution, 0);
    const reasons: MatchReason[] = [...learned, ...extra]
      .filter((r) => r.contribution > 0 && r.shown)
      .sort((a, b) => b.contribution - a.contribution)
      .map(({ signal, label, contribution }) => ({ signal, label, contribution }));
    return { candidate, features: x, score: round(score), reasons };
  });
  return ranked.sort(
    (a, b) =>
      b.score - a.score ||
      b.candidate.sameDivision - a.candidate.sameDivision ||
      a.candidate.name.localeCompare(b.candidate.name) ||
      (a.candidate.firmId < b.candidate.firmId ? -1 : 1),
  );
}
