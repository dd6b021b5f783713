import type { MerchantApplication, MerchantStage, MerchantTier } from '@zhuhe/contracts';
import { presentFile } from '../files';
import { presentVerification } from '../verification';
import { MERCHANT_AGREEMENT } from './merchants.agreement';
import { slaOf } from './merchants.metrics';
import type { ApplicationView, CategoryRow } from './merchants.service';

export function presentCategory(row: CategoryRow | undefined, code = row?.code ?? '') {
  return {
    code,
    name: { 'zh-CN': row?.nameZh ?? code, en: row?.nameEn ?? code },
    key: row?.key ?? false,
  };
}

export function presentSla(sla: ReturnType<typeof slaOf>) {
  return {
    feedbackDueAt: sla.feedbackDueAt.toISOString(),
    cycleDueAt: sla.cycleDueAt.toISOString(),
    elapsedWorkingDays: sla.elapsedWorkingDays,
    overdue: sla.overdue,
  };
}

export function presentApplication(view: ApplicationView): MerchantApplication {
  const { row } = view;
  const stage = row.stage as MerchantStage;
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: view.orgName,
    stage,
    category: presentCategory(view.category, row.categoryCode),
    serviceRegions: row.serviceRegions,
    shopName: row.shopName,
    profile: row.profile,
    tier: row.tier as MerchantTier | null,
    verification: presentVerification(view.verification),
    reviewReasons: row.reviewReasons,
    suspendedReason: stage === 'suspended' ? row.suspendedReason : null,
    inspection: row.inspectionScheduledFor
      ? {
          scheduledFor: row.inspectionScheduledFor,
          inspector: row.inspector ?? '—',
          video: view.video ? presentFile(view.video) : null,
          result: row.inspectionResult as 'passed' | 'failed' | null,
          notes: row.inspectionNotes,
        }
      : null,
    agreement: stage === 'agreement' || row.agreementAcceptedAt ? { ...MERCHANT_AGREEMENT } : null,
    agreementAcceptedAt: row.agreementAcceptedAt?.toISOString() ?? null,
    firstSubmittedAt: row.firstSubmittedAt.toISOString(),
    submittedAt: row.submittedAt.toISOString(),
    activatedAt: row.activatedAt?.toISOString() ?? null,
    sla: presentSla(
      slaOf(
        { stage, firstSubmittedAt: row.firstSubmittedAt, submittedAt: row.submittedAt, activatedAt: row.activatedAt },
        view.now,
      ),
    ),
    takedown: view.takedown
      ? { id: view.takedown.id, reason: view.takedown.reason, at: view.takedown.takenDownAt.toISOString() }
      : null,
    history: view.events.map((e) => ({ stage: e.stage as MerchantStage, at: e.enteredAt.toISOString(), by: e.byName })),
  };
}
