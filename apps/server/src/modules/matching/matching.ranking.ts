import type { MatchReason } from '@zhuhe/contracts';
import type { SupplierHistory } from '../cooperation';
import { FEATURE_LABELS, FEATURES, type FeatureQuery, featureRows } from './matching.features';
import { linearScore, type MatchingModel } from './matching.model';

/** A policy signal (not learned from award history): listings, response rate, AAA/VIP, new-merchant boost … */
export interface PolicySignal {
  signal: string;
  label: { 'zh-CN': string; en: string };
  contribution: number;
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
 * score, largest first.
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
    const learned: MatchReason[] = FEATURES.map((f, j) => ({
      signal: f,
      label: FEATURE_LABELS[f],
      contribution: round((model.weights[j] ?? 0) * (x[j] as number)),
    }));
    const extra = policy(candidate).map((p) => ({ ...p, contribution: round(p.contribution) }));
    const score = linearScore(model, x) + extra.reduce((s, p) => s + p.contribution, 0);
    const reasons = [...learned, ...extra]
      .filter((r) => r.contribution > 0)
      .sort((a, b) => b.contribution - a.contribution);
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
