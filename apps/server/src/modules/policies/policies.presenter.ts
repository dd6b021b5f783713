import type {
  PolicyCategory,
  PolicyDetail,
  PolicyStatus,
  PolicySubscription,
  PolicySummary,
  PolicyVersion,
} from '@zhuhe/contracts';
import { regionName } from '../regions';
import type { PolicyRow, SubscriptionRow, VersionRow } from './policies.repository';

const NATIONWIDE = '全国';

export const policyRegionName = (code: string | null) => (code ? regionName(code) || code : NATIONWIDE);

export function presentSummary(row: PolicyRow): PolicySummary {
  return {
    id: row.id,
    status: row.status as PolicyStatus,
    title: row.title,
    issuer: row.issuer,
    docNumber: row.docNumber,
    issueDate: row.issueDate,
    effectiveDate: row.effectiveDate,
    expiryDate: row.expiryDate,
    regionCode: row.regionCode,
    regionName: policyRegionName(row.regionCode),
    category: row.category as PolicyCategory,
    tags: row.tags,
    summary: row.summary,
    versionNo: row.versionNo,
    revision: row.revision,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentVersion(
  row: VersionRow,
  names: Map<string, string>,
  pdf: { id: string; name: string; size: number } | null,
): PolicyVersion {
  return {
    versionNo: row.versionNo,
    title: row.title,
    issuer: row.issuer,
    docNumber: row.docNumber,
    issueDate: row.issueDate,
    effectiveDate: row.effectiveDate,
    expiryDate: row.expiryDate,
    regionCode: row.regionCode,
    regionName: policyRegionName(row.regionCode),
    category: row.category as PolicyCategory,
    tags: row.tags,
    fullText: row.fullText,
    pdf,
    keyPoints: row.keyPoints,
    impact: row.impact,
    affected: row.affected,
    changeNote: row.changeNote,
    editedBy: names.get(row.editedBy) ?? '',
    editedAt: row.editedAt.toISOString(),
  };
}

export function presentDetail(
  row: PolicyRow,
  current: PolicyVersion,
  versions: { versionNo: number; changeNote: string; editedBy: string; editedAt: Date }[],
  names: Map<string, string>,
): PolicyDetail {
  return {
    ...presentSummary(row),
    current,
    versions: versions.map((v) => ({
      versionNo: v.versionNo,
      changeNote: v.changeNote,
      editedBy: names.get(v.editedBy) ?? '',
      editedAt: v.editedAt.toISOString(),
    })),
    withdrawal:
      row.status === 'withdrawn' && row.withdrawnAt
        ? {
            reason: row.withdrawReason ?? '',
            at: row.withdrawnAt.toISOString(),
            by: (row.withdrawnBy && names.get(row.withdrawnBy)) || '',
          }
        : null,
  };
}

export function presentSubscription(row: SubscriptionRow): PolicySubscription {
  return {
    id: row.id,
    regionCode: row.regionCode,
    regionName: row.regionCode ? policyRegionName(row.regionCode) : null,
    category: row.category as PolicyCategory | null,
    keyword: row.keyword,
    createdAt: row.createdAt.toISOString(),
  };
}
