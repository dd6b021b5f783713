import type { EngineeringType, FileMeta, Project, ProjectQuestion, ProjectStatus, Visibility } from '@zhuhe/contracts';
import { regionName } from '../regions';
import type { ProjectQuestionRow, ProjectRow } from './projects.repository';

export function presentProject(
  row: ProjectRow,
  extra: { orgName: string; files: FileMeta[]; questionCount: number; invitedOrgIds: string[] | null; mine: boolean },
): Project {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: extra.orgName,
    name: row.name,
    engineeringType: row.engineeringType as EngineeringType,
    investmentFen: row.investmentFen,
    regionCode: row.regionCode,
    regionName: regionName(row.regionCode),
    address: row.address,
    location: { lat: row.lat, lng: row.lng, derived: row.locationDerived },
    tags: row.tags,
    startDate: row.startDate,
    endDate: row.endDate,
    tenderDeadline: row.tenderDeadline,
    status: row.status as ProjectStatus,
    description: row.description,
    visibility: row.visibility as Visibility,
    invitedOrgIds: extra.invitedOrgIds,
    tenderFiles: extra.files,
    questionCount: extra.questionCount,
    mine: extra.mine,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentQuestion(
  row: ProjectQuestionRow,
  extra: { viewer: { orgIds: readonly string[] }; askerOrgName: string | null },
): ProjectQuestion {
  return {
    id: row.id,
    question: row.question,
    answer: row.answer,
    askedAt: row.askedAt.toISOString(),
    answeredAt: row.answeredAt ? row.answeredAt.toISOString() : null,
    mine: extra.viewer.orgIds.includes(row.askerOrgId),
    askerOrgName: extra.askerOrgName,
  };
}
