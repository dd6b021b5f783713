import type { MerchantStage, MerchantTier, ParsedVerificationPackage } from '@zhuhe/contracts';
import { appendAuditInTx } from '../../infra/audit/audit-chain';
import { addWorkingDays, workingDaysBetween } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { sha256Hex } from '../../infra/crypto';
import type { DbOrTx } from '../../infra/db/client';
import type { DomainEvents } from '../../infra/events';
import { newId } from '../../infra/ids';
import { recordProductEvent } from '../analytics';
import { activeTakedown, assertCompliant } from '../compliance';
import { getFile, type StoredFileRow, storeFile } from '../files';
import { getUser } from '../identity';
import { getOrganisation, getOrganisations } from '../organisation';
import {
  applyDecision,
  type CredentialExpired,
  getVerification,
  loadViews,
  prepareDecision,
  prepareVerification,
  savePreparedVerification,
  type VerificationView,
  verificationFile,
} from '../verification';
import { MERCHANT_AGREEMENT } from './merchants.agreement';
import { merchantErrors } from './merchants.errors';
import {
  BRAND_SHARE_TARGET_BP,
  CYCLE_WORKING_DAYS,
  FEEDBACK_WORKING_DAYS,
  feedbackOnTimeBp,
  PASS_RATE_TARGET_MAX_BP,
  round2,
  shareBp,
  slaOf,
  stageDurations,
} from './merchants.metrics';
import * as repo from './merchants.repository';
import { evaluateMerchantTier, type MerchantPerformanceSource } from './merchants.tiers';

export type { ApplicationRow, CategoryRow, StageEventRow } from './merchants.repository';

const MERCHANT_ROLES = ['SUP', 'SUB', 'DES', 'SVR'];
const STAGE_NAMES: Record<MerchantStage, string> = {
  needs_correction: '待补正',
  in_review: '审核中',
  inspection: '实地考察',
  agreement: '待签协议',
  active: '已开通',
  rejected: '未通过',
  suspended: '已暂停',
};

export async function listCategories(ctx: AppContext) {
  return repo.listCategories(ctx.db);
}

export async function setCategoryKey(ctx: AppContext, code: string, key: boolean) {
  const row = await repo.setCategoryKey(ctx.db, code, key);
  if (!row) throw merchantErrors.raise('MERCHANT_CATEGORY_NOT_FOUND');
  return row;
}

async function staffName(ctx: AppContext, userId: string): Promise<string> {
  return (await getUser(ctx, userId))?.displayName ?? '—';
}

async function enterStage(
  tx: DbOrTx,
  app: { orgId: string; id: string },
  stage: MerchantStage,
  at: Date,
  byName: string | null,
): Promise<void> {
  await repo.insertStageEvent(tx, {
    orgId: app.orgId,
    id: newId(),
    applicationId: app.id,
    stage,
    enteredAt: at,
    byName,
  });
}

export interface ApplyInput {
  categoryCode: string;
  serviceRegions: string[];
  shopName: string;
  profile: string;
  verification: ParsedVerificationPackage;
}

/**
 * 提交入驻申请 apply (or resubmit after corrections / after a suspension). The profile is checked for banned
 * claims and the documents for validity before anything is stored; then the automatic checks decide between
 * review and corrections, and the application and its verification are stored in one transaction.
 */
export async function apply(
  ctx: AppContext,
  actor: { userId: string },
  orgId: string,
  input: ApplyInput,
  now = new Date(),
): Promise<repo.ApplicationRow> {
  const org = await getOrganisation(ctx, orgId);
  if (!org.businessRoles.some((r) => MERCHANT_ROLES.includes(r))) throw merchantErrors.raise('MERCHANT_ROLE_REQUIRED');
  if (!(await repo.findCategory(ctx.db, input.categoryCode))) throw merchantErrors.raise('MERCHANT_CATEGORY_UNKNOWN');
  await assertCompliant(ctx, { shopName: input.shopName, profile: input.profile });
  const existing = await repo.latestApplication(ctx.db, orgId);
  const resubmittable: MerchantStage[] = ['needs_correction', 'suspended'];
  if (existing && existing.stage !== 'rejected' && !resubmittable.includes(existing.stage as MerchantStage))
    throw merchantErrors.raise('MERCHANT_APPLICATION_OPEN', { stage: STAGE_NAMES[existing.stage as MerchantStage] });
  const prepared = await prepareVerification(ctx, {
    orgId,
    userId: actor.userId,
    pkg: input.verification,
    purpose: 'merchant',
    now,
  });
  const stage: MerchantStage = prepared.submission.status === 'pending' ? 'in_review' : 'needs_correction';
  const fields = {
    categoryCode: input.categoryCode,
    serviceRegions: [...new Set(input.serviceRegions)],
    shopName: input.shopName,
    profile: input.profile,
    verificationId: prepared.submission.id,
    stage,
    submittedAt: now,
    stageEnteredAt: now,
  };
  return ctx.db.transaction(async (tx) => {
    await savePreparedVerification(ctx, tx, prepared, org.verification);
    let row: repo.ApplicationRow | undefined;
    if (existing && existing.stage !== 'rejected') {
      row = await repo.updateApplication(tx, existing.id, [existing.stage], {
        ...fields,
        suspendedReason: existing.suspendedReason,
      });
      if (!row)
        throw merchantErrors.raise('MERCHANT_WRONG_STAGE', { stage: STAGE_NAMES[existing.stage as MerchantStage] });
    } else {
      row = await repo.insertApplication(tx, {
        orgId,
        id: newId(),
        ...fields,
        firstSubmittedAt: now,
        createdBy: actor.userId,
      });
      await recordProductEvent(
        ctx,
        { name: 'merchant.applied', userId: actor.userId, orgId, properties: { category: input.categoryCode } },
        tx,
      );
    }
    await enterStage(tx, row, stage, now, null);
    return row;
  });
}

export async function currentApplication(ctx: AppContext, orgId: string) {
  return repo.latestApplication(ctx.db, orgId);
}

export async function getApplication(ctx: AppContext, applicationId: string): Promise<repo.ApplicationRow> {
  const row = await repo.findApplication(ctx.db, applicationId);
  if (!row) throw merchantErrors.raise('MERCHANT_APPLICATION_NOT_FOUND');
  return row;
}

function wrongStage(row: repo.ApplicationRow) {
  return merchantErrors.raise('MERCHANT_WRONG_STAGE', { stage: STAGE_NAMES[row.stage as MerchantStage] });
}

/**
 * 审核结论 the reviewer's decision on the documents. Approving assigns the tier and moves the application to the
 * on-site inspection (key categories) or straight to the agreement; a merchant reinstated after a suspension,
 * who already signed, goes back to active. Rejecting needs reasons, which the applicant sees.
 */
export async function decide(
  ctx: AppContext,
  actor: { userId: string },
  applicationId: string,
  input: { decision: 'approve' | 'reject'; reasons: string[]; tier?: MerchantTier | undefined },
  now = new Date(),
): Promise<repo.ApplicationRow> {
  const row = await getApplication(ctx, applicationId);
  if (row.stage !== 'in_review') throw wrongStage(row);
  const category = await repo.findCategory(ctx.db, row.categoryCode);
  const name = await staffName(ctx, actor.userId);
  const approve = input.decision === 'approve';
  const next: MerchantStage = !approve
    ? 'rejected'
    : row.agreementAcceptedAt
      ? 'active'
      : category?.key
        ? 'inspection'
        : 'agreement';
  const verificationDecision = await prepareDecision(ctx, actor, row.verificationId, { viaMerchant: true });
  return ctx.db.transaction(async (tx) => {
    await applyDecision(ctx, tx, verificationDecision, input, now);
    const tier = approve ? (input.tier ?? (row.tier as MerchantTier | null) ?? 'potential') : row.tier;
    const updated = await repo.updateApplication(tx, row.id, ['in_review'], {
      stage: next,
      stageEnteredAt: now,
      reviewReasons: input.reasons,
      reviewedBy: actor.userId,
      reviewedAt: now,
      tier,
      ...(next === 'active' ? { suspendedReason: null } : {}),
    });
    if (!updated) throw wrongStage(row);
    if (approve && tier !== row.tier && tier) {
      await repo.insertTierChange(tx, {
        orgId: row.orgId,
        id: newId(),
        applicationId: row.id,
        fromTier: row.tier,
        toTier: tier,
        reason: { 'zh-CN': `审核通过时由 ${name} 评定`, en: `Assigned at approval by ${name}` },
        at: now,
      });
    }
    await enterStage(tx, updated, next, now, name);
    return updated;
  });
}

/** 实地考察 schedules the on-site inspection of a key-category applicant: date and inspector. */
export async function scheduleInspection(
  ctx: AppContext,
  applicationId: string,
  input: { scheduledFor: string; inspector: string },
): Promise<repo.ApplicationRow> {
  const row = await getApplication(ctx, applicationId);
  if (row.stage !== 'inspection') throw wrongStage(row);
  const updated = await repo.updateApplication(ctx.db, row.id, ['inspection'], {
    inspectionScheduledFor: input.scheduledFor,
    inspector: input.inspector,
  });
  if (!updated) throw wrongStage(row);
  return updated;
}

/** The inspection video is stored as the applicant's file (type read from the bytes: it must be a video). */
export async function attachInspectionVideo(
  ctx: AppContext,
  actor: { userId: string },
  applicationId: string,
  readUpload: () => Promise<{ name: string; bytes: Buffer }>,
): Promise<{ application: repo.ApplicationRow; file: StoredFileRow }> {
  const row = await getApplication(ctx, applicationId);
  if (row.stage !== 'inspection') throw wrongStage(row);
  if (!row.inspectionScheduledFor) throw merchantErrors.raise('MERCHANT_INSPECTION_NOT_SCHEDULED');
  const file = await readUpload();
  const stored = await storeFile(ctx, {
    orgId: row.orgId,
    userId: actor.userId,
    name: file.name,
    bytes: file.bytes,
    accept: ['video'],
  });
  const updated = await repo.updateApplication(ctx.db, row.id, ['inspection'], { inspectionVideoFileId: stored.id });
  if (!updated) throw wrongStage(row);
  return { application: updated, file: stored };
}

/**
 * 考察结论 the second review of a key category: recorded by a reviewer other than the one who approved the
 * documents, with the video on file. Passed → agreement; failed → rejected with the notes as the reason.
 */
export async function recordInspection(
  ctx: AppContext,
  actor: { userId: string },
  applicationId: string,
  input: { result: 'passed' | 'failed'; notes: string },
  now = new Date(),
): Promise<repo.ApplicationRow> {
  const row = await getApplication(ctx, applicationId);
  if (row.stage !== 'inspection') throw wrongStage(row);
  if (!row.inspectionScheduledFor) throw merchantErrors.raise('MERCHANT_INSPECTION_NOT_SCHEDULED');
  if (!row.inspectionVideoFileId) throw merchantErrors.raise('MERCHANT_INSPECTION_VIDEO_REQUIRED');
  if (row.reviewedBy === actor.userId) throw merchantErrors.raise('MERCHANT_SECOND_REVIEWER_REQUIRED');
  const name = await staffName(ctx, actor.userId);
  const next: MerchantStage = input.result === 'passed' ? 'agreement' : 'rejected';
  return ctx.db.transaction(async (tx) => {
    const updated = await repo.updateApplication(tx, row.id, ['inspection'], {
      stage: next,
      stageEnteredAt: now,
      inspectionResult: input.result,
      inspectionNotes: input.notes || null,
      inspectedBy: actor.userId,
      ...(next === 'rejected' ? { reviewReasons: [input.notes] } : {}),
    });
    if (!updated) throw wrongStage(row);
    await enterStage(tx, updated, next, now, name);
    return updated;
  });
}

/**
 * 在线签约 the merchant accepts the agreement (the route requires a fresh 2FA step-up). The acceptance, with the
 * version and SHA-256 of the text, is written to the audit chain in the same transaction; the merchant is active.
 */
export async function acceptAgreement(
  ctx: AppContext,
  actor: { userId: string },
  orgId: string,
  input: { agreementVersion: string },
  meta: { ip: string | null },
  now = new Date(),
): Promise<repo.ApplicationRow> {
  const row = await repo.latestApplication(ctx.db, orgId);
  if (!row) throw merchantErrors.raise('MERCHANT_APPLICATION_NOT_FOUND');
  if (row.stage !== 'agreement') throw wrongStage(row);
  if (input.agreementVersion !== MERCHANT_AGREEMENT.version)
    throw merchantErrors.raise('MERCHANT_AGREEMENT_OUTDATED', { version: MERCHANT_AGREEMENT.version });
  return ctx.db.transaction(async (tx) => {
    const updated = await repo.updateApplication(tx, row.id, ['agreement'], {
      stage: 'active',
      stageEnteredAt: now,
      agreementVersion: MERCHANT_AGREEMENT.version,
      agreementSha256: MERCHANT_AGREEMENT.sha256,
      agreementAcceptedAt: now,
      agreementAcceptedBy: actor.userId,
      activatedAt: row.activatedAt ?? now,
    });
    if (!updated) throw wrongStage(row);
    await appendAuditInTx(tx, {
      actorUserId: actor.userId,
      orgId,
      action: 'merchants.agreement.signed',
      target: `merchant application ${row.id} agreement ${MERCHANT_AGREEMENT.version}`,
      digest: sha256Hex(
        `${row.id}|${actor.userId}|${MERCHANT_AGREEMENT.version}|${MERCHANT_AGREEMENT.sha256}|${now.toISOString()}`,
      ),
      ip: meta.ip,
    });
    await enterStage(tx, updated, 'active', now, null);
    await recordProductEvent(
      ctx,
      { name: 'merchant.activated', userId: actor.userId, orgId, properties: { tier: row.tier } },
      tx,
    );
    return updated;
  });
}

/** 店铺资料 edits the public profile of an application or active merchant; banned claims are refused. */
export async function updateProfile(ctx: AppContext, orgId: string, input: { shopName: string; profile: string }) {
  const row = await repo.latestApplication(ctx.db, orgId);
  if (!row || row.stage === 'rejected') throw merchantErrors.raise('MERCHANT_APPLICATION_NOT_FOUND');
  await assertCompliant(ctx, input);
  const updated = await repo.updateApplication(ctx.db, row.id, [row.stage], input);
  if (!updated) throw wrongStage(row);
  return updated;
}

/** A document of an application, for staff: the verification's files and the inspection video. */
export async function applicationFile(ctx: AppContext, applicationId: string, fileId: string): Promise<StoredFileRow> {
  const row = await getApplication(ctx, applicationId);
  if (row.inspectionVideoFileId === fileId) return getFile(ctx, row.orgId, fileId);
  return verificationFile(ctx, row.verificationId, fileId).catch(() => {
    throw merchantErrors.raise('MERCHANT_FILE_NOT_IN_APPLICATION');
  });
}

export interface ApplicationView {
  row: repo.ApplicationRow;
  orgName: string;
  category: repo.CategoryRow | undefined;
  verification: VerificationView;
  events: repo.StageEventRow[];
  video: StoredFileRow | null;
  takedown: { id: string; reason: string; takenDownAt: Date } | null;
  now: Date;
}

export async function loadApplicationView(
  ctx: AppContext,
  row: repo.ApplicationRow,
  now = new Date(),
): Promise<ApplicationView> {
  const [verification] = await loadViews(ctx, [await getVerification(ctx, row.verificationId)], now);
  const org = await getOrganisation(ctx, row.orgId);
  const takedown = await activeTakedown(ctx, 'merchant_profile', row.id);
  return {
    row,
    orgName: org.name,
    category: await repo.findCategory(ctx.db, row.categoryCode),
    verification: verification as VerificationView,
    events: await repo.stageEvents(ctx.db, [row.id]),
    video: row.inspectionVideoFileId
      ? await getFile(ctx, row.orgId, row.inspectionVideoFileId).catch(() => null)
      : null,
    takedown: takedown ? { id: takedown.id, reason: takedown.reason, takenDownAt: takedown.takenDownAt } : null,
    now,
  };
}

/** 招商看板 the staff pipeline board: counts, cycle times, SLA timers, pass rate and brand share. */
export async function board(ctx: AppContext, now = new Date()) {
  const apps = await repo.allApplications(ctx.db);
  const events = await repo.stageEvents(ctx.db);
  const categories = new Map((await repo.listCategories(ctx.db)).map((c) => [c.code, c]));
  const orgNames = new Map(
    (
      await getOrganisations(
        ctx,
        apps.map((a) => a.orgId),
      )
    ).map((o) => [o.id, o.name]),
  );
  const typed = events.map((e) => ({
    applicationId: e.applicationId,
    stage: e.stage as MerchantStage,
    enteredAt: e.enteredAt,
  }));
  const durations = stageDurations(typed);
  const reached = new Set(
    typed.filter((e) => e.stage === 'agreement' || e.stage === 'active').map((e) => e.applicationId),
  );
  const rejected = new Set(typed.filter((e) => e.stage === 'rejected').map((e) => e.applicationId));
  const activated = apps.filter((a) => a.activatedAt);
  const cycles = activated.map((a) => workingDaysBetween(a.firstSubmittedAt, a.activatedAt as Date));
  const active = apps.filter((a) => a.stage === 'active');
  const items = apps.map((a) => ({
    row: a,
    orgName: orgNames.get(a.orgId) ?? '—',
    category: categories.get(a.categoryCode),
    sla: slaOf(
      {
        stage: a.stage as MerchantStage,
        firstSubmittedAt: a.firstSubmittedAt,
        submittedAt: a.submittedAt,
        activatedAt: a.activatedAt,
      },
      now,
    ),
  }));
  items.sort(
    (x, y) =>
      Number(y.sla.overdue) - Number(x.sla.overdue) || x.row.stageEnteredAt.getTime() - y.row.stageEnteredAt.getTime(),
  );
  return {
    stages: (
      ['needs_correction', 'in_review', 'inspection', 'agreement', 'active', 'rejected', 'suspended'] as const
    ).map((stage) => ({
      stage,
      count: apps.filter((a) => a.stage === stage).length,
      avgWorkingDays: durations.get(stage) ?? null,
    })),
    cycle: {
      avgWorkingDays: cycles.length ? round2(cycles.reduce((s, c) => s + c, 0) / cycles.length) : null,
      samples: cycles.length,
      targetWorkingDays: CYCLE_WORKING_DAYS,
      feedbackOnTimeBp: feedbackOnTimeBp(typed),
    },
    passRate: {
      approved: reached.size,
      decided: reached.size + [...rejected].filter((id) => !reached.has(id)).length,
      rateBp: shareBp(reached.size, reached.size + [...rejected].filter((id) => !reached.has(id)).length),
      targetMaxBp: PASS_RATE_TARGET_MAX_BP,
    },
    brandShare: {
      brand: active.filter((a) => a.tier === 'brand').length,
      active: active.length,
      shareBp: shareBp(active.filter((a) => a.tier === 'brand').length, active.length),
      targetBp: BRAND_SHARE_TARGET_BP,
    },
    overdue: items.filter((i) => i.sla.overdue).length,
    items,
  };
}

/** The first instant of the Shanghai month `back` months before the one containing `at`. */
function shanghaiMonthStart(at: Date, back: number): Date {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - back, 1) - 8 * 3_600_000);
}

/**
 * Performance from platform data: the mean monthly sales over the last 3 full months (Shanghai calendar) from the
 * merchant's sealed settlement statements. A merchant active for less than those 3 months has no performance yet
 * (its reviewer-assigned tier stands). Ratings and complaints have no source yet: null.
 */
export function salesPerformance(ctx: AppContext): MerchantPerformanceSource {
  return {
    async performance(orgIds, at) {
      const from = shanghaiMonthStart(at, 3);
      const to = shanghaiMonthStart(at, 0);
      const facts = await merchantFacts(ctx, orgIds);
      const sales = await repo.salesBetween(ctx.db, orgIds, from, to);
      return new Map(
        orgIds.map((id) => {
          const f = facts.get(id);
          if (!f?.activatedAt || f.activatedAt > from) return [id, null];
          return [
            id,
            { avgMonthlySalesFen: Math.round((sales.get(id) ?? 0) / 3), rating: null, complaintRateBp: null },
          ];
        }),
      );
    },
  };
}

/** 销售记录: a sealed settlement statement is a sale of its supplier (payee). */
// the payload type through the event registry, not settlement's index: settlement → escrow → commission → merchants
// already runs the other way
type SettlementSealed = DomainEvents['settlement.sealed'];

export async function recordSale(tx: DbOrTx, event: SettlementSealed): Promise<void> {
  await repo.insertSale(tx, {
    orgId: event.supplierOrgId,
    settlementId: event.settlementId,
    buyerOrgId: event.buyerOrgId,
    amountFen: event.grossFen,
    soldAt: new Date(event.sealedAt),
  });
}

/** 商家分层复评 the scheduled re-evaluation of active merchants' tiers. */
export async function evaluateTiers(ctx: AppContext, source: MerchantPerformanceSource, now = new Date()) {
  const active = await repo.activeApplications(ctx.db);
  const data = await source.performance(
    active.map((a) => a.orgId),
    now,
  );
  let changed = 0;
  let withoutData = 0;
  for (const app of active) {
    const perf = data.get(app.orgId) ?? null;
    if (!perf) withoutData += 1;
    const result = evaluateMerchantTier((app.tier as MerchantTier | null) ?? 'potential', perf);
    if (result.tier === app.tier || !result.reason) continue;
    const reason = result.reason;
    await ctx.db.transaction(async (tx) => {
      await repo.updateApplication(tx, app.id, ['active'], { tier: result.tier });
      await repo.insertTierChange(tx, {
        orgId: app.orgId,
        id: newId(),
        applicationId: app.id,
        fromTier: app.tier,
        toTier: result.tier,
        reason,
        at: now,
      });
      await appendAuditInTx(tx, {
        actorUserId: null,
        orgId: app.orgId,
        action: 'merchants.tier.reevaluated',
        target: `merchant application ${app.id} ${app.tier} → ${result.tier}`,
        digest: sha256Hex(JSON.stringify({ id: app.id, perf, at: now.toISOString() })),
        ip: null,
      });
    });
    changed += 1;
  }
  return { evaluated: active.length, changed, withoutData };
}

/** The organisations whose merchant status is active now. */
export async function activeMerchantOrgIds(ctx: AppContext): Promise<string[]> {
  return (await repo.activeApplications(ctx.db)).map((r) => r.orgId);
}

/** What other modules (commission, later search and matching) need to know about merchants. */
export async function merchantFacts(ctx: AppContext, orgIds: string[]) {
  const rows = await repo.applicationsOfOrgs(ctx.db, orgIds);
  return new Map(
    rows.map((r) => [
      r.orgId,
      {
        orgId: r.orgId,
        stage: r.stage as MerchantStage,
        activatedAt: r.activatedAt as Date,
        categoryCode: r.categoryCode,
        tier: r.tier as MerchantTier | null,
      },
    ]),
  );
}

/** An expired licence or ID card suspends the merchant (its listing privileges) until a renewal is approved. */
export async function suspendOnCredentialExpiry(tx: DbOrTx, event: CredentialExpired) {
  if (event.credential === 'qualification') return;
  const row = await repo.latestApplication(tx, event.orgId);
  if (!row || !['active', 'agreement', 'inspection', 'in_review'].includes(row.stage)) return;
  const now = new Date();
  const reason = `${event.label}已于 ${event.validUntil} 过期，请提交更新后的证件`;
  const updated = await repo.updateApplication(tx, row.id, [row.stage], {
    stage: 'suspended',
    stageEnteredAt: now,
    suspendedReason: reason,
  });
  if (updated) await enterStage(tx, updated, 'suspended', now, null);
}

/** What compliance shows for a taken-down merchant profile: its shop name, or null when it is not this org's. */
export async function merchantProfileTitle(ctx: AppContext, orgId: string, subjectId: string): Promise<string | null> {
  const row = await repo.findApplication(ctx.db, subjectId);
  return row && row.orgId === orgId ? row.shopName : null;
}

/**
 * 入驻时钟 for the promises board (MERCH-1): each review stay (entering 审核中 until the next stage, due in 1
 * working day) and each application's whole cycle (first submission until active, due in 3 working days).
 */
export async function onboardingClocks(ctx: AppContext, since: Date) {
  const applications = await repo.applicationsSince(ctx.db, since);
  const events = await repo.stageEvents(
    ctx.db,
    applications.map((a) => a.id),
  );
  const feedback: { applicationId: string; shopName: string; startedAt: Date; dueAt: Date; endedAt: Date | null }[] =
    [];
  for (const a of applications) {
    const own = events.filter((e) => e.applicationId === a.id);
    own.forEach((e, i) => {
      if (e.stage !== 'in_review') return;
      const startedAt = e.enteredAt;
      feedback.push({
        applicationId: a.id,
        shopName: a.shopName,
        startedAt,
        dueAt: addWorkingDays(startedAt, FEEDBACK_WORKING_DAYS),
        endedAt: own[i + 1]?.enteredAt ?? null,
      });
    });
  }
  const cycle = applications.map((a) => ({
    applicationId: a.id,
    shopName: a.shopName,
    startedAt: a.firstSubmittedAt,
    dueAt: addWorkingDays(a.firstSubmittedAt, CYCLE_WORKING_DAYS),
    endedAt: a.activatedAt,
  }));
  return { feedback, cycle };
}
