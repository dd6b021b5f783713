import type { Settlement } from '@zhuhe/contracts';
import type { z } from 'zod';
import { PLATFORM_SEAL_ORG } from '../signing';
import type { loadSettlement } from './settlement.service';

type Loaded = Awaited<ReturnType<typeof loadSettlement>>;
type Role = 'gc' | 'payee' | 'supervisor';

export function presentSettlement(loaded: Loaded): z.infer<typeof Settlement> {
  const { settlement, state, proposals, signatures } = loaded;
  return {
    id: settlement.id,
    contractId: settlement.contractId,
    milestoneId: settlement.milestoneId,
    milestoneTitle: loaded.milestoneTitle,
    status: settlement.status as z.infer<typeof Settlement>['status'],
    myRole: loaded.access.role,
    proposals: proposals.map((p) => ({
      id: p.id,
      lineId: p.lineId,
      quantityMilli: p.quantityMilli,
      note: p.note,
      proposedByRole: p.role as Role,
      createdAt: p.createdAt.toISOString(),
      votes: state.votesOf(p.id).map((v) => ({
        orgId: v.orgId,
        role: v.role as Role,
        decision: v.decision as 'confirm' | 'dispute',
        note: v.note,
        createdAt: v.createdAt.toISOString(),
      })),
      agreed: state.agreed(p),
      superseded: state.superseded(p),
    })),
    disputes: state.disputes,
    allAgreed: loaded.allAgreed,
    statement: settlement.statement ?? null,
    statementSha256: settlement.statementSha256,
    signatures: signatures.map((s) => ({
      orgId: s.orgId,
      role: s.role as Role,
      signerName: s.signerName,
      signedAt: s.signedAt.toISOString(),
    })),
    signedSha256: settlement.signedSha256,
    evidenceIndex: settlement.evidenceIndex,
    platformSeal: settlement.platformSealedAt
      ? {
          orgName: PLATFORM_SEAL_ORG.name,
          sealedAt: settlement.platformSealedAt.toISOString(),
          certSha256: settlement.platformSealCertSha256 ?? '',
        }
      : null,
    releaseError: settlement.releaseError,
    releasedAt: settlement.releasedAt?.toISOString() ?? null,
    createdAt: settlement.createdAt.toISOString(),
  };
}
