import type { ConstructionLog } from '@zhuhe/contracts';
import type { z } from 'zod';
import type { listLogs } from './execution.service';

type Loaded = Awaited<ReturnType<typeof listLogs>>[number];

export function presentLog(
  orgId: string,
  contractId: string,
  { log, work, photos, reviews }: Loaded,
): z.infer<typeof ConstructionLog> {
  return {
    id: log.id,
    logDate: log.logDate,
    workersOnSite: log.workersOnSite,
    weather: log.weather,
    issues: log.issues,
    work,
    status: log.status as z.infer<typeof ConstructionLog>['status'],
    revisesLogId: log.revisesLogId,
    sha256: log.sha256,
    evidenceIndex: log.evidenceIndex,
    photos: photos.map((p) => ({
      id: p.id,
      name: p.name,
      sha256: p.sha256,
      takenAt: p.takenAt?.toISOString() ?? null,
      latitude: p.latitude,
      longitude: p.longitude,
      url: `/api/orgs/${orgId}/execution/${contractId}/photos/${p.id}`,
    })),
    reviews: reviews.map((r) => ({
      id: r.id,
      decision: r.decision as 'comment' | 'request_changes' | 'accept',
      comment: r.comment,
      authorName: r.authorName,
      createdAt: r.createdAt.toISOString(),
    })),
    createdAt: log.createdAt.toISOString(),
  };
}
