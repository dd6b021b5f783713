import type { Dispute } from '@zhuhe/contracts';
import { addWorkingDays } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import type { Actor } from '../../infra/http/access';
import { getUsers } from '../identity';
import { getOrganisations } from '../organisation';
import { disputeErrors } from './disputes.errors';
import * as repo from './disputes.repository';
import { breached, cycleWorkingDays, type Outcome, TARGET_CYCLE_WORKING_DAYS } from './disputes.rules';
import { loadForParty, loadForStaff, type Side } from './disputes.service';

type Viewer = { orgId: string; side: Side } | { staff: true };

const n = (v: bigint | null) => (v === null ? null : Number(v));
const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function present(ctx: AppContext, rows: repo.DisputeRow[], viewer: (row: repo.DisputeRow) => Viewer, now: Date) {
  const orgs = new Map(
    (
      await getOrganisations(
        ctx,
        rows.flatMap((r) => [r.claimantOrgId, r.respondentOrgId]),
      )
    ).map((o) => [o.id, o.name]),
  );
  const users = new Map(
    (
      await getUsers(
        ctx,
        rows.flatMap((r) =>
          [r.ownerUserId, r.specialistUserId, ...r.arbitratorUserIds].filter((u): u is string => !!u),
        ),
      )
    ).map((u) => [u.id, u.displayName]),
  );
  return rows.map((r) => {
    const v = viewer(r);
    return {
      id: r.id,
      caseNo: r.caseNo,
      subject: { kind: 'contract' as const, id: r.subjectId, title: r.contractTitle },
      type: r.type as Dispute['type'],
      status: r.status as Dispute['status'],
      level: r.level as 1 | 2 | 3,
      claimant: { orgId: r.claimantOrgId, orgName: orgs.get(r.claimantOrgId) ?? '—' },
      respondent: { orgId: r.respondentOrgId, orgName: orgs.get(r.respondentOrgId) ?? '—' },
      viewerSide: 'side' in v ? v.side : null,
      amountInDisputeFen: n(r.amountInDisputeFen),
      contractAmountFen: Number(r.contractAmountFen),
      claim: r.claim,
      heldFen: Number(r.heldFen),
      filedAt: r.filedAt.toISOString(),
      team: {
        ownerName: r.ownerUserId ? (users.get(r.ownerUserId) ?? null) : null,
        specialistName: r.specialistUserId ? (users.get(r.specialistUserId) ?? null) : null,
        clock: {
          dueAt: r.teamDueAt.toISOString(),
          doneAt: iso(r.teamFormedAt),
          breached: breached(r.teamDueAt, r.teamFormedAt, now),
        },
      },
      mediation: {
        clock: {
          dueAt: r.mediationDueAt.toISOString(),
          doneAt: iso(r.mediationEndedAt),
          breached: breached(r.mediationDueAt, r.mediationEndedAt, now),
        },
        note: r.mediationNote,
      },
      arbitratorNames: r.arbitratorUserIds.map((a) => users.get(a) ?? '仲裁员'),
      outcome: (r.outcome as Outcome | 'withdrawn' | null) ?? null,
      awardedToClaimantFen: n(r.awardedToClaimantFen),
      decisionReasons: r.decisionReasons,
      decidedAt: iso(r.decidedAt),
      hasDecisionPdf: r.decisionSha256 !== null,
      external:
        r.externalInstitution && r.externalReference && r.externalManifestSha256
          ? {
              institution: r.externalInstitution,
              reference: r.externalReference,
              manifestSha256: r.externalManifestSha256,
            }
          : null,
      cycleWorkingDays: cycleWorkingDays(r.filedAt, r.decidedAt, now),
    };
  });
}

export type DisputeView = Awaited<ReturnType<typeof present>>[number];

async function detail(
  ctx: AppContext,
  row: repo.DisputeRow,
  viewer: Viewer,
  base: string,
  now = new Date(),
): Promise<Dispute> {
  const [view] = await present(ctx, [row], () => viewer, now);
  const [evidence, messages, votes] = await Promise.all([
    repo.evidenceOf(ctx.db, row.id),
    repo.messagesOf(ctx.db, row.id),
    repo.votesOf(ctx.db, row.id),
  ]);
  const names = new Map(
    (
      await getUsers(
        ctx,
        votes.map((v) => v.arbitratorUserId),
      )
    ).map((u) => [u.id, u.displayName]),
  );
  const v = view as DisputeView;
  const { arbitratorNames, hasDecisionPdf, ...rest } = v;
  return {
    ...rest,
    arbitrators: arbitratorNames,
    // votes are shown once the committee has decided (each arbitrator votes independently before)
    votes:
      row.decidedAt || 'staff' in viewer
        ? votes.map((x) => ({
            arbitratorName: names.get(x.arbitratorUserId) ?? '仲裁员',
            outcome: x.outcome as Outcome,
            awardedToClaimantFen: n(x.awardedToClaimantFen),
            reasons: x.reasons,
            createdAt: x.createdAt.toISOString(),
          }))
        : [],
    decisionPdfUrl: hasDecisionPdf ? `${base}/decision.pdf` : null,
    evidence: evidence.map((e) => ({
      id: e.id,
      side: e.side as Side,
      name: e.name,
      mime: e.mime,
      size: e.size,
      sha256: e.sha256,
      evidenceIndex: e.evidenceIndex,
      fileUrl: `${base}/evidence/${e.id}`,
      createdAt: e.createdAt.toISOString(),
    })),
    messages: messages.map((m) => ({
      id: m.id,
      side: m.side as Side | 'platform',
      authorName: m.authorName,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
    })),
  };
}

/** 我的纠纷 the cases an organisation is party to, filed or received. */
export async function listForOrg(ctx: AppContext, orgId: string, now = new Date()) {
  const rows = await repo.disputesOfOrg(ctx.db, orgId);
  return present(ctx, rows, (r) => ({ orgId, side: r.claimantOrgId === orgId ? 'claimant' : 'respondent' }), now);
}

export async function disputeForParty(ctx: AppContext, orgId: string, disputeId: string) {
  const { row, side } = await loadForParty(ctx, orgId, disputeId);
  return detail(ctx, row, { orgId, side }, `/api/orgs/${orgId}/disputes/${disputeId}`);
}

export async function disputeForStaff(ctx: AppContext, actor: Actor, disputeId: string) {
  const row = await loadForStaff(ctx, actor, disputeId);
  return detail(ctx, row, { staff: true }, `/api/staff/disputes/${disputeId}`);
}

/** 纠纷看板 every case by level and clock, breaches first; the average cycle over decided cases. */
export async function board(ctx: AppContext, now = new Date()) {
  const rows = await repo.allDisputes(ctx.db);
  const items = await present(ctx, rows, () => ({ staff: true }), now);
  const decided = items.filter((i) => i.decidedAt);
  const breaches = items.filter(
    (i) => !i.decidedAt && (i.team.clock.breached || (i.mediation.clock.breached && i.level === 1)),
  ).length;
  return {
    items: items.sort(
      (a, b) =>
        Number(b.team.clock.breached || b.mediation.clock.breached) -
        Number(a.team.clock.breached || a.mediation.clock.breached),
    ),
    averageCycleWorkingDays:
      decided.length === 0
        ? null
        : Math.round((decided.reduce((s, i) => s + i.cycleWorkingDays, 0) / decided.length) * 10) / 10,
    breaches,
  };
}

/** 我的仲裁案件 the cases where the staff member sits on the committee or is on the team. */
export async function casesOfStaff(ctx: AppContext, actor: Actor, now = new Date()) {
  const rows = (await repo.allDisputes(ctx.db)).filter(
    (r) =>
      r.arbitratorUserIds.includes(actor.userId) ||
      r.ownerUserId === actor.userId ||
      r.specialistUserId === actor.userId,
  );
  return present(ctx, rows, () => ({ staff: true }), now);
}

/** 案例公示 decided cases as anonymised digests: type, amounts, level and outcome, no names. */
export async function digests(ctx: AppContext) {
  return (await repo.decided(ctx.db))
    .filter((r) => r.digest && r.outcome && r.decidedAt)
    .map((r) => ({
      caseNo: r.caseNo,
      type: r.type as Dispute['type'],
      level: r.level,
      outcome: r.outcome as Outcome | 'withdrawn',
      amountInDisputeFen: n(r.amountInDisputeFen),
      awardedToClaimantFen: n(r.awardedToClaimantFen),
      summary: r.digest as string,
      decidedAt: (r.decidedAt as Date).toISOString(),
    }));
}

/** An evidence file of either side, for a party or the case's staff. */
export async function evidenceFile(ctx: AppContext, row: repo.DisputeRow, evidenceId: string) {
  const e = await repo.findEvidence(ctx.db, row.id, evidenceId);
  if (!e) throw disputeErrors.raise('DISPUTE_NOT_FOUND');
  return { name: e.name, mime: e.mime, bytes: await ctx.blobs.get(e.sha256) };
}

export async function decisionPdf(ctx: AppContext, row: repo.DisputeRow) {
  if (!row.decisionSha256) throw disputeErrors.raise('DISPUTE_NOT_FOUND');
  return { name: `${row.caseNo}.pdf`, mime: 'application/pdf', bytes: await ctx.blobs.get(row.decisionSha256) };
}

export async function partyEvidenceFile(ctx: AppContext, orgId: string, disputeId: string, evidenceId: string) {
  return evidenceFile(ctx, (await loadForParty(ctx, orgId, disputeId)).row, evidenceId);
}
export async function staffEvidenceFile(ctx: AppContext, actor: Actor, disputeId: string, evidenceId: string) {
  return evidenceFile(ctx, await loadForStaff(ctx, actor, disputeId), evidenceId);
}
export async function partyDecisionPdf(ctx: AppContext, orgId: string, disputeId: string) {
  return decisionPdf(ctx, (await loadForParty(ctx, orgId, disputeId)).row);
}
export async function staffDecisionPdf(ctx: AppContext, actor: Actor, disputeId: string) {
  return decisionPdf(ctx, await loadForStaff(ctx, actor, disputeId));
}

/** The two parties of a case, for a module that lets them talk (chat); DISPUTE_NOT_FOUND unless `orgId` is one. */
export async function disputeParties(ctx: AppContext, orgId: string, disputeId: string) {
  const { row } = await loadForParty(ctx, orgId, disputeId);
  return { title: row.contractTitle, orgIds: [row.claimantOrgId, row.respondentOrgId] };
}

/**
 * SLA clocks of the disputes filed since `since`, for the promises board (SERV-4): the team within 2 hours, the
 * mediation within 5 working days, and the whole cycle (filing to decision or withdrawal) within 7 working days.
 * Mediation is measured from filing, as its due time is (clocksFor).
 */
export async function slaClocks(ctx: AppContext, since: Date) {
  return (await repo.filedSince(ctx.db, since)).map((d) => {
    const closedAt = d.decidedAt;
    return {
      id: d.id,
      caseNo: d.caseNo,
      title: d.contractTitle,
      filedAt: d.filedAt,
      team: { dueAt: d.teamDueAt, endedAt: d.teamFormedAt },
      mediation: { dueAt: d.mediationDueAt, endedAt: d.mediationEndedAt ?? closedAt },
      cycle: { dueAt: addWorkingDays(d.filedAt, TARGET_CYCLE_WORKING_DAYS), endedAt: closedAt },
    };
  });
}
