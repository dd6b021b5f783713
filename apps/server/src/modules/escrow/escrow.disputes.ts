import type { DbOrTx } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { accountsById, applyInTx, ensureAccounts, orgWallet } from '../ledger';
import { fenToYuan } from './escrow.bank';
import { escrowErrors } from './escrow.errors';
import * as repo from './escrow.repository';

/**
 * 纠纷冻结 money held for a dispute: a two-phase ledger hold from the contract's escrow account to the claimant's
 * wallet. Nothing moves until the decision: `settleDisputeHold` posts what was awarded (the claimant receives it)
 * and the rest of the hold lapses back into escrow. Milestone releases see the held amount as unavailable.
 */

/** Disputes can run for months (level 3 goes to an outside institution): the hold outlives any realistic case. */
const DISPUTE_HOLD_DAYS = 3650;

export async function holdForDispute(
  tx: DbOrTx,
  input: { contractId: string; disputeId: string; claimantOrgId: string; amountFen: bigint },
): Promise<{ holdTransferId: string; amountFen: bigint }> {
  const escrow = await repo.findEscrow(tx, input.contractId, true);
  if (!escrow) throw escrowErrors.raise('ESCROW_NOT_FOUND');
  if (escrow.payerOrgId !== input.claimantOrgId && escrow.payeeOrgId !== input.claimantOrgId)
    throw escrowErrors.raise('ESCROW_NOT_FOUND');
  const [account] = await accountsById(tx, [escrow.escrowAccountId]);
  const available = account ? account.posted - account.pendingDebits : 0n;
  if (available < input.amountFen)
    throw escrowErrors.raise('ESCROW_UNDERFUNDED', {
      needed: fenToYuan(input.amountFen),
      available: fenToYuan(available),
    });
  const wallet = [...(await ensureAccounts(tx, [orgWallet(input.claimantOrgId)])).values()][0] as { id: string };
  const [hold] = await applyInTx(tx, [
    {
      op: 'hold',
      clientId: `dispute:${input.disputeId}:hold`,
      debitAccountId: escrow.escrowAccountId,
      creditAccountId: wallet.id,
      amount: input.amountFen,
      timeoutAt: new Date(Date.now() + DISPUTE_HOLD_DAYS * 86_400_000),
      code: 'escrow.dispute',
      contractId: input.contractId,
      memo: { disputeId: input.disputeId },
    },
  ]);
  await repo.insertEvent(tx, {
    id: newId(),
    contractId: input.contractId,
    kind: 'dispute_held',
    amountFen: input.amountFen,
    detail: { disputeId: input.disputeId },
    at: new Date(),
  });
  return { holdTransferId: (hold as { id: string }).id, amountFen: input.amountFen };
}

/**
 * Executes a decision on the held money: `awardedFen` goes to the claimant (the hold is posted for that amount),
 * the remainder stays in escrow (a post releases the rest of the hold; an award of 0 voids it). Repeats with the
 * same dispute answer the first result (client ids).
 */
export async function settleDisputeHold(
  tx: DbOrTx,
  input: { contractId: string; disputeId: string; holdTransferId: string; awardedFen: bigint },
): Promise<{ paidFen: bigint }> {
  const clientId = `dispute:${input.disputeId}:decision`;
  const memo = { disputeId: input.disputeId };
  const [row] = await applyInTx(tx, [
    input.awardedFen > 0n
      ? { op: 'post', clientId, pendingId: input.holdTransferId, amount: input.awardedFen, memo }
      : { op: 'void', clientId, pendingId: input.holdTransferId, memo },
  ]);
  const paid = row?.kind === 'post_pending' ? row.amount : 0n;
  if (!row?.repeated)
    await repo.insertEvent(tx, {
      id: newId(),
      contractId: input.contractId,
      kind: 'dispute_settled',
      amountFen: paid,
      detail: { disputeId: input.disputeId },
      at: new Date(),
    });
  return { paidFen: paid };
}
