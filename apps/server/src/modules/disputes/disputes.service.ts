import type { FileDisputeBody } from '@zhuhe/contracts';
import { shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import { DomainError } from '../../infra/errors';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { getContract } from '../contracts';
import { holdForDispute } from '../escrow';
import { appendEvidence } from '../evidence';
import { getFile, type StoredFileRow, storeFile } from '../files';
import { getUsers } from '../identity';
import { ledgerTransaction } from '../ledger';
import { notify } from '../notifications';
import { staffRolesByUser } from '../staff';
import { disputeErrors } from './disputes.errors';
import * as repo from './disputes.repository';
import { clocksFor, SPECIALIST_ROLE } from './disputes.rules';

export type Side = 'claimant' | 'respondent';
const EVIDENCE_KINDS = ['pdf', 'image'] as const;

/** The side an organisation is on, or a 404 when it is not a party (the case does not exist for it). */
export async function loadForParty(ctx: Pick<AppContext, 'db'>, orgId: string, disputeId: string, db?: DbOrTx) {
  const row = await repo.findDispute(db ?? ctx.db, disputeId);
  if (!row || (row.claimantOrgId !== orgId && row.respondentOrgId !== orgId))
    throw disputeErrors.raise('DISPUTE_NOT_FOUND');
  return { row, side: (row.claimantOrgId === orgId ? 'claimant' : 'respondent') as Side };
}

/** Staff see a case when they are on its team or sit on its committee; platform admins see every case. */
export function staffMaySee(row: repo.DisputeRow, actor: Pick<Actor, 'userId' | 'staffRoles'>): boolean {
  return (
    actor.staffRoles.includes('admin') ||
    row.ownerUserId === actor.userId ||
    row.specialistUserId === actor.userId ||
    row.arbitratorUserIds.includes(actor.userId)
  );
}

export async function loadForStaff(ctx: Pick<AppContext, 'db'>, actor: Actor, disputeId: string) {
  const row = await repo.findDispute(ctx.db, disputeId);
  if (!row || !staffMaySee(row, actor)) throw disputeErrors.raise('DISPUTE_NOT_FOUND');
  return row;
}

/** What filing needs from other modules, read before the transaction (PGlite has one connection). */
async function prepareFiling(ctx: AppContext, orgId: string, body: FileDisputeBody) {
  let contract: Awaited<ReturnType<typeof getContract>>;
  try {
    contract = await getContract(ctx, orgId, body.subject.id);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONTRACT_NOT_FOUND')
      throw disputeErrors.raise('DISPUTE_SUBJECT_NOT_PARTY');
    throw error;
  }
  const signed = contract.contract.signedVersion;
  const version = contract.versions.find((v) => v.versionNo === signed);
  if (!signed || !version) throw disputeErrors.raise('DISPUTE_SUBJECT_NOT_PARTY');
  const other = contract.parties.find((p) => p.orgId !== orgId);
  if (!other) throw disputeErrors.raise('DISPUTE_SUBJECT_NOT_PARTY');
  const contractAmountFen = BigInt(Math.max(0, Math.trunc(Number(version.variables.amountFen ?? 0))));
  const amount = body.amountInDisputeFen === null ? null : BigInt(body.amountInDisputeFen);
  if (body.type === 'payment' && amount === null) throw disputeErrors.raise('DISPUTE_AMOUNT_REQUIRED');
  if (amount !== null && amount > contractAmountFen)
    throw disputeErrors.raise('DISPUTE_AMOUNT_ABOVE_CONTRACT', {
      amount: yuanText(amount),
      contract: yuanText(contractAmountFen),
    });
  if (body.holdInEscrow && amount === null) throw disputeErrors.raise('DISPUTE_HOLD_NEEDS_AMOUNT');
  const files: StoredFileRow[] = [];
  for (const id of new Set(body.evidenceFileIds)) {
    const file = await getFile(ctx, orgId, id).catch(() => null);
    if (!file) throw disputeErrors.raise('DISPUTE_EVIDENCE_UNKNOWN');
    if (!(EVIDENCE_KINDS as readonly string[]).includes(file.kind))
      throw disputeErrors.raise('DISPUTE_EVIDENCE_TYPE', { actual: file.mime });
    files.push(file);
  }
  const open = (await repo.disputesOfOrg(ctx.db, orgId)).some(
    (d) =>
      d.contractId === body.subject.id && d.claimantOrgId === orgId && !['resolved', 'withdrawn'].includes(d.status),
  );
  if (open) throw disputeErrors.raise('DISPUTE_ALREADY_OPEN');
  return {
    contractTitle: contract.contract.title,
    contractAmountFen,
    respondentOrgId: other.orgId,
    amount,
    files,
    team: await chooseTeam(ctx, body.type),
  };
}

function yuanText(fen: bigint): string {
  return `${(fen / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(fen % 100n).toString().padStart(2, '0')}`;
}

/**
 * 组建案件小组: the customer-service owner and a specialist of the dispute's type, each the staff member of that
 * role with the fewest open cases (ties by id, so the choice is repeatable). Null when nobody holds the role.
 */
export async function chooseTeam(ctx: AppContext, type: keyof typeof SPECIALIST_ROLE) {
  const roles = await staffRolesByUser(ctx);
  const load = new Map((await repo.openLoad(ctx.db)).map((l) => [l.userId, l.n]));
  const pick = (role: string, except: string | null) =>
    [...roles]
      .filter(([userId, r]) => r.includes(role as never) && userId !== except)
      .map(([userId]) => userId)
      .sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || a.localeCompare(b))[0] ?? null;
  const owner = pick('service', null);
  const specialist = pick(SPECIALIST_ROLE[type], owner);
  return owner && specialist ? { owner, specialist } : null;
}

async function nextCaseNo(db: DbOrTx, at: Date): Promise<string> {
  const n = (await repo.countDisputes(db)) + 1;
  return `JF${shanghaiDate(at).replaceAll('-', '')}${String(n).padStart(4, '0')}`;
}

/**
 * 提起纠纷 a party files a complaint against the other party of a signed contract. In one transaction: the case
 * with its clocks (team 2 hours, mediation 5 working days), the case team when staff of both roles exist, the
 * evidence hashes in the evidence log, the escrow hold on request, and `dispute.filed`.
 */
export async function fileDispute(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  body: FileDisputeBody,
  now = new Date(),
) {
  const p = await prepareFiling(ctx, orgId, body);
  const id = newId();
  const { teamDueAt, mediationDueAt } = clocksFor(now);
  await ledgerTransaction(ctx.db, async (tx) => {
    await repo.insertDispute(tx, {
      id,
      caseNo: await nextCaseNo(tx, now),
      subjectKind: body.subject.kind,
      subjectId: body.subject.id,
      contractId: body.subject.id,
      contractTitle: p.contractTitle,
      contractAmountFen: p.contractAmountFen,
      claimantOrgId: orgId,
      respondentOrgId: p.respondentOrgId,
      filedByUserId: actor.userId,
      type: body.type,
      amountInDisputeFen: p.amount,
      claim: body.claim,
      status: p.team ? 'mediation' : 'filed',
      level: 1,
      filedAt: now,
      teamDueAt,
      teamFormedAt: p.team ? now : null,
      ownerUserId: p.team?.owner ?? null,
      specialistUserId: p.team?.specialist ?? null,
      mediationDueAt,
      heldFen: 0n,
    });
    for (const file of p.files) await attachEvidence(ctx, tx, id, orgId, 'claimant', file, now);
    if (body.holdInEscrow && p.amount !== null) {
      const hold = await holdForDispute(tx, {
        contractId: body.subject.id,
        disputeId: id,
        claimantOrgId: orgId,
        amountFen: p.amount,
      });
      await repo.updateDispute(tx, id, { holdTransferId: hold.holdTransferId, heldFen: hold.amountFen });
    }
    await notify(
      ctx,
      {
        orgId: p.respondentOrgId,
        kind: 'disputes.filed',
        title: '您有一件新的纠纷案件',
        body: `对方就合同「${p.contractTitle}」提起了纠纷，请在案件页查看并提交证据。`,
        link: `/disputes/${id}`,
        email: true,
      },
      tx,
    );
    await ctx.events.publish(
      tx,
      'dispute.filed',
      {
        disputeId: id,
        contractId: body.subject.id,
        claimantOrgId: orgId,
        respondentOrgId: p.respondentOrgId,
        type: body.type,
        amountInDisputeFen: p.amount === null ? null : Number(p.amount),
        filedAt: now.toISOString(),
      },
      now,
    );
  });
  return id;
}

async function attachEvidence(
  ctx: AppContext,
  tx: DbOrTx,
  disputeId: string,
  orgId: string,
  side: Side,
  file: StoredFileRow,
  now: Date,
) {
  const entry = await appendEvidence(
    ctx,
    { kind: 'dispute.evidence', subject: `dispute:${disputeId}:${side}`, sha256: file.sha256, orgId },
    tx,
  );
  await repo.insertEvidence(tx, {
    id: newId(),
    disputeId,
    orgId,
    side,
    fileId: file.id,
    name: file.name,
    mime: file.mime,
    size: file.size,
    sha256: file.sha256,
    evidenceIndex: entry.entryIndex,
    createdAt: now,
  });
}

/** 补充证据 either side uploads a file (PDF or image, size-limited); its hash goes into the evidence log. */
export async function uploadEvidence(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  disputeId: string,
  read: () => Promise<{ name: string; bytes: Buffer }>,
) {
  const { row, side } = await loadForParty(ctx, orgId, disputeId);
  if (row.status === 'resolved' || row.status === 'withdrawn') throw disputeErrors.raise('DISPUTE_CLOSED');
  const input = await read();
  const file = await storeFile(ctx, {
    orgId,
    userId: actor.userId,
    name: input.name,
    bytes: input.bytes,
    accept: EVIDENCE_KINDS,
  });
  await ctx.db.transaction((tx) => attachEvidence(ctx, tx, disputeId, orgId, side, file, new Date()));
}

/** 案件留言 a message in the case thread, from a party or from the case team / committee. */
export async function postMessage(
  ctx: AppContext,
  actor: Actor,
  where: { orgId: string } | { staff: true },
  disputeId: string,
  body: string,
) {
  let row: repo.DisputeRow;
  let side: Side | 'platform';
  if ('orgId' in where) {
    const found = await loadForParty(ctx, where.orgId, disputeId);
    row = found.row;
    side = found.side;
  } else {
    row = await loadForStaff(ctx, actor, disputeId);
    side = 'platform';
  }
  if (row.status === 'resolved' || row.status === 'withdrawn') throw disputeErrors.raise('DISPUTE_CLOSED');
  const [user] = await getUsers(ctx, [actor.userId]);
  await repo.insertMessage(ctx.db, {
    id: newId(),
    disputeId,
    side,
    authorUserId: actor.userId,
    authorName: side === 'platform' ? `平台 · ${user?.displayName ?? ''}` : (user?.displayName ?? ''),
    body,
    createdAt: new Date(),
  });
}

/** 组建案件小组 (job, every 10 minutes): cases filed while no staff of a role existed get their team now. */
export async function formPendingTeams(ctx: AppContext, now = new Date()): Promise<number> {
  let formed = 0;
  for (const row of await repo.withoutTeam(ctx.db)) {
    const team = await chooseTeam(ctx, row.type as keyof typeof SPECIALIST_ROLE);
    if (!team) continue;
    await repo.updateDispute(ctx.db, row.id, {
      ownerUserId: team.owner,
      specialistUserId: team.specialist,
      teamFormedAt: now,
      status: 'mediation',
    });
    formed += 1;
  }
  return formed;
}
