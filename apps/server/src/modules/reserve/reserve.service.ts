import type { OpenReserveClaimBody, ReserveClaim, ReserveClaimStatus } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { getUsers } from '../identity';
import { applyInTx, ensureAccounts, findAccountByCode, ledgerTransaction, orgWallet, SYSTEM_ACCOUNTS } from '../ledger';
import { getOrganisations } from '../organisation';
import {
  approveRequest,
  defineSensitiveAction,
  dualControlOutcomes,
  rejectRequest,
  requestSensitiveAction,
} from '../staff';
import { reserveErrors } from './reserve.errors';
import * as repo from './reserve.repository';

type PayoutPayload = {
  claimId: string;
  claimNo: string;
  orgId: string;
  orgName: string;
  amountFen: number;
  cause: string;
};

const yuan = (fen: bigint) => (Number(fen) / 100).toFixed(2);

/** What the reserve can pay now: posted minus what holds reserve (none today, but the ledger allows them). */
async function availableFen(db: DbOrTx): Promise<bigint> {
  const account = await findAccountByCode(db, SYSTEM_ACCOUNTS.riskReserve.code);
  return account ? account.posted - account.pendingDebits : 0n;
}

async function assertCovered(db: DbOrTx, amount: bigint) {
  const available = await availableFen(db);
  if (available < amount)
    throw reserveErrors.raise('RESERVE_INSUFFICIENT', { available: yuan(available), amount: yuan(amount) });
}

/**
 * 先行赔付 the payout of a claim: reserve → the organisation's wallet, in the transaction that executes the
 * dual-control request, together with the claim's new state. Runs only when a second finance staff member approves.
 */
export const payReserveClaim = defineSensitiveAction<PayoutPayload>({
  name: 'reserve.claim.payout',
  roles: ['finance'],
  summary: (p) => ({
    'zh-CN': `风险准备金先行赔付 ${p.claimNo}：向「${p.orgName}」支付 ${yuan(BigInt(p.amountFen))} 元（${p.cause}）`,
    en: `Risk reserve compensation ${p.claimNo}: pay ¥${yuan(BigInt(p.amountFen))} to “${p.orgName}” (${p.cause})`,
  }),
  async validate(ctx, p) {
    const claim = await repo.findClaim(ctx.db, p.claimId);
    if (claim && claim.status !== 'pending') throw reserveErrors.raise('RESERVE_CLAIM_DECIDED');
    await assertCovered(ctx.db, BigInt(p.amountFen));
  },
  async execute(tx, p, meta) {
    const claim = await repo.findClaim(tx, p.claimId, true);
    if (!claim) throw reserveErrors.raise('RESERVE_CLAIM_NOT_FOUND');
    if (claim.status !== 'pending') throw reserveErrors.raise('RESERVE_CLAIM_DECIDED');
    const accounts = await ensureAccounts(tx, [SYSTEM_ACCOUNTS.riskReserve, orgWallet(claim.orgId)]);
    const idOf = (code: string) => (accounts.get(code) as { id: string }).id;
    await assertCovered(tx, claim.amountFen);
    const [transfer] = await applyInTx(tx, [
      {
        op: 'transfer',
        clientId: `reserve:${claim.id}:payout`,
        debitAccountId: idOf(SYSTEM_ACCOUNTS.riskReserve.code),
        creditAccountId: idOf(orgWallet(claim.orgId).code),
        amount: claim.amountFen,
        code: 'reserve.compensation',
        contractId: claim.contractId,
        memo: { claimId: claim.id, claimNo: claim.claimNo, requestId: meta.requestId },
      },
    ]);
    const decided = await repo.decidePending(tx, claim.id, {
      status: 'paid',
      decidedBy: meta.approvedBy,
      decidedAt: new Date(),
      payoutTransferId: transfer?.id ?? null,
    });
    if (!decided) throw reserveErrors.raise('RESERVE_CLAIM_DECIDED');
  },
});

async function nextClaimNo(db: DbOrTx, at: Date): Promise<string> {
  const prefix = `PF${at.getUTCFullYear()}-`;
  return `${prefix}${String((await repo.countClaimsOfYear(db, prefix)) + 1).padStart(4, '0')}`;
}

/** Staff open a claim: it is stored with its dual-control request; nothing is paid until a second person approves. */
export async function openClaim(ctx: AppContext, actor: Actor, input: OpenReserveClaimBody): Promise<string> {
  const [org] = await getOrganisations(ctx, [input.orgId]);
  if (!org) throw reserveErrors.raise('RESERVE_ORG_NOT_FOUND');
  const now = new Date();
  const claimId = newId();
  const claimNo = await nextClaimNo(ctx.db, now);
  const payload: PayoutPayload = {
    claimId,
    claimNo,
    orgId: org.id,
    orgName: org.name,
    amountFen: input.amountFen,
    cause: input.cause,
  };
  const request = await requestSensitiveAction(ctx, actor, payReserveClaim.name, payload);
  await repo.insertClaim(ctx.db, {
    id: claimId,
    claimNo,
    orgId: org.id,
    contractId: input.contractId ?? null,
    cause: input.cause,
    lossFen: BigInt(input.lossFen),
    amountFen: BigInt(input.amountFen),
    recoveredFen: 0n,
    status: 'pending',
    openedBy: actor.userId,
    openedAt: now,
    requestId: request.id,
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
    payoutTransferId: null,
  });
  return claimId;
}

async function requireClaim(ctx: AppContext, claimId: string) {
  const claim = await repo.findClaim(ctx.db, claimId);
  if (!claim) throw reserveErrors.raise('RESERVE_CLAIM_NOT_FOUND');
  return claim;
}

/** The checker approves: the staff module refuses the person who opened it and anyone without the finance role. */
export async function approveClaim(ctx: AppContext, actor: Actor, claimId: string, reason: string | null) {
  const claim = await requireClaim(ctx, claimId);
  if (claim.status !== 'pending') throw reserveErrors.raise('RESERVE_CLAIM_DECIDED');
  await approveRequest(ctx, actor, claim.requestId, reason);
  if (reason) await repo.updateClaim(ctx.db, claimId, { decisionReason: reason });
}

export async function rejectClaim(ctx: AppContext, actor: Actor, claimId: string, reason: string) {
  const claim = await requireClaim(ctx, claimId);
  if (claim.status !== 'pending') throw reserveErrors.raise('RESERVE_CLAIM_DECIDED');
  await rejectRequest(ctx, actor, claim.requestId, reason);
  await repo.decidePending(ctx.db, claimId, {
    status: 'rejected',
    decidedBy: actor.userId,
    decidedAt: new Date(),
    decisionReason: reason,
  });
}

/**
 * 追偿 money recovered from the liable party arrives at the bank: bank clearing → reserve, with the recovery row
 * and the claim's state, in one ledger transaction.
 */
export async function recordRecovery(
  ctx: AppContext,
  actor: Actor,
  claimId: string,
  input: { amountFen: number; source: string; note?: string | undefined },
) {
  const amount = BigInt(input.amountFen);
  await ledgerTransaction(ctx.db, async (tx) => {
    const claim = await repo.findClaim(tx, claimId, true);
    if (!claim) throw reserveErrors.raise('RESERVE_CLAIM_NOT_FOUND');
    if (claim.status !== 'paid' && claim.status !== 'partially_recovered')
      throw reserveErrors.raise('RESERVE_NOT_PAID');
    const outstanding = claim.amountFen - claim.recoveredFen;
    if (amount > outstanding) throw reserveErrors.raise('RESERVE_RECOVERY_EXCEEDS', { outstanding: yuan(outstanding) });
    const accounts = await ensureAccounts(tx, [SYSTEM_ACCOUNTS.bankClearing, SYSTEM_ACCOUNTS.riskReserve]);
    const idOf = (code: string) => (accounts.get(code) as { id: string }).id;
    const recoveryId = newId();
    const [transfer] = await applyInTx(tx, [
      {
        op: 'transfer',
        clientId: `reserve:${claim.id}:recovery:${recoveryId}`,
        debitAccountId: idOf(SYSTEM_ACCOUNTS.bankClearing.code),
        creditAccountId: idOf(SYSTEM_ACCOUNTS.riskReserve.code),
        amount,
        code: 'reserve.recovery',
        contractId: claim.contractId,
        memo: { claimId: claim.id, claimNo: claim.claimNo, source: input.source },
      },
    ]);
    await repo.insertRecovery(tx, {
      id: recoveryId,
      claimId: claim.id,
      amountFen: amount,
      source: input.source,
      note: input.note ?? null,
      recordedBy: actor.userId,
      recordedAt: new Date(),
      transferId: transfer?.id as string,
    });
    const recovered = claim.recoveredFen + amount;
    await repo.updateClaim(tx, claim.id, {
      recoveredFen: recovered,
      status: recovered === claim.amountFen ? 'recovered' : 'partially_recovered',
    });
  });
}

async function present(ctx: AppContext, claims: repo.ClaimRow[]): Promise<ReserveClaim[]> {
  const recoveries = await repo.recoveriesOf(
    ctx.db,
    claims.map((c) => c.id),
  );
  // a request rejected on the generic dual-control page rejects its claim too
  const outcomes = await dualControlOutcomes(
    ctx,
    claims.filter((c) => c.status === 'pending').map((c) => c.requestId),
  );
  const userIds = [
    ...claims.flatMap((c) => [c.openedBy, c.decidedBy]),
    ...recoveries.map((r) => r.recordedBy),
    ...[...outcomes.values()].map((o) => o.decidedBy),
  ].filter((v): v is string => Boolean(v));
  const people = new Map((await getUsers(ctx, userIds)).map((u) => [u.id, u.displayName]));
  const orgs = new Map(
    (
      await getOrganisations(
        ctx,
        claims.map((c) => c.orgId),
      )
    ).map((o) => [o.id, o.name]),
  );
  const name = (id: string | null) => (id ? (people.get(id) ?? '—') : null);
  return claims.map((c) => {
    const outcome = c.status === 'pending' ? outcomes.get(c.requestId) : undefined;
    const rejectedElsewhere = outcome?.status === 'rejected';
    return {
      id: c.id,
      claimNo: c.claimNo,
      orgId: c.orgId,
      orgName: orgs.get(c.orgId) ?? '—',
      contractId: c.contractId,
      cause: c.cause,
      lossFen: Number(c.lossFen),
      amountFen: Number(c.amountFen),
      recoveredFen: Number(c.recoveredFen),
      status: (rejectedElsewhere ? 'rejected' : c.status) as ReserveClaimStatus,
      openedBy: name(c.openedBy) ?? '—',
      openedAt: c.openedAt.toISOString(),
      decidedBy: rejectedElsewhere ? name(outcome.decidedBy) : name(c.decidedBy),
      decidedAt: (rejectedElsewhere ? outcome.decidedAt : c.decidedAt)?.toISOString() ?? null,
      decisionReason: rejectedElsewhere ? outcome.reason : c.decisionReason,
      requestId: c.requestId,
      payoutTransferId: c.payoutTransferId,
      recoveries: recoveries
        .filter((r) => r.claimId === c.id)
        .map((r) => ({
          id: r.id,
          amountFen: Number(r.amountFen),
          source: r.source,
          note: r.note,
          recordedBy: name(r.recordedBy) ?? '—',
          recordedAt: r.recordedAt.toISOString(),
        })),
    };
  });
}

export async function claimView(ctx: AppContext, claimId: string): Promise<ReserveClaim> {
  const [claim] = await present(ctx, [await requireClaim(ctx, claimId)]);
  return claim as ReserveClaim;
}

/**
 * 风险准备金 overview: the balance is the ledger's; provisioned is what the 1% release provisions brought in
 * (balance + paid out − recovered, as only those three move the reserve).
 */
export async function overview(ctx: AppContext) {
  const account = await findAccountByCode(ctx.db, SYSTEM_ACCOUNTS.riskReserve.code);
  const balance = account?.posted ?? 0n;
  const t = await repo.totals(ctx.db);
  return {
    balanceFen: Number(balance),
    provisionedFen: Number(balance + t.paid - t.recovered),
    paidOutFen: Number(t.paid),
    recoveredFen: Number(t.recovered),
    pendingFen: Number(t.pending),
    claims: await present(ctx, await repo.listClaims(ctx.db)),
  };
}
