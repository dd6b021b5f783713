import type { RiskTransitionBody } from '@zhuhe/contracts';
import { appendAuditInTx } from '../../infra/audit/audit-chain';
import { shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { sha256Hex } from '../../infra/crypto';
import type { DbOrTx } from '../../infra/db/client';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import type { ContractSigned } from '../contracts';
import { type MilestoneReleased, payoutsSince } from '../escrow';
import { executionSnapshots } from '../execution';
import { notify } from '../notifications';
import { getOrganisations } from '../organisation';
import { staffRolesByUser } from '../staff';
import { openedTenders, tenderRiskFacts } from '../tendering';
import type { WageMonthRecorded } from '../wages';
import { riskErrors } from './risk.errors';
import type { RiskWarningOpened } from './risk.events';
import { type ContractHistory, EARLY_WARNING_MODEL, earlyWarning, FEATURE_LABELS, FEATURES } from './risk.model';
import { redFlags } from './risk.redflags';
import * as repo from './risk.repository';
import {
  type Finding,
  frequentAmendments,
  largePayoutToNewAccount,
  logSuspension,
  milestoneDelay,
  roundTrip,
  unpaidWages,
} from './risk.rules';

/** A closed warning keeps the same subject and type quiet for this long, so a dismissal is not undone tomorrow. */
export const COOL_OFF_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * 开立预警: stores a finding as an open warning unless one of the same subject and type is open or acknowledged
 * (or was closed within the cool-off), delivers it to the parties (in-app and e-mail), audits it and publishes
 * `risk.warning_opened` (risk staff are notified after commit) — all in `tx` when given (the publisher's
 * transaction). Returns the id, or null when deduplicated.
 */
export async function openWarning(ctx: AppContext, finding: Finding, now = ctx.clock.now(), tx?: DbOrTx) {
  const run = async (db: DbOrTx) => {
    const since = new Date(now.getTime() - COOL_OFF_DAYS * DAY_MS);
    if (await repo.findRecent(db, finding.subject.kind, finding.subject.id, finding.type, since)) return null;
    const id = newId();
    const stored = await repo.insertWarning(db, {
      id,
      type: finding.type,
      severity: finding.severity,
      state: 'open',
      subjectKind: finding.subject.kind,
      subjectId: finding.subject.id,
      contractId: finding.contractId,
      ownerOrgId: finding.ownerOrgId,
      title: finding.title,
      summary: finding.summary,
      evidence: { facts: finding.facts, links: finding.links },
      detectedAt: now,
      updatedAt: now,
    });
    if (!stored) return null;
    await repo.insertParties(db, id, finding.partyOrgIds);
    await repo.insertTransition(db, {
      id: newId(),
      warningId: id,
      fromState: 'none',
      toState: 'open',
      actorKind: 'system',
      actorUserId: null,
      actorOrgId: null,
      note: '',
      at: now,
    });
    await appendAuditInTx(db, {
      actorUserId: null,
      orgId: finding.ownerOrgId,
      action: 'risk.warning.opened',
      target: `${finding.type} ${finding.subject.kind}:${finding.subject.id}`,
      digest: sha256Hex(JSON.stringify(finding)),
      ip: null,
    });
    const body = `${finding.summary['zh-CN']}\n${finding.summary.en}`;
    for (const orgId of new Set(finding.partyOrgIds))
      await notify(
        ctx,
        {
          orgId,
          kind: 'risk.warning',
          title: `【风险预警】${finding.title['zh-CN']}`,
          body,
          link: '/workspace/risk',
          email: true,
        },
        db,
      );
    await ctx.events.publish(
      db,
      'risk.warning_opened',
      {
        warningId: id,
        type: finding.type,
        severity: finding.severity,
        subject: finding.subject,
        contractId: finding.contractId,
        partyOrgIds: finding.partyOrgIds,
        title: finding.title,
        summary: finding.summary,
      },
      now,
    );
    return id;
  };
  return tx ? run(tx) : ctx.db.transaction(run);
}

/** After the warning is stored (`risk.warning_opened`, after commit): in-app and e-mail to every risk staff member. */
export async function notifyRiskStaff(ctx: AppContext, e: RiskWarningOpened) {
  for (const [userId, roles] of await staffRolesByUser(ctx))
    if (roles.includes('risk'))
      await notify(ctx, {
        userId,
        kind: 'risk.warning',
        title: `【风险预警】${e.title['zh-CN']}`,
        body: `${e.summary['zh-CN']}\n${e.summary.en}`,
        link: '/staff/risk',
        email: true,
      });
}

const NEXT: Record<string, readonly string[]> = {
  open: ['acknowledged', 'resolved', 'false_alarm'],
  acknowledged: ['resolved', 'false_alarm'],
};

type Scope = { kind: 'party'; orgId: string } | { kind: 'staff' } | { kind: 'system' };

/**
 * 处置 moves a warning on: open → acknowledged → resolved, or to false_alarm; resolving and dismissing need a note.
 * A party can move only warnings delivered to it (others are not found). Audited, and published.
 */
export async function transitionWarning(
  ctx: AppContext,
  actor: Pick<Actor, 'userId'> | null,
  scope: Scope,
  warningId: string,
  input: RiskTransitionBody,
  now = ctx.clock.now(),
) {
  const note = input.note.trim();
  if (input.to !== 'acknowledged' && note.length < 4) throw riskErrors.raise('RISK_NOTE_REQUIRED');
  return ctx.db.transaction(async (tx) => {
    const warning = await repo.findWarning(tx, warningId, true);
    if (!warning) throw riskErrors.raise('RISK_WARNING_NOT_FOUND');
    if (scope.kind === 'party') {
      const parties = await repo.partiesOf(tx, [warningId]);
      if (!parties.some((p) => p.orgId === scope.orgId)) throw riskErrors.raise('RISK_WARNING_NOT_FOUND');
    }
    if (!NEXT[warning.state]?.includes(input.to))
      throw riskErrors.raise('RISK_TRANSITION_INVALID', { from: warning.state, to: input.to });
    if (!(await repo.setState(tx, warningId, warning.state, input.to, now)))
      throw riskErrors.raise('RISK_TRANSITION_INVALID', { from: warning.state, to: input.to });
    await repo.insertTransition(tx, {
      id: newId(),
      warningId,
      fromState: warning.state,
      toState: input.to,
      actorKind: scope.kind,
      actorUserId: actor?.userId ?? null,
      actorOrgId: scope.kind === 'party' ? scope.orgId : null,
      note,
      at: now,
    });
    await appendAuditInTx(tx, {
      actorUserId: actor?.userId ?? null,
      orgId: scope.kind === 'party' ? scope.orgId : null,
      action: `risk.warning.${input.to}`,
      target: warningId,
      digest: sha256Hex(JSON.stringify({ warningId, from: warning.state, to: input.to, note })),
      ip: null,
    });
    await ctx.events.publish(
      tx,
      'risk.warning_changed',
      { warningId, from: warning.state, to: input.to, by: scope.kind },
      now,
    );
    return (await repo.findWarning(tx, warningId)) as repo.WarningRow;
  });
}

/** Warnings with their parties, history and owner name, ready for the presenter. */
export async function withDetails(ctx: AppContext, rows: repo.WarningRow[]) {
  const ids = rows.map((r) => r.id);
  const [parties, transitions] = await Promise.all([repo.partiesOf(ctx.db, ids), repo.transitionsOf(ctx.db, ids)]);
  const owners = new Map(
    (
      await getOrganisations(
        ctx,
        rows.flatMap((r) => (r.ownerOrgId ? [r.ownerOrgId] : [])),
      )
    ).map((o) => [o.id, o.name]),
  );
  return rows.map((w) => ({
    warning: w,
    partyOrgIds: parties.filter((p) => p.warningId === w.id).map((p) => p.orgId),
    transitions: transitions.filter((t) => t.warningId === w.id),
    ownerOrgName: w.ownerOrgId ? (owners.get(w.ownerOrgId) ?? null) : null,
  }));
}
export type WarningDetails = Awaited<ReturnType<typeof withDetails>>[number];

export async function warningsOfOrg(ctx: AppContext, orgId: string, filter: repo.WarningFilter) {
  return withDetails(ctx, await repo.warningsOfOrg(ctx.db, orgId, filter));
}

export async function warningForParty(ctx: AppContext, orgId: string, warningId: string) {
  const [parties] = [await repo.partiesOf(ctx.db, [warningId])];
  const w = await repo.findWarning(ctx.db, warningId);
  if (!w || !parties.some((p) => p.orgId === orgId)) throw riskErrors.raise('RISK_WARNING_NOT_FOUND');
  return (await withDetails(ctx, [w]))[0] as WarningDetails;
}

/** 风控看板 counts by type and state, the warnings (filtered), and the red-flagged tenders. */
export async function riskBoard(ctx: AppContext, filter: repo.WarningFilter) {
  const [counts, warnings, tenders] = await Promise.all([
    repo.countsByTypeAndState(ctx.db),
    repo.allWarnings(ctx.db, filter),
    repo.flaggedTenders(ctx.db),
  ]);
  const flagCounts = new Map<string, number>();
  for (const t of tenders) for (const f of t.flags) flagCounts.set(f.flag, (flagCounts.get(f.flag) ?? 0) + 1);
  return {
    counts,
    flagCounts: [...flagCounts].map(([flag, count]) => ({ flag, count })),
    warnings: await withDetails(ctx, warnings),
    tenders: await withBuyerNames(ctx, tenders),
  };
}

async function withBuyerNames(ctx: AppContext, rows: repo.TenderFlagsRow[]) {
  const names = new Map(
    (
      await getOrganisations(
        ctx,
        rows.map((r) => r.buyerOrgId),
      )
    ).map((o) => [o.id, o.name]),
  );
  return rows.map((r) => ({ row: r, buyerName: names.get(r.buyerOrgId) ?? '' }));
}

/** 招标红旗 computes and stores the red flags of one tender from the tendering module's facts. */
export async function computeTenderFlags(ctx: AppContext, tenderId: string, now = ctx.clock.now()) {
  const facts = await tenderRiskFacts(ctx, tenderId);
  if (!facts) return null;
  const flags = redFlags(facts);
  const row = { tenderId, buyerOrgId: facts.buyerOrgId, title: facts.title, flags, computedAt: now };
  await repo.upsertTenderFlags(ctx.db, row);
  return row;
}

/** The red flags of a tender, recomputed on view, for its buyer (`orgId`) or risk staff (null); else not found. */
export async function tenderFlagsFor(ctx: AppContext, orgId: string | null, tenderId: string) {
  const facts = await tenderRiskFacts(ctx, tenderId);
  if (!facts || (orgId && facts.buyerOrgId !== orgId)) throw riskErrors.raise('RISK_TENDER_NOT_FOUND');
  const row = (await computeTenderFlags(ctx, tenderId)) as repo.TenderFlagsRow;
  return (await withBuyerNames(ctx, [row]))[0] as { row: repo.TenderFlagsRow; buyerName: string };
}

/** `contract.signed` of an amendment: recorded in the signing transaction, then the amendment rule. */
export async function recordAmendment(ctx: AppContext, tx: DbOrTx, e: ContractSigned, now: Date) {
  if (!e.amendment) return;
  await repo.insertAmendment(tx, {
    contractId: e.contractId,
    versionNo: e.versionNo,
    title: e.title,
    buyerOrgId: e.buyer.orgId,
    supplierOrgId: e.supplier.orgId,
    signedOn: e.signedOn,
  });
  const amendments = await repo.amendmentsOf(tx, e.contractId);
  const finding = frequentAmendments(
    {
      contractId: e.contractId,
      title: e.title,
      buyerOrgId: e.buyer.orgId,
      supplierOrgId: e.supplier.orgId,
      amendments,
    },
    e.signedOn,
  );
  if (finding) await openWarning(ctx, finding, now, tx);
}

/** `escrow.milestone_released`: recorded in the release's transaction, then the round-trip rule. */
export async function recordRelease(ctx: AppContext, tx: DbOrTx, e: MilestoneReleased, now: Date) {
  const flow = {
    releaseId: e.releaseId,
    contractId: e.contractId,
    milestoneId: e.milestoneId,
    payerOrgId: e.payerOrgId,
    payeeOrgId: e.payeeOrgId,
    grossFen: e.grossFen,
    dueDate: e.dueDate,
    releasedAt: new Date(e.releasedAt),
  };
  await repo.insertFlow(tx, flow);
  const reverse = await repo.flowsBetween(tx, e.payeeOrgId, e.payerOrgId);
  const asFlow = (f: repo.FlowRow) => ({ ...f, releasedAt: f.releasedAt.toISOString() });
  const finding = roundTrip(asFlow(flow), reverse.map(asFlow));
  if (finding) await openWarning(ctx, finding, now, tx);
}

/**
 * `wages.month_recorded`, in the month-close transaction: a 欠薪 warning for each contract of the organisation with
 * workers on site and no wage payout that month (to the GC and the payee; risk staff after commit).
 */
export async function recordWageMonth(ctx: AppContext, tx: DbOrTx, e: WageMonthRecorded, now: Date) {
  for (const c of e.contracts) {
    const finding = unpaidWages({
      contractId: c.contractId,
      title: c.contractTitle,
      gcOrgId: c.gcOrgId,
      payeeOrgId: e.orgId,
      month: e.month,
      logDays: c.logDays,
      peakWorkers: c.peakWorkers,
      workerDays: c.workerDays,
      paid: c.paid,
    });
    if (finding) await openWarning(ctx, finding, now, tx);
  }
}

type Snapshot = Awaited<ReturnType<typeof executionSnapshots>>[number];

/** The model's view of a contract: plan, logs with progress after each, escrow releases. */
export function historyOf(s: Snapshot, releases: repo.FlowRow[]): ContractHistory {
  const progress = new Map(s.actualCurve.map((p) => [p.date, p.percentBp]));
  let last = 0;
  const logs = s.logs.map((l) => {
    last = progress.get(l.logDate) ?? last;
    return { logDate: l.logDate, status: l.status, progressBp: last };
  });
  return {
    plannedCurve: s.plannedCurve,
    milestones: s.milestones.map((m) => ({ id: m.id, seq: m.seq, dueDate: m.dueDate, cumulativeBp: m.cumulativeBp })),
    logs,
    payments: releases
      .filter((r) => r.contractId === s.contractId)
      .map((r) => ({ milestoneId: r.milestoneId, releasedOn: shanghaiDate(r.releasedAt) })),
  };
}

/** 提前预警 the early-warning finding for a milestone, with each feature and its contribution as evidence. */
export function earlyDelayFinding(s: Snapshot, h: ContractHistory, index: number, today: string): Finding | null {
  const w = earlyWarning(EARLY_WARNING_MODEL, h, index, today);
  const m = s.milestones[index];
  if (!w?.warn || !m) return null;
  const pct = Math.round(w.probability * 100);
  const top = [...FEATURES].sort((a, b) => w.contributions[b] - w.contributions[a])[0] as (typeof FEATURES)[number];
  const facts: Finding['facts'] = {
    milestoneSeq: m.seq,
    dueDate: m.dueDate,
    daysLeft: w.daysLeft,
    probabilityPercent: pct,
    thresholdPercent: Math.round(EARLY_WARNING_MODEL.threshold * 100),
  };
  for (const f of FEATURES) {
    facts[f] = Number(w.features[f].toFixed(2));
    facts[`${f}Contribution`] = Number(w.contributions[f].toFixed(2));
  }
  return {
    type: 'early_delay',
    severity: pct >= 85 ? 'high' : 'medium',
    subject: { kind: 'milestone', id: m.id },
    contractId: s.contractId,
    ownerOrgId: s.payeeOrgId,
    partyOrgIds: [s.gcOrgId, s.payeeOrgId],
    title: {
      'zh-CN': `节点可能延误超过 7 天：${m.title}`,
      en: `Milestone likely more than 7 days late: ${m.title}`,
    },
    summary: {
      'zh-CN': `「${s.contractTitle}」第 ${m.seq} 个节点 ${m.dueDate} 到期（还有 ${w.daysLeft} 天），按进度趋势延误超过 7 天的概率 ${pct}%；主要原因：${FEATURE_LABELS[top]['zh-CN']}`,
      en: `Milestone ${m.seq} of "${s.contractTitle}" is due on ${m.dueDate} (in ${w.daysLeft} days); from the progress trend, ${pct}% likely to end more than 7 days late. Main reason: ${FEATURE_LABELS[top].en}`,
    },
    facts,
    links: [
      { label: { 'zh-CN': '施工进度', en: 'Progress' }, href: `/workspace/progress/${s.contractId}` },
      { label: { 'zh-CN': '合同', en: 'Contract' }, href: `/workspace/contracts/${s.contractId}` },
    ],
  };
}

/** Every finding about the execution of contracts on `today` (pure given the snapshots). */
export function executionFindings(snapshots: Snapshot[], releases: repo.FlowRow[], today: string): Finding[] {
  const findings: Finding[] = [];
  for (const s of snapshots) {
    if (s.startDate > today) continue;
    const base = { contractId: s.contractId, title: s.contractTitle, gcOrgId: s.gcOrgId, payeeOrgId: s.payeeOrgId };
    const suspension = logSuspension({
      ...base,
      logDates: s.logs.map((l) => l.logDate),
      progressBp: s.actualCurve.at(-1)?.percentBp ?? 0,
      today,
    });
    if (suspension) findings.push(suspension);
    const h = historyOf(s, releases);
    s.milestones.forEach((m, i) => {
      const delay = milestoneDelay({ ...base, milestone: m });
      if (delay) findings.push(delay);
      const early = earlyDelayFinding(s, h, i, today);
      if (early) findings.push(early);
    });
  }
  return findings;
}

/**
 * 每日风险扫描 (job `risk.scan`, and on demand for risk staff): execution of every planned contract (suspension,
 * delay, early warning), payouts of the last three days, and the red flags of opened tenders. Delay and suspension
 * warnings whose cause is gone (milestone reached, logs resumed) are resolved by the system.
 */
export async function runRiskScan(ctx: AppContext, now = ctx.clock.now()) {
  const today = shanghaiDate(now);
  const snapshots = await executionSnapshots(ctx, now);
  const releases = await repo.flowsOfContracts(
    ctx.db,
    snapshots.map((s) => s.contractId),
  );
  let opened = 0;
  for (const finding of executionFindings(snapshots, releases, today))
    if (await openWarning(ctx, finding, now)) opened++;

  for (const w of await repo.activeOfTypes(ctx.db, ['milestone_delay', 'early_delay', 'log_suspension'])) {
    const s = snapshots.find((x) => x.contractId === w.contractId);
    if (!s) continue;
    let reason: string | null = null;
    if (w.subjectKind === 'milestone' && s.milestones.find((m) => m.id === w.subjectId)?.completedOn)
      reason = '节点已完成 / milestone reached';
    if (w.type === 'log_suspension' && (s.logs.at(-1)?.logDate ?? '') > String(w.evidence.facts.lastLogDate))
      reason = '已恢复提交施工日志 / logs resumed';
    if (reason) await transitionWarning(ctx, null, { kind: 'system' }, w.id, { to: 'resolved', note: reason }, now);
  }

  const payouts = await payoutsSince(ctx, new Date(now.getTime() - 3 * DAY_MS));
  const names = new Map(
    (
      await getOrganisations(
        ctx,
        payouts.map((p) => p.orgId),
      )
    ).map((o) => [o.id, o.name]),
  );
  for (const p of payouts) {
    const finding = largePayoutToNewAccount({
      payoutId: p.id,
      orgId: p.orgId,
      orgName: names.get(p.orgId) ?? '',
      amountFen: p.amountFen,
      beneficiaryName: p.beneficiaryName,
      beneficiaryAccount: p.beneficiaryAccount,
      firstUseOfAccount: p.firstUseOfAccount,
      createdAt: p.createdAt.toISOString(),
    });
    if (finding && (await openWarning(ctx, finding, now))) opened++;
  }

  const tenderIds = await openedTenders(ctx);
  for (const id of tenderIds) await computeTenderFlags(ctx, id, now);
  return { opened, scannedContracts: snapshots.length, scannedTenders: tenderIds.length };
}
