import { createHash } from 'node:crypto';
import type { OpenSettlementBody, ProposeQuantityBody, StatementBody, VoteQuantityBody } from '@zhuhe/contracts';
import type { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { isDomainError } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { releaseMilestone } from '../escrow';
import { appendEvidence } from '../evidence';
import { assignSupervisor, executionAccess, type PartyRole } from '../execution';
import { getFile, readFileContent, storeFile } from '../files';
import { getUser } from '../identity';
import { getOrganisation } from '../organisation';
import { PLATFORM_SEAL_ORG, platformSealProvider, sealAsPlatform } from '../signing';
import { settlementErrors } from './settlement.errors';
import { ROLE_NAME, renderStatementPdf } from './settlement.render';
import * as repo from './settlement.repository';
import { computeStatement } from './settlement.statement';

interface Actor {
  userId: string;
}

export const PARTY_ROLES: readonly PartyRole[] = ['gc', 'payee', 'supervisor'];

/** The GC invites the supervisor (监理) organisation; it then sees the plan, the logs and the settlements. */
export async function inviteSupervisor(ctx: AppContext, orgId: string, contractId: string, supervisorOrgId: string) {
  await assignSupervisor(ctx, orgId, contractId, supervisorOrgId);
}

/** Current proposal per line, whether it is agreed by all three, and the disagreements recorded so far. */
export function quantityState(proposals: repo.ProposalRow[], votes: repo.VoteRow[]) {
  const current = new Map<string, repo.ProposalRow>();
  for (const p of proposals) current.set(p.lineId, p);
  const votesOf = (proposalId: string) => votes.filter((v) => v.proposalId === proposalId);
  const agreed = (p: repo.ProposalRow) =>
    PARTY_ROLES.every((role) => votesOf(p.id).some((v) => v.role === role && v.decision === 'confirm'));
  return {
    current,
    votesOf,
    agreed,
    superseded: (p: repo.ProposalRow) => current.get(p.lineId)?.id !== p.id,
    disputes: votes.filter((v) => v.decision === 'dispute').length,
  };
}

export async function loadSettlement(ctx: AppContext, orgId: string, contractId: string, settlementId: string) {
  const access = await executionAccess(ctx, orgId, contractId);
  const settlement = await repo.findSettlement(ctx.db, contractId, settlementId);
  if (!settlement) throw settlementErrors.raise('SETTLEMENT_NOT_FOUND');
  const [proposals, votes, signatures] = await Promise.all([
    repo.proposalsOf(ctx.db, settlementId),
    repo.votesOf(ctx.db, settlementId),
    repo.signaturesOf(ctx.db, settlementId),
  ]);
  const milestone = access.milestones.find((m) => m.id === settlement.milestoneId);
  const state = quantityState(proposals, votes);
  return {
    access,
    settlement,
    milestoneTitle: milestone?.title ?? '—',
    proposals,
    votes,
    signatures,
    state,
    allAgreed: access.lines.every((l) => {
      const p = state.current.get(l.id);
      return p ? state.agreed(p) : false;
    }),
  };
}

export async function listSettlements(ctx: AppContext, orgId: string, contractId: string) {
  await executionAccess(ctx, orgId, contractId);
  const rows = await repo.settlementsOf(ctx.db, contractId);
  return Promise.all(rows.map((r) => loadSettlement(ctx, orgId, contractId, r.id)));
}

/** Milestone id → settlement status, for the plan view. */
export async function settlementStatuses(ctx: AppContext, contractId: string): Promise<Map<string, string>> {
  return new Map((await repo.settlementsOf(ctx.db, contractId)).map((s) => [s.milestoneId, s.status]));
}

/** 发起验收: the GC opens the settlement of a milestone; the previous one must be finished (released). */
export async function openSettlement(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  contractId: string,
  input: z.output<typeof OpenSettlementBody>,
): Promise<string> {
  const { plan, role, milestones } = await executionAccess(ctx, orgId, contractId);
  if (role !== 'gc') throw settlementErrors.raise('SETTLEMENT_NOT_PAYER');
  if (!milestones.some((m) => m.id === input.milestoneId)) throw settlementErrors.raise('SETTLEMENT_MILESTONE_UNKNOWN');
  if (!plan.supervisorOrgId) throw settlementErrors.raise('SETTLEMENT_SUPERVISOR_REQUIRED');
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await executionAccess(ctx, orgId, contractId, tx);
    const existing = await repo.settlementsOf(tx, contractId);
    if (existing.some((s) => s.milestoneId === input.milestoneId)) throw settlementErrors.raise('SETTLEMENT_EXISTS');
    if (existing.some((s) => s.status !== 'released')) throw settlementErrors.raise('SETTLEMENT_OPEN_EXISTS');
    await repo.insertSettlement(tx, {
      id,
      contractId,
      milestoneId: input.milestoneId,
      orgId,
      status: 'measuring',
      createdBy: actor.userId,
    });
  });
  return id;
}

/**
 * 工程量确认: any of the three parties proposes the measured quantity (to date) of a BoQ line; the proposer's own
 * confirmation is recorded with it. A later proposal for the line supersedes, never overwrites, the earlier one.
 */
export async function proposeQuantity(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  contractId: string,
  settlementId: string,
  input: z.output<typeof ProposeQuantityBody>,
): Promise<string> {
  const { role, lines } = await executionAccess(ctx, orgId, contractId);
  const line = lines.find((l) => l.id === input.lineId);
  if (!line) throw settlementErrors.raise('SETTLEMENT_LINE_UNKNOWN');
  if (input.quantityMilli > line.quantityMilli) throw settlementErrors.raise('SETTLEMENT_QUANTITY_OVER_PLAN');
  const proposalId = newId();
  await ctx.db.transaction(async (tx) => {
    const settlement = await repo.findSettlement(tx, contractId, settlementId, true);
    if (!settlement) throw settlementErrors.raise('SETTLEMENT_NOT_FOUND');
    if (settlement.status !== 'measuring') throw settlementErrors.raise('SETTLEMENT_NOT_MEASURING');
    const proposals = await repo.proposalsOf(tx, settlementId);
    const now = new Date();
    await repo.insertProposal(tx, {
      id: proposalId,
      settlementId,
      seq: proposals.length + 1,
      lineId: line.id,
      quantityMilli: input.quantityMilli,
      note: input.note,
      orgId,
      role,
      createdBy: actor.userId,
      createdAt: now,
    });
    await repo.insertVote(tx, {
      proposalId,
      settlementId,
      orgId,
      role,
      decision: 'confirm',
      note: '',
      userId: actor.userId,
      createdAt: now,
    });
  });
  return proposalId;
}

/** A party confirms the current proposal of a line, or records its disagreement (then someone proposes anew). */
export async function voteQuantity(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  contractId: string,
  settlementId: string,
  input: z.output<typeof VoteQuantityBody>,
): Promise<void> {
  const { role } = await executionAccess(ctx, orgId, contractId);
  await ctx.db.transaction(async (tx) => {
    const settlement = await repo.findSettlement(tx, contractId, settlementId, true);
    if (!settlement) throw settlementErrors.raise('SETTLEMENT_NOT_FOUND');
    if (settlement.status !== 'measuring') throw settlementErrors.raise('SETTLEMENT_NOT_MEASURING');
    // one client per transaction: its queries run one after the other
    const proposals = await repo.proposalsOf(tx, settlementId);
    const votes = await repo.votesOf(tx, settlementId);
    const proposal = proposals.find((p) => p.id === input.proposalId);
    if (!proposal) throw settlementErrors.raise('SETTLEMENT_PROPOSAL_NOT_FOUND');
    if (quantityState(proposals, votes).superseded(proposal))
      throw settlementErrors.raise('SETTLEMENT_PROPOSAL_SUPERSEDED');
    if (votes.some((v) => v.proposalId === proposal.id && v.orgId === orgId))
      throw settlementErrors.raise('SETTLEMENT_ALREADY_VOTED');
    await repo.insertVote(tx, {
      proposalId: proposal.id,
      settlementId,
      orgId,
      role,
      decision: input.decision,
      note: input.note,
      userId: actor.userId,
      createdAt: new Date(),
    });
  });
}

function statementHash(settlementId: string, statement: unknown): string {
  return createHash('sha256').update(JSON.stringify({ settlementId, statement })).digest('hex');
}

/**
 * 生成结算单: when every BoQ line's quantity is confirmed by all three parties, the GC generates the statement
 * with the variations and deductions to date; its hash goes to the evidence log.
 */
export async function generateStatement(
  ctx: AppContext,
  orgId: string,
  contractId: string,
  settlementId: string,
  input: z.output<typeof StatementBody>,
): Promise<void> {
  const loaded = await loadSettlement(ctx, orgId, contractId, settlementId);
  const { plan, role, lines } = loaded.access;
  if (role !== 'gc') throw settlementErrors.raise('SETTLEMENT_NOT_PAYER');
  if (loaded.settlement.status !== 'measuring') throw settlementErrors.raise('SETTLEMENT_NOT_MEASURING');
  const open = lines.filter((l) => {
    const p = loaded.state.current.get(l.id);
    return !p || !loaded.state.agreed(p);
  });
  if (open.length > 0) throw settlementErrors.raise('SETTLEMENT_QUANTITIES_OPEN', { count: open.length });
  const previous = (await repo.settlementsOf(ctx.db, contractId))
    .filter((s) => s.id !== settlementId && s.statement)
    .map((s) => s.statement as NonNullable<typeof s.statement>);
  const statement = computeStatement({
    lines: lines.map((l) => ({
      lineId: l.id,
      code: l.code,
      name: l.name,
      unit: l.unit,
      quantityMilli: (loaded.state.current.get(l.id) as repo.ProposalRow).quantityMilli,
      unitPriceFen: l.unitPriceFen,
    })),
    variationsFen: input.variationsFen,
    deductionsFen: input.deductionsFen,
    retentionBp: plan.retentionBp,
    labourShareBp: plan.labourShareBp,
    previous,
    note: input.note,
  });
  if (statement.payableNowFen < 0 || statement.grossFen < 0) throw settlementErrors.raise('SETTLEMENT_NEGATIVE');
  const sha256 = statementHash(settlementId, statement);
  await ctx.db.transaction(async (tx) => {
    const locked = await repo.findSettlement(tx, contractId, settlementId, true);
    if (locked?.status !== 'measuring') throw settlementErrors.raise('SETTLEMENT_NOT_MEASURING');
    await repo.updateSettlement(tx, settlementId, { status: 'statement', statement, statementSha256: sha256 });
    await appendEvidence(
      ctx,
      { kind: 'settlement.statement', subject: `settlement:${settlementId}:statement`, sha256, orgId },
      tx,
    );
  });
}

/**
 * 三方签章: an authorised signer of each party consents after step-up 2FA. With the third consent the PDF is
 * rendered, sealed by the three organisations (PAdES), then by the platform's own seal (平台签章, ADR 0126), stored,
 * its hash logged as evidence, and the milestone's amount is released from escrow.
 */
export async function signStatement(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  contractId: string,
  settlementId: string,
): Promise<void> {
  const { role } = await executionAccess(ctx, orgId, contractId);
  const user = await getUser(ctx, actor.userId);
  await ctx.db.transaction(async (tx) => {
    const settlement = await repo.findSettlement(tx, contractId, settlementId, true);
    if (!settlement) throw settlementErrors.raise('SETTLEMENT_NOT_FOUND');
    if (settlement.status !== 'statement') throw settlementErrors.raise('SETTLEMENT_NO_STATEMENT');
    const signatures = await repo.signaturesOf(tx, settlementId);
    if (signatures.some((s) => s.orgId === orgId)) throw settlementErrors.raise('SETTLEMENT_ALREADY_SIGNED');
    await repo.insertSignature(tx, {
      settlementId,
      orgId,
      role,
      signerUserId: actor.userId,
      signerName: user?.displayName ?? '—',
      signedAt: new Date(),
    });
  });
  await sealIfComplete(ctx, orgId, contractId, settlementId);
}

async function sealIfComplete(ctx: AppContext, orgId: string, contractId: string, settlementId: string) {
  const loaded = await loadSettlement(ctx, orgId, contractId, settlementId);
  const { plan } = loaded.access;
  const { settlement, signatures } = loaded;
  if (!settlement.statement || !settlement.statementSha256 || settlement.status !== 'statement') return;
  if (!PARTY_ROLES.every((r) => signatures.some((s) => s.role === r))) return;
  const orgIds: Record<PartyRole, string> = {
    gc: plan.orgId,
    payee: plan.payeeOrgId,
    supervisor: plan.supervisorOrgId ?? '',
  };
  const orgs = new Map(
    await Promise.all(PARTY_ROLES.map(async (r) => [r, await getOrganisation(ctx, orgIds[r])] as const)),
  );
  const party = (r: PartyRole) => orgs.get(r) as Awaited<ReturnType<typeof getOrganisation>>;
  const base = ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;
  const sealedAt = new Date();
  let pdf = await renderStatementPdf({
    settlementId,
    contractTitle: plan.contractTitle,
    milestoneTitle: loaded.milestoneTitle,
    parties: PARTY_ROLES.map((r) => ({ role: r, orgName: party(r).name, creditCode: party(r).creditCode })),
    statement: settlement.statement,
    statementSha256: settlement.statementSha256,
    signatories: signatures.map((s) => ({
      role: s.role as PartyRole,
      orgName: party(s.role as PartyRole).name,
      signerName: s.signerName,
      signedAt: s.signedAt,
    })),
    platformSeal: { orgName: PLATFORM_SEAL_ORG.name, sealedAt },
    verifyUrl: `${base}/verify`,
  });
  const provider = platformSealProvider(ctx);
  for (const s of signatures) {
    const org = party(s.role as PartyRole);
    pdf = await provider.signPdf(pdf, {
      org: { id: org.id, name: org.name, creditCode: org.creditCode },
      signer: { userId: s.signerUserId, name: s.signerName },
      reason: `${ROLE_NAME[s.role as PartyRole]}签署结算单：${plan.contractTitle} · ${loaded.milestoneTitle}`,
      signingTime: s.signedAt,
    });
  }
  // 平台签章: the platform's own seal, after (and over) the three parties' signatures; the evidence hash below is
  // of this final file.
  const platform = await sealAsPlatform(ctx, pdf, {
    reason: `平台签章（见证三方签署完成）：${plan.contractTitle} · ${loaded.milestoneTitle}`,
    signingTime: sealedAt,
  });
  pdf = platform.pdf;
  await ctx.db.transaction(async (tx) => {
    const locked = await repo.findSettlement(tx, contractId, settlementId, true);
    if (locked?.status !== 'statement') return;
    const file = await storeFile(
      ctx,
      {
        orgId: plan.orgId,
        userId: null,
        name: `结算单-${loaded.milestoneTitle}-已签署.pdf`,
        bytes: pdf,
        accept: ['pdf'],
      },
      tx,
    );
    const entry = await appendEvidence(
      ctx,
      {
        kind: 'settlement.signed',
        subject: `settlement:${settlementId}:signed`,
        sha256: file.sha256,
        orgId: plan.orgId,
      },
      tx,
    );
    await repo.updateSettlement(tx, settlementId, {
      status: 'signed',
      signedFileId: file.id,
      signedSha256: file.sha256,
      evidenceIndex: entry.entryIndex,
      platformSealedAt: sealedAt,
      platformSealCertSha256: platform.certSha256,
    });
    await ctx.events.publish(
      tx,
      'settlement.sealed',
      {
        settlementId,
        contractId,
        milestoneId: locked.milestoneId,
        buyerOrgId: plan.orgId,
        supplierOrgId: plan.payeeOrgId,
        supervisorOrgId: plan.supervisorOrgId ?? null,
        grossFen: settlement.statement?.grossFen ?? 0,
        sealedAt: sealedAt.toISOString(),
      },
      sealedAt,
    );
  });
  await releaseSettlement(ctx, plan.orgId, contractId, settlementId);
}

/**
 * 放款: releases the signed statement's period amount from escrow (gross, retention held back, labour to the wage
 * account). The transfer's client id is the settlement's, so a retry after a failure never pays twice; a refusal
 * (e.g. escrow frozen or not funded) is kept on the settlement for the GC to retry.
 */
export async function releaseSettlement(ctx: AppContext, orgId: string, contractId: string, settlementId: string) {
  const loaded = await loadSettlement(ctx, orgId, contractId, settlementId);
  const { settlement } = loaded;
  if (settlement.status === 'released') return;
  if (settlement.status !== 'signed' || !settlement.statement)
    throw settlementErrors.raise('SETTLEMENT_NOT_RELEASABLE');
  const s = settlement.statement;
  try {
    await releaseMilestone(ctx, {
      contractId,
      milestoneId: settlement.milestoneId,
      settlementId,
      clientId: `settlement:${settlementId}`,
      grossFen: s.grossFen,
      retentionFen: s.retentionFen,
      labourFen: s.labourFen,
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const m = error.messages();
    const message = `${error.code}: ${m['zh-CN']} / ${m.en}`;
    await repo.updateSettlement(ctx.db, settlementId, { releaseError: message.slice(0, 500) });
    return;
  }
  await repo.updateSettlement(ctx.db, settlementId, { status: 'released', releasedAt: new Date(), releaseError: null });
}

/** The sealed statement PDF, for any of the three parties. */
export async function signedStatementPdf(ctx: AppContext, orgId: string, contractId: string, settlementId: string) {
  const { access, settlement } = await loadSettlement(ctx, orgId, contractId, settlementId);
  if (!settlement.signedFileId) throw settlementErrors.raise('SETTLEMENT_NO_STATEMENT');
  const file = await getFile(ctx, access.plan.orgId, settlement.signedFileId);
  return { name: file.name, bytes: await readFileContent(ctx, file) };
}

/**
 * 已结算 the sealed statements of a contract (signed, released or not), with the sealed PDF's hash and its
 * evidence-log index: what supply-chain finance shows a lender, with the payee's consent.
 */
export async function sealedStatementsOf(ctx: AppContext, contractId: string) {
  return (await repo.settlementsOf(ctx.db, contractId))
    .filter((s) => (s.status === 'signed' || s.status === 'released') && s.signedSha256)
    .map((s) => ({
      settlementId: s.id,
      milestoneId: s.milestoneId,
      released: s.status === 'released',
      sha256: s.signedSha256 as string,
      evidenceIndex: s.evidenceIndex,
    }));
}
