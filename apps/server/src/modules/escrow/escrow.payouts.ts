import type { AppContext } from '../../infra/context';
import { newId } from '../../infra/ids';
import { applyInTx, ensureAccounts, ledgerTransaction, orgWallet, SYSTEM_ACCOUNTS } from '../ledger';
import type { BankAdapter } from './escrow.bank';
import { escrowErrors } from './escrow.errors';
import { type Fen, fen } from './escrow.lifecycle';
import { presentPayout } from './escrow.presenter';
import * as repo from './escrow.repository';

/** 付款指令 pays money out of an organisation's wallet to its bank account through the bank adapter. */
export async function requestPayout(
  ctx: AppContext,
  bank: BankAdapter,
  input: {
    orgId: string;
    amountFen: Fen;
    beneficiaryName: string;
    beneficiaryAccount: string;
    clientId: string;
    /** 农民工工资 pay wages from this contract's wage account (the organisation must own it) instead of the wallet */
    wageAccountOfContractId?: string | undefined;
  },
) {
  const amount = fen(input.amountFen, 'amountFen');
  if (amount <= 0n) throw escrowErrors.raise('ESCROW_PAYOUT_INVALID', { detail: 'amountFen > 0' });
  const clientId = `payout:${input.orgId}:${input.clientId}`;
  const prior = await repo.payoutByClientId(ctx.db, clientId);
  if (prior) return presentPayout(prior);
  const payout = await ledgerTransaction(ctx.db, async (tx) => {
    const accounts = await ensureAccounts(tx, [orgWallet(input.orgId), SYSTEM_ACCOUNTS.bankClearing]);
    let wallet = accounts.get(orgWallet(input.orgId).code) as { id: string };
    if (input.wageAccountOfContractId) {
      const escrow = await repo.findEscrow(tx, input.wageAccountOfContractId);
      if (!escrow || escrow.payeeOrgId !== input.orgId) throw escrowErrors.raise('ESCROW_NOT_FOUND');
      wallet = { id: escrow.labourAccountId };
    }
    const bank = accounts.get(SYSTEM_ACCOUNTS.bankClearing.code) as { id: string };
    const [hold] = await applyInTx(tx, [
      {
        op: 'hold',
        clientId: `${clientId}:hold`,
        debitAccountId: wallet.id,
        creditAccountId: bank.id,
        amount,
        timeoutAt: new Date(Date.now() + 24 * 3_600_000),
        code: input.wageAccountOfContractId ? 'labour.payout' : 'wallet.payout',
        contractId: input.wageAccountOfContractId ?? null,
        memo: { beneficiary: input.beneficiaryName },
      },
    ]);
    const row: repo.PayoutRow = {
      id: newId(),
      clientId,
      orgId: input.orgId,
      accountId: wallet.id,
      amountFen: amount,
      beneficiaryName: input.beneficiaryName,
      beneficiaryAccount: input.beneficiaryAccount,
      holdTransferId: hold?.id as string,
      status: 'pending',
      bankReference: null,
      createdAt: new Date(),
    };
    await repo.insertPayout(tx, row);
    return row;
  });
  const answer = await bank.pay({
    instructionId: payout.id,
    amountFen: amount,
    beneficiaryName: input.beneficiaryName,
    beneficiaryAccount: input.beneficiaryAccount,
  });
  await ledgerTransaction(ctx.db, async (tx) => {
    if (answer.status === 'accepted') {
      await applyInTx(tx, [{ op: 'post', clientId: `${clientId}:post`, pendingId: payout.holdTransferId }]);
      await repo.finishPayout(tx, payout.id, 'paid', answer.bankReference);
    } else {
      await applyInTx(tx, [{ op: 'void', clientId: `${clientId}:void`, pendingId: payout.holdTransferId }]);
      await repo.finishPayout(tx, payout.id, 'failed', null);
    }
  });
  if (answer.status === 'refused') throw escrowErrors.raise('ESCROW_PAYOUT_REFUSED', { detail: answer.reason });
  return presentPayout({ ...payout, status: 'paid', bankReference: answer.bankReference });
}
