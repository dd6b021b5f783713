import type { RiskTransitionView, RiskWarningView, TenderRiskView } from '@zhuhe/contracts';
import type { z } from 'zod';
import type { TenderFlagsRow } from './risk.repository';
import type { WarningDetails } from './risk.service';

export function presentWarning(d: WarningDetails): z.infer<typeof RiskWarningView> {
  const w = d.warning;
  return {
    id: w.id,
    type: w.type as z.infer<typeof RiskWarningView>['type'],
    severity: w.severity as z.infer<typeof RiskWarningView>['severity'],
    state: w.state as z.infer<typeof RiskWarningView>['state'],
    subject: { kind: w.subjectKind as z.infer<typeof RiskWarningView>['subject']['kind'], id: w.subjectId },
    contractId: w.contractId,
    title: w.title,
    summary: w.summary,
    evidence: w.evidence,
    ownerOrgId: w.ownerOrgId,
    ownerOrgName: d.ownerOrgName,
    partyOrgIds: d.partyOrgIds,
    detectedAt: w.detectedAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
    transitions: d.transitions.map(
      (t): z.infer<typeof RiskTransitionView> => ({
        from: (t.fromState === 'none' ? null : t.fromState) as z.infer<typeof RiskTransitionView>['from'],
        to: t.toState as z.infer<typeof RiskTransitionView>['to'],
        actorKind: t.actorKind as z.infer<typeof RiskTransitionView>['actorKind'],
        note: t.note,
        at: t.at.toISOString(),
      }),
    ),
  };
}

export function presentTender(t: { row: TenderFlagsRow; buyerName: string }): TenderRiskView {
  return {
    tenderId: t.row.tenderId,
    title: t.row.title,
    buyerOrgId: t.row.buyerOrgId,
    buyerName: t.buyerName,
    flags: t.row.flags as TenderRiskView['flags'],
    computedAt: t.row.computedAt.toISOString(),
  };
}
