import type { ArbitrationVoteBody, MediationResultBody } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import type { Actor } from '../../infra/http/access';
import { listContracts } from '../contracts';
import { settleDisputeHold } from '../escrow';
import { getUsers } from '../identity';
import { ledgerTransaction } from '../ledger';
import { notify } from '../notifications';
import { getOrganisations, membershipsOfUser } from '../organisation';
import { platformSealProvider } from '../signing';
import { staffRolesByUser } from '../staff';
import { disputeErrors } from './disputes.errors';
import type { ArbitrationInstitution } from './disputes.institution';
import { COMMITTEE, OUTCOME_NAME, renderCasePdf, TYPE_NAME, yuan } from './disputes.render';
import * as repo from './disputes.repository';
import { type Ballot, hasConflict, majority, type Outcome, outcomeOfAward } from './disputes.rules';
import { loadForParty, loadForStaff } from './disputes.service';

const OPEN = ['filed', 'mediation', 'arbitration', 'external'];

type Decision = Ballot | { outcome: 'withdrawn'; awardedFen: null; reasons: string };

function requireTeam(row: repo.DisputeRow, actor: Actor) {
  if (row.ownerUserId !== actor.userId && row.specialistUserId !== actor.userId)
    throw disputeErrors.raise('DISPUTE_NOT_CASE_TEAM');
}

/** An award must lie between 0 and the amount in dispute and agree with the stated outcome. */
function checkAward(row: repo.DisputeRow, outcome: Outcome, awarded: number | null): bigint | null {
  const amount = row.amountInDisputeFen;
  const bad = () => disputeErrors.raise('DISPUTE_AWARD_INVALID', { amount: yuan(amount ?? 0n).slice(1) });
  if (amount === null) {
    if (awarded !== null) throw bad();
    return null;
  }
  if (awarded === null) throw bad();
  const fen = BigInt(awarded);
  if (fen < 0n || fen > amount || outcomeOfAward(amount, fen, outcome) !== outcome) throw bad();
  return fen;
}

/**
 * 利益冲突审查: every arbitrator who is neither a member of either party's organisation nor a member of an
 * organisation that has a contract with either party; the excluded ones with the reason, for the record.
 */
export async function arbitratorsFor(ctx: AppContext, row: Pick<repo.DisputeRow, 'claimantOrgId' | 'respondentOrgId'>) {
  const parties = [row.claimantOrgId, row.respondentOrgId];
  const eligible: string[] = [];
  const excluded: string[] = [];
  for (const [userId, roles] of [...(await staffRolesByUser(ctx))].sort(([a], [b]) => a.localeCompare(b))) {
    if (!roles.includes('arbitrator')) continue;
    const orgIds = (await membershipsOfUser(ctx, userId)).map((m) => m.orgId);
    const counterpartyOrgIds: string[] = [];
    for (const orgId of orgIds)
      for (const c of await listContracts(ctx, orgId)) counterpartyOrgIds.push(c.counterparty.orgId);
    (hasConflict({ orgIds, counterpartyOrgIds }, parties) ? excluded : eligible).push(userId);
  }
  return { eligible, excluded };
}

/**
 * 调解结果: the case team records the online mediation. Settled → the agreement is the level-1 decision (the
 * held money moves as agreed). Failed → the case goes to the platform arbitration committee: three arbitrators
 * without a conflict of interest, the least busy first.
 */
export async function recordMediation(
  ctx: AppContext,
  actor: Actor,
  disputeId: string,
  body: MediationResultBody,
  now = new Date(),
) {
  const row = await loadForStaff(ctx, actor, disputeId);
  requireTeam(row, actor);
  if (row.status !== 'mediation') throw disputeErrors.raise('DISPUTE_WRONG_STAGE');
  if (body.result === 'settled') {
    const awarded = checkAward(row, body.outcome, body.awardedToClaimantFen);
    await repo.updateDispute(ctx.db, row.id, { mediationNote: body.note, mediationEndedAt: now });
    return decide(ctx, row.id, 1, { outcome: body.outcome, awardedFen: awarded, reasons: body.note }, now);
  }
  const { eligible } = await arbitratorsFor(ctx, row);
  if (eligible.length < 3) throw disputeErrors.raise('DISPUTE_ARBITRATORS_UNAVAILABLE', { count: eligible.length });
  const load = new Map<string, number>();
  for (const d of await repo.allDisputes(ctx.db))
    if (d.status === 'arbitration') for (const a of d.arbitratorUserIds) load.set(a, (load.get(a) ?? 0) + 1);
  const panel = [...eligible].sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0)).slice(0, 3);
  await ledgerTransaction(ctx.db, async (tx) => {
    const locked = await repo.findDispute(tx, row.id, true);
    if (locked?.status !== 'mediation') throw disputeErrors.raise('DISPUTE_WRONG_STAGE');
    await repo.updateDispute(tx, row.id, {
      status: 'arbitration',
      level: 2,
      mediationNote: body.note,
      mediationEndedAt: now,
      arbitratorUserIds: panel,
    });
    await ctx.events.publish(
      tx,
      'dispute.escalated',
      { disputeId: row.id, level: 2, escalatedAt: now.toISOString() },
      now,
    );
    await notifyParties(
      ctx,
      tx,
      row,
      '纠纷案件已提交平台仲裁委员会',
      `案件 ${row.caseNo} 调解未成，已由三名仲裁员组成合议庭审理。`,
    );
  });
}

/** 仲裁表决: an arbitrator of the case votes with reasons; the second matching vote (or the third) decides. */
export async function castVote(
  ctx: AppContext,
  actor: Actor,
  disputeId: string,
  body: ArbitrationVoteBody,
  now = new Date(),
) {
  const row = await repo.findDispute(ctx.db, disputeId);
  if (!row?.arbitratorUserIds.includes(actor.userId)) throw disputeErrors.raise('DISPUTE_NOT_FOUND');
  if (row.status !== 'arbitration') throw disputeErrors.raise('DISPUTE_WRONG_STAGE');
  const awarded = checkAward(row, body.outcome, body.awardedToClaimantFen);
  const inserted = await repo.insertVote(ctx.db, {
    disputeId,
    arbitratorUserId: actor.userId,
    outcome: body.outcome,
    awardedToClaimantFen: awarded,
    reasons: body.reasons,
    createdAt: now,
  });
  if (!inserted) throw disputeErrors.raise('DISPUTE_ALREADY_VOTED');
  const votes = await repo.votesOf(ctx.db, disputeId);
  const decision = majority(
    votes.map((v) => ({ outcome: v.outcome as Outcome, awardedFen: v.awardedToClaimantFen, reasons: v.reasons })),
    row.amountInDisputeFen,
  );
  if (decision) await decide(ctx, disputeId, 2, decision, now);
  return { decided: decision !== null };
}

/** 撤回 the claimant withdraws an open case; held money stays in escrow. */
export async function withdrawDispute(ctx: AppContext, orgId: string, disputeId: string, now = new Date()) {
  const { row, side } = await loadForParty(ctx, orgId, disputeId);
  if (side !== 'claimant') throw disputeErrors.raise('DISPUTE_NOT_FOUND');
  if (!OPEN.includes(row.status)) throw disputeErrors.raise('DISPUTE_CLOSED');
  await ledgerTransaction(ctx.db, (tx) =>
    finish(
      ctx,
      tx,
      row,
      row.level as 1 | 2 | 3,
      { outcome: 'withdrawn', awardedFen: null, reasons: '申请人撤回' },
      null,
      now,
    ),
  );
}

async function caseDocument(ctx: AppContext, row: repo.DisputeRow, title: string, decision: Ballot | null, now: Date) {
  const [orgs, evidence, votes] = await Promise.all([
    getOrganisations(ctx, [row.claimantOrgId, row.respondentOrgId]),
    repo.evidenceOf(ctx.db, row.id),
    repo.votesOf(ctx.db, row.id),
  ]);
  const users = new Map(
    (
      await getUsers(
        ctx,
        votes.map((v) => v.arbitratorUserId),
      )
    ).map((u) => [u.id, u.displayName]),
  );
  const name = (id: string) => orgs.find((o) => o.id === id)?.name ?? '—';
  return renderCasePdf({
    title,
    caseNo: row.caseNo,
    contractTitle: row.contractTitle,
    type: row.type as keyof typeof TYPE_NAME,
    claimant: name(row.claimantOrgId),
    respondent: name(row.respondentOrgId),
    amountInDisputeFen: row.amountInDisputeFen,
    claim: row.claim,
    filedAt: row.filedAt,
    mediationNote: row.mediationNote,
    evidence: evidence.map((e) => ({
      side: e.side === 'claimant' ? '申请人' : '被申请人',
      name: e.name,
      sha256: e.sha256,
      evidenceIndex: e.evidenceIndex,
    })),
    votes: votes.map((v) => ({
      arbitrator: users.get(v.arbitratorUserId) ?? '仲裁员',
      outcome: OUTCOME_NAME[v.outcome as Outcome],
      awardedFen: v.awardedToClaimantFen,
      reasons: v.reasons,
    })),
    decision: decision
      ? { outcome: decision.outcome, awardedFen: decision.awardedFen, reasons: decision.reasons, decidedAt: now }
      : null,
  });
}

async function sealed(ctx: AppContext, pdf: Buffer, reason: string, now: Date): Promise<Buffer> {
  return platformSealProvider(ctx).signPdf(pdf, {
    org: COMMITTEE,
    signer: { userId: COMMITTEE.id, name: COMMITTEE.name },
    reason,
    signingTime: now,
  });
}

/**
 * 裁决 the decision of level 1 (mediation agreement), 2 (committee) or 3 (outside institution): the sealed decision
 * PDF, then in one transaction the held money moved through the ledger, the case closed with its anonymised
 * digest, and `dispute.resolved` for the credit rating.
 */
async function decide(ctx: AppContext, disputeId: string, level: 1 | 2 | 3, decision: Ballot, now: Date) {
  const row = await repo.findDispute(ctx.db, disputeId);
  if (!row) throw disputeErrors.raise('DISPUTE_NOT_FOUND');
  const title = level === 1 ? '调解书' : level === 2 ? '裁决书' : '仲裁裁决登记';
  const pdf = await sealed(ctx, await caseDocument(ctx, row, title, decision, now), `${COMMITTEE.name}${title}`, now);
  const { sha256 } = await ctx.blobs.put(pdf);
  await ledgerTransaction(ctx.db, async (tx) => {
    const locked = await repo.findDispute(tx, disputeId, true);
    if (!locked || !OPEN.includes(locked.status)) throw disputeErrors.raise('DISPUTE_CLOSED');
    await finish(ctx, tx, locked, level, decision, sha256, now);
  });
}

const LEVEL_NAME = { 1: '客服调解', 2: '平台仲裁委员会裁决', 3: '第三方仲裁机构裁决' } as const;

export function digestOf(
  row: Pick<repo.DisputeRow, 'type' | 'amountInDisputeFen'>,
  level: 1 | 2 | 3,
  d: Decision,
): string {
  const amount = row.amountInDisputeFen === null ? '' : `，争议金额 ${yuan(row.amountInDisputeFen)}`;
  const award = d.awardedFen === null ? '' : `，支付申请人 ${yuan(d.awardedFen)}`;
  if (d.outcome === 'withdrawn') return `${TYPE_NAME[row.type as keyof typeof TYPE_NAME]}${amount}，申请人撤回。`;
  return `${TYPE_NAME[row.type as keyof typeof TYPE_NAME]}${amount}，经${LEVEL_NAME[level]}：${OUTCOME_NAME[d.outcome]}${award}。`;
}

async function finish(
  ctx: AppContext,
  tx: DbOrTx,
  row: repo.DisputeRow,
  level: 1 | 2 | 3,
  decision: Decision,
  decisionSha256: string | null,
  now: Date,
) {
  const awarded = decision.awardedFen ?? 0n;
  if (row.holdTransferId)
    await settleDisputeHold(tx, {
      contractId: row.contractId,
      disputeId: row.id,
      holdTransferId: row.holdTransferId,
      awardedFen: awarded > row.heldFen ? row.heldFen : awarded,
    });
  await repo.updateDispute(tx, row.id, {
    status: decision.outcome === 'withdrawn' ? 'withdrawn' : 'resolved',
    level,
    outcome: decision.outcome,
    awardedToClaimantFen: decision.awardedFen,
    decisionReasons: decision.reasons,
    decidedAt: now,
    decisionSha256,
    // the hold is resolved: the award went to the claimant, the rest back into escrow
    heldFen: 0n,
    digest: digestOf(row, level, decision),
  });
  await ctx.events.publish(
    tx,
    'dispute.resolved',
    {
      disputeId: row.id,
      subject: { kind: 'contract', id: row.subjectId },
      claimantOrgId: row.claimantOrgId,
      respondentOrgId: row.respondentOrgId,
      outcome: decision.outcome,
      level,
      amountInDisputeFen: row.amountInDisputeFen === null ? null : Number(row.amountInDisputeFen),
      awardedToClaimantFen: decision.awardedFen === null ? null : Number(decision.awardedFen),
      decidedAt: now.toISOString(),
    },
    now,
  );
  await notifyParties(ctx, tx, row, '纠纷案件已结案', `案件 ${row.caseNo}：${OUTCOME_NAME[decision.outcome]}。`);
}

async function notifyParties(ctx: AppContext, tx: DbOrTx, row: repo.DisputeRow, title: string, body: string) {
  for (const orgId of [row.claimantOrgId, row.respondentOrgId])
    await notify(ctx, { orgId, kind: 'disputes.progress', title, body, link: `/disputes/${row.id}`, email: true }, tx);
}

/**
 * 移交第三方仲裁 the case team hands a case the platform does not decide (mediation failed and the contract names an
 * arbitration institution, or a party refuses the committee) to the outside institution: the sealed case file,
 * the evidence and a manifest of hashes, through the institution adapter.
 */
export async function handOver(
  ctx: AppContext,
  actor: Actor,
  disputeId: string,
  institution: ArbitrationInstitution,
  now = new Date(),
) {
  const row = await loadForStaff(ctx, actor, disputeId);
  requireTeam(row, actor);
  if (row.status !== 'mediation' && row.status !== 'arbitration') throw disputeErrors.raise('DISPUTE_WRONG_STAGE');
  const caseFile = await sealed(
    ctx,
    await caseDocument(ctx, row, '案件材料', null, now),
    `${COMMITTEE.name}案件移交`,
    now,
  );
  const evidence = await Promise.all(
    (await repo.evidenceOf(ctx.db, row.id)).map(async (e) => ({
      name: e.name,
      bytes: await ctx.blobs.get(e.sha256),
      evidenceIndex: e.evidenceIndex,
    })),
  );
  const receipt = await institution.submit({ caseNo: row.caseNo, caseFile, evidence });
  await ledgerTransaction(ctx.db, async (tx) => {
    const locked = await repo.findDispute(tx, row.id, true);
    if (locked?.status !== row.status) throw disputeErrors.raise('DISPUTE_WRONG_STAGE');
    await repo.updateDispute(tx, row.id, {
      status: 'external',
      level: 3,
      mediationEndedAt: row.mediationEndedAt ?? now,
      externalInstitution: receipt.institution,
      externalReference: receipt.reference,
      externalManifestSha256: receipt.manifestSha256,
    });
    await ctx.events.publish(
      tx,
      'dispute.escalated',
      { disputeId: row.id, level: 3, escalatedAt: now.toISOString() },
      now,
    );
    await notifyParties(ctx, tx, row, '纠纷案件已移交仲裁机构', `案件 ${row.caseNo} 已移交 ${receipt.institution}。`);
  });
  return receipt;
}

/** 登记外部裁决 the case team records the outside institution's award; the held money moves as awarded. */
export async function recordExternalAward(
  ctx: AppContext,
  actor: Actor,
  disputeId: string,
  body: ArbitrationVoteBody,
  now = new Date(),
) {
  const row = await loadForStaff(ctx, actor, disputeId);
  requireTeam(row, actor);
  if (row.status !== 'external') throw disputeErrors.raise('DISPUTE_WRONG_STAGE');
  const awarded = checkAward(row, body.outcome, body.awardedToClaimantFen);
  await decide(ctx, disputeId, 3, { outcome: body.outcome, awardedFen: awarded, reasons: body.reasons }, now);
}
