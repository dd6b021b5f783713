import { createHash } from 'node:crypto';
import type { CreateLogBody, ReviewLogBody, SetPlanBody } from '@zhuhe/contracts';
import type { z } from 'zod';
import { shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { queueMail } from '../../infra/mail/outbox';
import { getContract, listContracts } from '../contracts';
import { assertWorkMayStart, openContractEscrow, setPaymentSchedule } from '../escrow';
import { appendEvidence } from '../evidence';
import { getFile, readFileContent } from '../files';
import { getUser, getUsers } from '../identity';
import { getOrganisation, managersOf } from '../organisation';
import { executionErrors } from './execution.errors';
import { readPhotoMetadata } from './execution.exif';
import {
  actualCurve,
  curveFromMilestones,
  curveIsValid,
  daysBetween,
  lineValueFen,
  milestoneDelays,
  sharesSum,
} from './execution.progress';
import * as repo from './execution.repository';

export type { BoqLineRow, LogRow, MilestoneRow, PhotoRow, PlanRow, ReviewRow } from './execution.repository';

interface Actor {
  userId: string;
}
export type PartyRole = 'gc' | 'payee' | 'supervisor';

/** Days without a log after which the payee is reminded (FLOW-5: logs at least weekly). */
export const LOG_REMINDER_DAYS = 7;

/**
 * What execution needs from modules that depend on it (and so cannot be imported back): the settlement module
 * tells the plan view how far each milestone's settlement has gone. Given by the composition root.
 */
export interface ExecutionDeps {
  settlementStatuses(contractId: string): Promise<Map<string, string>>;
}

function roleOf(plan: repo.PlanRow, orgId: string): PartyRole | null {
  if (plan.orgId === orgId) return 'gc';
  if (plan.payeeOrgId === orgId) return 'payee';
  if (plan.supervisorOrgId === orgId) return 'supervisor';
  return null;
}

/** The plan and this organisation's role in it; another organisation finds nothing (404). */
export async function executionAccess(ctx: AppContext, orgId: string, contractId: string, db: DbOrTx = ctx.db) {
  const plan = await repo.findPlan(db, contractId);
  const role = plan ? roleOf(plan, orgId) : null;
  if (!plan || !role) throw executionErrors.raise('EXECUTION_PLAN_NOT_FOUND');
  const [milestones, lines] = await Promise.all([repo.milestonesOf(db, contractId), repo.boqLinesOf(db, contractId)]);
  return { plan, role, milestones, lines };
}

async function signedContract(ctx: AppContext, orgId: string, contractId: string) {
  const loaded = await getContract(ctx, orgId, contractId).catch(() => {
    throw executionErrors.raise('EXECUTION_CONTRACT_NOT_FOUND');
  });
  const version = loaded.versions.find((v) => v.versionNo === loaded.contract.signedVersion);
  return { ...loaded, variables: version?.variables ?? null };
}

/** What the plan form starts from: the signed contract's amount, advance, retention and dates. */
export async function planDefaults(ctx: AppContext, orgId: string, contractId: string) {
  const { contract, variables } = await signedContract(ctx, orgId, contractId);
  const num = (key: string) => (typeof variables?.[key] === 'number' ? (variables[key] as number) : null);
  const str = (key: string) => (typeof variables?.[key] === 'string' ? (variables[key] as string) : null);
  return {
    contractId,
    contractTitle: contract.title,
    signed: contract.signedVersion !== null,
    hasPlan: Boolean(await repo.findPlan(ctx.db, contractId)),
    amountFen: num('amountFen'),
    advanceBp: num('advanceBp'),
    retentionBp: num('retentionBp'),
    startDate: str('startDate'),
    endDate: str('endDate') ?? str('deliveryDate'),
  };
}

/**
 * 施工计划: the paying party (甲方) sets the plan of a signed contract — milestones whose payment shares add up to
 * exactly 100%, the planned curve, retention, advance, labour share and the BoQ — and opens the contract's
 * escrow with the payment schedule, in one transaction.
 */
export async function setPlan(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  contractId: string,
  input: z.output<typeof SetPlanBody>,
): Promise<void> {
  const { contract, parties, variables } = await signedContract(ctx, orgId, contractId);
  const me = parties.find((p) => p.orgId === orgId);
  const payee = parties.find((p) => p.orgId !== orgId);
  if (!contract.signedVersion || !variables) throw executionErrors.raise('EXECUTION_CONTRACT_NOT_SIGNED');
  if (me?.role !== 'party_a' || !payee) throw executionErrors.raise('EXECUTION_NOT_PAYER');
  const sum = sharesSum(input.milestones.map((m) => m.shareBp));
  if (sum !== 10_000) throw executionErrors.raise('EXECUTION_SHARES_NOT_100', { sum: `${(sum / 100).toFixed(2)}%` });
  const percents = [input.retentionBp, input.advanceBp, input.labourShareBp, input.bondBp ?? 0];
  // The escrow's terms are whole percents (the contract templates offer whole percents too).
  if (percents.some((bp) => bp % 100 !== 0)) throw executionErrors.raise('EXECUTION_PERCENT_WHOLE');
  let previous = input.startDate;
  for (const m of input.milestones) {
    if (m.dueDate < previous) throw executionErrors.raise('EXECUTION_MILESTONE_DATES');
    previous = m.dueDate;
  }
  const curve =
    input.plannedCurve.length > 0 ? input.plannedCurve : curveFromMilestones(input.startDate, input.milestones);
  if (!curveIsValid(curve) || (curve[0]?.date ?? '') < input.startDate)
    throw executionErrors.raise('EXECUTION_CURVE_INVALID');
  const codes = new Set<string>();
  for (const line of input.boqLines) {
    if (codes.has(line.code)) throw executionErrors.raise('EXECUTION_BOQ_DUPLICATE', { code: line.code });
    codes.add(line.code);
  }
  const amountFen = Number(variables.amountFen ?? 0);
  // Milestone amounts: the share of the amount, rounded down; the last takes the remainder so they sum exactly.
  let allocated = 0;
  const milestones: repo.MilestoneRow[] = input.milestones.map((m, i) => {
    const last = i === input.milestones.length - 1;
    const amount = last ? amountFen - allocated : Math.floor((amountFen * m.shareBp) / 10_000);
    allocated += amount;
    return {
      contractId,
      id: newId(),
      orgId,
      seq: i + 1,
      title: m.title,
      deliverables: m.deliverables,
      dueDate: m.dueDate,
      shareBp: m.shareBp,
      amountFen: amount,
    };
  });
  const lines: repo.BoqLineRow[] = input.boqLines.map((l, i) => ({ contractId, id: newId(), orgId, seq: i + 1, ...l }));
  const planHash = createHash('sha256')
    .update(JSON.stringify({ contractId, input, curve, milestones: milestones.map((m) => m.amountFen) }))
    .digest('hex');
  await ctx.db.transaction(async (tx) => {
    if (await repo.findPlan(tx, contractId, true)) throw executionErrors.raise('EXECUTION_PLAN_EXISTS');
    await repo.insertPlan(
      tx,
      {
        contractId,
        orgId,
        payeeOrgId: payee.orgId,
        contractTitle: contract.title,
        startDate: input.startDate,
        contractAmountFen: amountFen,
        retentionBp: input.retentionBp,
        advanceBp: input.advanceBp,
        labourShareBp: input.labourShareBp,
        bondBp: input.bondBp,
        plannedCurve: curve,
        createdBy: actor.userId,
      },
      milestones,
      lines,
    );
    const pct = (bp: number) => bp / 100;
    await openContractEscrow(
      ctx,
      {
        contractId,
        payerOrgId: orgId,
        payeeOrgId: payee.orgId,
        contractAmountFen: amountFen,
        advanceRatioPct: pct(input.advanceBp),
        retentionPct: pct(input.retentionBp),
        labourSharePct: pct(input.labourShareBp),
        bondPct: input.bondBp === null ? null : pct(input.bondBp),
      },
      tx,
    );
    await setPaymentSchedule(
      ctx,
      {
        contractId,
        items: milestones.map((m) => ({
          milestoneId: m.id,
          title: m.title,
          dueDate: m.dueDate,
          amountFen: m.amountFen,
        })),
      },
      tx,
    );
    await appendEvidence(
      ctx,
      { kind: 'execution.plan', subject: `execution:${contractId}:plan`, sha256: planHash, orgId },
      tx,
    );
  });
}

/** The plan with the planned and actual curves and each milestone's delay, for every party. */
export async function getPlanView(
  ctx: AppContext,
  deps: ExecutionDeps,
  orgId: string,
  contractId: string,
  now = ctx.clock.now(),
) {
  const { plan, role, milestones, lines } = await executionAccess(ctx, orgId, contractId);
  const logs = (await repo.logsOf(ctx.db, contractId)).filter((l) => l.status !== 'revised');
  const actual = actualCurve(lines, logs);
  const today = shanghaiDate(now);
  const delays = milestoneDelays(milestones, actual, today);
  const statuses = await deps.settlementStatuses(contractId);
  const logged = new Map<string, number>();
  for (const log of logs) for (const w of log.work) logged.set(w.lineId, (logged.get(w.lineId) ?? 0) + w.quantityMilli);
  const [gc, payee, supervisor] = await Promise.all([
    getOrganisation(ctx, plan.orgId),
    getOrganisation(ctx, plan.payeeOrgId),
    plan.supervisorOrgId ? getOrganisation(ctx, plan.supervisorOrgId) : null,
  ]);
  return {
    contractId,
    contractTitle: plan.contractTitle,
    myRole: role,
    gcOrg: { id: gc.id, name: gc.name },
    payeeOrg: { id: payee.id, name: payee.name },
    supervisorOrg: supervisor ? { id: supervisor.id, name: supervisor.name } : null,
    startDate: plan.startDate,
    contractAmountFen: plan.contractAmountFen,
    retentionBp: plan.retentionBp,
    advanceBp: plan.advanceBp,
    labourShareBp: plan.labourShareBp,
    bondBp: plan.bondBp,
    milestones: milestones.map((m) => ({
      id: m.id,
      seq: m.seq,
      title: m.title,
      deliverables: m.deliverables,
      dueDate: m.dueDate,
      shareBp: m.shareBp,
      amountFen: m.amountFen,
      completedOn: delays.get(m.id)?.completedOn ?? null,
      delayDays: delays.get(m.id)?.delayDays ?? 0,
      settlementStatus: statuses.get(m.id) ?? null,
    })),
    boqLines: lines.map((l) => ({
      id: l.id,
      code: l.code,
      name: l.name,
      unit: l.unit,
      quantityMilli: l.quantityMilli,
      unitPriceFen: l.unitPriceFen,
      amountFen: Number(lineValueFen(l.quantityMilli, l.unitPriceFen)),
      loggedMilli: logged.get(l.id) ?? 0,
    })),
    plannedCurve: plan.plannedCurve,
    actualCurve: actual,
    lastLogDate: logs[0]?.logDate ?? null,
    createdAt: plan.createdAt.toISOString(),
  };
}

/** Contracts this organisation executes: planned ones (any role) and signed ones still waiting for a plan. */
export async function listExecutionContracts(
  ctx: AppContext,
  deps: ExecutionDeps,
  orgId: string,
  now = ctx.clock.now(),
) {
  const plans = await repo.plansForOrg(ctx.db, orgId);
  const planned = new Set(plans.map((p) => p.contractId));
  const items = [];
  for (const plan of plans) {
    const view = await getPlanView(ctx, deps, orgId, plan.contractId, now);
    const other = view.myRole === 'payee' ? view.gcOrg : view.payeeOrg;
    items.push({
      contractId: plan.contractId,
      contractTitle: plan.contractTitle,
      myRole: view.myRole,
      counterpartyName: view.myRole === 'supervisor' ? `${view.gcOrg.name} / ${view.payeeOrg.name}` : other.name,
      hasPlan: true,
      lastLogDate: view.lastLogDate,
      maxDelayDays: Math.max(0, ...view.milestones.map((m) => m.delayDays)),
    });
  }
  for (const { contract, counterparty } of await listContracts(ctx, orgId)) {
    if (contract.status !== 'signed' || planned.has(contract.id) || contract.initiatorOrgId !== orgId) continue;
    items.push({
      contractId: contract.id,
      contractTitle: contract.title,
      myRole: 'gc' as const,
      counterpartyName: counterparty.orgName,
      hasPlan: false,
      lastLogDate: null,
      maxDelayDays: 0,
    });
  }
  return items;
}

/** The GC invites the supervisor (监理) organisation that takes part in acceptance. */
export async function assignSupervisor(ctx: AppContext, orgId: string, contractId: string, supervisorOrgId: string) {
  const { plan, role } = await executionAccess(ctx, orgId, contractId);
  if (role !== 'gc') throw executionErrors.raise('EXECUTION_NOT_PAYER');
  if (supervisorOrgId === plan.orgId || supervisorOrgId === plan.payeeOrgId)
    throw executionErrors.raise('EXECUTION_SUPERVISOR_INVALID');
  const org = await getOrganisation(ctx, supervisorOrgId).catch(() => null);
  if (!org || !(org.businessRoles as string[]).includes('SVR'))
    throw executionErrors.raise('EXECUTION_SUPERVISOR_INVALID');
  await repo.setSupervisor(ctx.db, contractId, supervisorOrgId);
}

function logHash(log: Omit<repo.LogRow, 'evidenceIndex' | 'createdAt' | 'sha256'>, photoHashes: string[]): string {
  const canonical = JSON.stringify({
    id: log.id,
    contractId: log.contractId,
    orgId: log.orgId,
    logDate: log.logDate,
    workersOnSite: log.workersOnSite,
    weather: log.weather,
    issues: log.issues,
    work: log.work,
    revisesLogId: log.revisesLogId,
    photos: photoHashes,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * 施工日志: the payee files a log (work per BoQ line, workers, weather, issues) with photos from its own uploads.
 * Photo time and GPS come from EXIF; the log's hash and every photo's hash go into the evidence log in the same
 * transaction. Before the first log the escrow must allow work to start (履约保证金 posted when required).
 */
export async function createLog(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  contractId: string,
  input: z.output<typeof CreateLogBody>,
  now = ctx.clock.now(),
): Promise<string> {
  const { plan, role, lines } = await executionAccess(ctx, orgId, contractId);
  if (role !== 'payee') throw executionErrors.raise('EXECUTION_NOT_PAYEE');
  if (input.logDate < plan.startDate || input.logDate > shanghaiDate(now))
    throw executionErrors.raise('EXECUTION_LOG_DATE_INVALID');
  const lineIds = new Set(lines.map((l) => l.id));
  if (input.work.some((w) => !lineIds.has(w.lineId))) throw executionErrors.raise('EXECUTION_LOG_LINE_UNKNOWN');
  const existing = await repo.logsOf(ctx.db, contractId);
  if (existing.length === 0) await assertWorkMayStart(ctx, contractId);
  const photos: repo.PhotoRow[] = [];
  const id = newId();
  for (const fileId of [...new Set(input.photoFileIds)]) {
    const file = await getFile(ctx, orgId, fileId);
    if (file.kind !== 'image') throw executionErrors.raise('EXECUTION_PHOTO_NOT_IMAGE');
    const meta = await readPhotoMetadata(await readFileContent(ctx, file));
    photos.push({
      id: newId(),
      logId: id,
      contractId,
      orgId,
      fileId: file.id,
      name: file.name,
      sha256: file.sha256,
      takenAt: meta.takenAt,
      latitude: meta.latitude,
      longitude: meta.longitude,
      createdAt: now,
    });
  }
  const row = {
    id,
    contractId,
    orgId,
    logDate: input.logDate,
    workersOnSite: input.workersOnSite,
    weather: input.weather,
    issues: input.issues,
    work: input.work,
    status: 'submitted',
    revisesLogId: input.revisesLogId ?? null,
    createdBy: actor.userId,
  };
  const sha256 = logHash(
    row,
    photos.map((p) => p.sha256),
  );
  await ctx.db.transaction(async (tx) => {
    if (input.revisesLogId) {
      const revised = await repo.findLog(tx, contractId, input.revisesLogId, true);
      if (!revised) throw executionErrors.raise('EXECUTION_LOG_NOT_FOUND');
      if (revised.status !== 'changes_requested') throw executionErrors.raise('EXECUTION_LOG_NOT_REVISABLE');
      await repo.setLogStatus(tx, revised.id, 'revised');
    }
    await repo.insertLog(tx, { ...row, sha256, createdAt: now });
    await repo.insertPhotos(tx, photos);
    for (const p of photos)
      await appendEvidence(
        ctx,
        { kind: 'execution.photo', subject: `execution:${contractId}:photo:${p.id}`, sha256: p.sha256, orgId },
        tx,
      );
    const entry = await appendEvidence(
      ctx,
      { kind: 'execution.log', subject: `execution:${contractId}:log:${id}`, sha256, orgId },
      tx,
    );
    await repo.setLogEvidence(tx, id, entry.entryIndex);
  });
  return id;
}

/** The logs of a contract, newest first, with photos and reviews; any party of the plan sees them. */
export async function listLogs(ctx: AppContext, orgId: string, contractId: string) {
  const { lines } = await executionAccess(ctx, orgId, contractId);
  const logs = await repo.logsOf(ctx.db, contractId);
  const ids = logs.map((l) => l.id);
  const [photos, reviews] = await Promise.all([repo.photosOf(ctx.db, ids), repo.reviewsOf(ctx.db, ids)]);
  const byLine = new Map(lines.map((l) => [l.id, l]));
  return logs.map((log) => ({
    log,
    work: log.work.map((w) => {
      const line = byLine.get(w.lineId);
      return { ...w, code: line?.code ?? '—', name: line?.name ?? '—', unit: line?.unit ?? '' };
    }),
    photos: photos.filter((p) => p.logId === log.id),
    reviews: reviews.filter((r) => r.logId === log.id),
  }));
}

/** 审阅: the paying party (or the supervisor, commenting) reviews a log: comment, request changes, or accept. */
export async function reviewLog(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  contractId: string,
  logId: string,
  input: z.output<typeof ReviewLogBody>,
): Promise<void> {
  const { role } = await executionAccess(ctx, orgId, contractId);
  if (role === 'payee' || (role === 'supervisor' && input.decision !== 'comment'))
    throw executionErrors.raise('EXECUTION_NOT_PAYER');
  const user = await getUser(ctx, actor.userId);
  await ctx.db.transaction(async (tx) => {
    const log = await repo.findLog(tx, contractId, logId, true);
    if (!log) throw executionErrors.raise('EXECUTION_LOG_NOT_FOUND');
    if (input.decision !== 'comment') {
      if (log.status === 'accepted' || log.status === 'revised') throw executionErrors.raise('EXECUTION_LOG_REVIEWED');
      await repo.setLogStatus(tx, logId, input.decision === 'accept' ? 'accepted' : 'changes_requested');
    }
    await repo.insertReview(tx, {
      id: newId(),
      logId,
      contractId,
      orgId,
      decision: input.decision,
      comment: input.comment,
      authorUserId: actor.userId,
      authorName: user?.displayName ?? '—',
      createdAt: new Date(),
    });
  });
}

/** A log photo's stored file, for any party of the plan (the file belongs to the payee). */
export async function photoFile(ctx: AppContext, orgId: string, contractId: string, photoId: string) {
  await executionAccess(ctx, orgId, contractId);
  const photo = await repo.findPhoto(ctx.db, contractId, photoId);
  if (!photo) throw executionErrors.raise('EXECUTION_PHOTO_NOT_FOUND');
  return getFile(ctx, photo.orgId, photo.fileId);
}

/** ISO week label (YYYY-Www) of a date, for one reminder per contract and week. */
function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const week =
    1 +
    Math.round(((d.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * 周报提醒: every contract in progress whose last log (or start) is more than a week ago, and whose work is not
 * complete, gets a reminder to the payee's managers — once per contract and ISO week.
 */
export async function runMissingLogReminders(ctx: AppContext, now = ctx.clock.now()): Promise<{ reminded: string[] }> {
  const today = shanghaiDate(now);
  const reminded: string[] = [];
  for (const plan of await repo.allPlans(ctx.db)) {
    if (plan.startDate > today) continue;
    const [lines, logs] = await Promise.all([
      repo.boqLinesOf(ctx.db, plan.contractId),
      repo.logsOf(ctx.db, plan.contractId),
    ]);
    const current = logs.filter((l) => l.status !== 'revised');
    const progress = actualCurve(lines, current).at(-1)?.percentBp ?? 0;
    if (progress >= 10_000) continue;
    const since = current[0]?.logDate ?? plan.startDate;
    const gap = daysBetween(since, today);
    if (gap < LOG_REMINDER_DAYS) continue;
    const users = await getUsers(ctx, await managersOf(ctx, plan.payeeOrgId));
    const week = isoWeek(today);
    await ctx.db.transaction(async (tx) => {
      for (const u of users) {
        if (!u.email) continue;
        await queueMail(
          ctx.jobs,
          {
            to: u.email,
            subject: `【筑合】请提交施工日志：${plan.contractTitle}`,
            text:
              `您好，合同「${plan.contractTitle}」自 ${since} 起已 ${gap} 天没有提交施工日志。按平台规则，施工日志及现场照片至少每周提交一次。\n\n` +
              `No construction log has been filed for "${plan.contractTitle}" for ${gap} days (since ${since}). Logs with site photos are due at least weekly.`,
          },
          { tx, dedupeKey: `execution.log-missing:${plan.contractId}:${week}:${u.id}` },
        );
      }
    });
    reminded.push(plan.contractId);
  }
  return { reminded };
}

/**
 * 履约记录 for the credit rating: per payee organisation, the milestones due by `asOf` (Shanghai date) and how
 * many of its daily logs the paying party accepted or sent back until then.
 */
export async function payeeTrackRecord(ctx: AppContext, orgIds: readonly string[], asOf: Date) {
  const [due, reviews] = await Promise.all([
    repo.payeeMilestonesDue(ctx.db, [...orgIds], shanghaiDate(asOf)),
    repo.payeeReviewCounts(ctx.db, [...orgIds], asOf),
  ]);
  const out = new Map(
    orgIds.map((id) => [
      id,
      {
        milestonesDue: [] as { milestoneId: string; contractId: string; dueDate: string }[],
        logsAccepted: 0,
        logsSentBack: 0,
      },
    ]),
  );
  for (const m of due)
    out
      .get(m.payeeOrgId)
      ?.milestonesDue.push({ milestoneId: m.milestoneId, contractId: m.contractId, dueDate: m.dueDate });
  for (const r of reviews) {
    const o = out.get(r.payeeOrgId);
    if (o) {
      o.logsAccepted = r.accepted;
      o.logsSentBack = r.changesRequested;
    }
  }
  return out;
}

/**
 * 风险扫描 what the risk warnings read about every plan as of `now` (Shanghai date): the planned curve, each
 * milestone with its cumulative share, completion and delay, and the current (not revised) logs — date, status
 * (changes_requested counts as a disagreement) and actual progress after each log date.
 */
export async function executionSnapshots(ctx: AppContext, now = ctx.clock.now()) {
  const today = shanghaiDate(now);
  const out = [];
  for (const plan of await repo.allPlans(ctx.db)) {
    const [milestones, lines, logs] = await Promise.all([
      repo.milestonesOf(ctx.db, plan.contractId),
      repo.boqLinesOf(ctx.db, plan.contractId),
      repo.logsOf(ctx.db, plan.contractId),
    ]);
    const current = logs.filter((l) => l.status !== 'revised' && l.logDate <= today);
    const actual = actualCurve(lines, current);
    const delays = milestoneDelays(milestones, actual, today);
    let cumulative = 0;
    out.push({
      contractId: plan.contractId,
      contractTitle: plan.contractTitle,
      gcOrgId: plan.orgId,
      payeeOrgId: plan.payeeOrgId,
      startDate: plan.startDate,
      plannedCurve: plan.plannedCurve,
      actualCurve: actual,
      milestones: milestones.map((m) => {
        cumulative += m.shareBp;
        return {
          id: m.id,
          seq: m.seq,
          title: m.title,
          dueDate: m.dueDate,
          cumulativeBp: cumulative,
          amountFen: m.amountFen,
          completedOn: delays.get(m.id)?.completedOn ?? null,
          delayDays: delays.get(m.id)?.delayDays ?? 0,
        };
      }),
      logs: current
        .map((l) => ({ logDate: l.logDate, status: l.status }))
        .sort((a, b) => a.logDate.localeCompare(b.logDate)),
    });
  }
  return out;
}

/**
 * 在场工人 for the wage rule (FUND-5): per contract, the logs of the Shanghai dates `fromDate`…`toDate` that record
 * workers on site (revised logs excluded), with the paying party (GC) and the payee.
 */
export async function workersOnSite(ctx: Pick<AppContext, 'db'>, fromDate: string, toDate: string) {
  return (await repo.workersOnSiteBetween(ctx.db, fromDate, toDate)).map((r) => ({
    contractId: r.contract_id,
    gcOrgId: r.gc_org_id,
    payeeOrgId: r.payee_org_id,
    contractTitle: r.contract_title,
    logDays: Number(r.log_days),
    peakWorkers: Number(r.peak_workers),
    workerDays: Number(r.worker_days),
  }));
}
