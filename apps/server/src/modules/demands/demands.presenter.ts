import type { Demand, DemandStatus, FileMeta } from '@zhuhe/contracts';
import { regionName } from '../regions';
import type { DemandReviewRow, DemandRow } from './demands.repository';

export interface DemandExtras {
  orgName: string;
  mine: boolean;
  /** owner and staff: the attachments and the latest review */
  privileged: {
    feasibility: FileMeta | null;
    fundsProof: FileMeta | null;
    source: FileMeta | null;
    review: DemandReviewRow | undefined;
  } | null;
}

export function presentDemand(row: DemandRow, extra: DemandExtras): Demand {
  const review = extra.privileged?.review;
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: extra.orgName,
    type: row.type as Demand['type'],
    title: row.title,
    projectName: row.projectName,
    category: row.category,
    items: row.items,
    budgetFen: row.budgetFen,
    qualificationKind: row.qualificationKind,
    qualificationGrade: row.qualificationGrade as Demand['qualificationGrade'],
    regionCode: row.regionCode,
    regionName: regionName(row.regionCode),
    siteAddress: row.siteAddress,
    location: { lat: row.lat, lng: row.lng, derived: row.locationDerived },
    deadline: row.deadline,
    description: row.description,
    tags: row.tags,
    status: row.status as DemandStatus,
    attachments: extra.privileged
      ? {
          feasibility: extra.privileged.feasibility,
          fundsProof: extra.privileged.fundsProof,
          source: extra.privileged.source,
        }
      : null,
    review: review
      ? {
          submittedAt: review.submittedAt.toISOString(),
          dueAt: review.dueAt.toISOString(),
          decidedAt: review.decidedAt?.toISOString() ?? null,
          decision: (review.decision as 'approved' | 'rejected' | null) ?? null,
          reason: review.reason,
        }
      : null,
    mine: extra.mine,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}
