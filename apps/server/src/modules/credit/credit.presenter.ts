import { type CreditGrade, DisputeResult } from '@zhuhe/contracts';
import type { MonthlyRow, RatingRow } from './credit.repository';
import type { creditProfile } from './credit.service';

type Dim = {
  key: 'performance' | 'transactions' | 'reputation' | 'qualification' | 'social';
  score: number;
  weight: number;
  thin: boolean;
  indicators: {
    key: string;
    label: { 'zh-CN': string; en: string };
    observed: number | null;
    evidence: number;
    score: number;
    thin: boolean;
  }[];
};
type Move = { key: string; label: { 'zh-CN': string; en: string }; delta: number };

export function presentRating(r: RatingRow) {
  return {
    id: r.id,
    contractId: r.contractId,
    raterOrgId: r.raterOrgId,
    ratedOrgId: r.ratedOrgId,
    stars: { quality: r.quality, timeliness: r.timeliness, cooperation: r.cooperation, payment: r.payment },
    comment: r.comment,
    createdAt: r.createdAt.toISOString(),
  };
}

/** a month row with its explanation (derived on read from this month's and the previous month's dimensions) */
export function presentMonth(m: MonthlyRow & { explanation: unknown[] }) {
  return {
    month: m.month,
    score: m.score,
    grade: m.grade as CreditGrade,
    policyVersion: m.policyVersion,
    thin: m.thin,
    dimensions: m.dimensions as Dim[],
    explanation: m.explanation as Move[],
    computedAt: m.computedAt.toISOString(),
  };
}

export function presentProfile(p: Awaited<ReturnType<typeof creditProfile>>) {
  return {
    orgId: p.orgId,
    grade: p.grade,
    source: p.source,
    latest: p.latest ? presentMonth(p.latest) : null,
    history: p.history,
    override: p.override
      ? {
          grade: p.override.grade as CreditGrade,
          reason: p.override.reason,
          expiresOn: p.override.expiresOn,
          approvedBy: p.override.approvedBy,
        }
      : null,
    ratingsReceived: p.ratingsReceived,
    disputeResults: p.disputeResults.map((d) => ({
      result: DisputeResult.parse(d.result),
      level: d.level,
      decidedAt: d.decidedAt.toISOString(),
      countsInMonth: d.countsInMonth,
    })),
    advice: p.advice,
  };
}
