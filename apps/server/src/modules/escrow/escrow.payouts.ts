import { maskBankAccount } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import { decryptField, encryptField, lookupHash } from '../../infra/crypto';
import { newId } from '../../infra/ids';
import { DependencyUnavailable } from '../../infra/resilience/breaker';
import { applyInTx, ensureAccounts, ledgerTransaction, orgWallet, SYSTEM_ACCOUNTS } from '../ledger';
import type { BankAdapter, BankAnswer } from './escrow.bank';
import { escrowErrors } from './escrow.errors';
import { type Fen, fen } from './escrow.lifecycle';
import { presentPayout } from './escrow.presenter';
import * as repo from './escrow.repository';

/** A pending payout younger than this is left alone by the recovery: its request may still be talking to the bank. */
export const PAYOUT_RECOVERY_GRACE_MS = 2 * 60_000;

function accountHash(ctx: AppContext, account: string): string {
  return lookupHash(ctx.config.lookupKey, `bank-account:${account}`);
}

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
  const hash = accountHash(ctx, input.beneficiaryAccount);
  const prior = await repo.payoutByClientId(ctx.db, clientId);
  if (prior) {
    // a retry of the same instruction gets its first result; a different instruction under the same id is refused
    const same =
      prior.amountFen === amount &&
      prior.beneficiaryName === input.beneficiaryName &&
      (prior.beneficiaryAccountHash ?? accountHash(ctx, prior.beneficiaryAccountMasked)) === hash;
    if (!same) throw escrowErrors.raise('ESCROW_PAYOUT_CLIENT_ID_REUSED');
    return presentPayout(prior);
  }
  // the bank's breaker is open: refuse before holding anything, rather than hold money the recovery must release
  if (bank.refusing?.()) throw escrowErrors.raise('ESCROW_BANK_UNAVAILABLE');
  const payout = await ledgerTransaction(ctx.db, async (tx) => {
    const accounts = await ensureAccounts(tx, [orgWallet(input.orgId), SYSTEM_ACCOUNTS.bankClearing]);
    let wallet = accounts.get(orgWallet(input.orgId).code) as { id: string };
    if (input.wageAccountOfContractId) {
      const escrow = await repo.findEscrow(tx, input.wageAccountOfContractId);
      if (!escrow || escrow.payeeOrgId !== input.orgId) throw escrowErrors.raise('ESCROW_NOT_FOUND');
      wallet = { id: escrow.labourAccountId };
    }
    const bankClearing = accounts.get(SYSTEM_ACCOUNTS.bankClearing.code) as { id: string };
    const [hold] = await applyInTx(tx, [
      {
        op: 'hold',
        clientId: `${clientId}:hold`,
        debitAccountId: wallet.id,
        creditAccountId: bankClearing.id,
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
      beneficiaryAccountMasked: maskBankAccount(input.beneficiaryAccount),
      beneficiaryAccountEnc: encryptField(ctx.config.fieldKeys, input.beneficiaryAccount),
      beneficiaryAccountHash: hash,
      holdTransferId: hold?.id as string,
      status: 'pending',
      bankReference: null,
      createdAt: new Date(),
    };
    await repo.insertPayout(tx, row);
    return row;
  });
  let answer: BankAnswer;
  try {
    answer = await bank.pay({
      instructionId: payout.id,
      amountFen: amount,
      beneficiaryName: input.beneficiaryName,
      beneficiaryAccount: input.beneficiaryAccount,
    });
  } catch (error) {
    if (!(error instanceof DependencyUnavailable)) throw error;
    // No answer in time: the instruction may or may not have reached the bank. The hold stays and the payout stays
    // `pending`, exactly as after a crash at this point; the recovery asks the bank what became of it.
    ctx.log.warn({ payoutId: payout.id, reason: error.reason }, 'payout left pending: bank did not answer');
    return presentPayout(payout);
  }
  await settlePayout(ctx, payout, answer);
  if (answer.status === 'refused') throw escrowErrors.raise('ESCROW_PAYOUT_REFUSED', { detail: answer.reason });
  return presentPayout({ ...payout, status: 'paid', bankReference: answer.bankReference });
}

/** Posts the held amount when the bank accepted, voids it when it refused; one transaction, once per payout. */
async function settlePayout(ctx: AppContext, payout: repo.PayoutRow, answer: BankAnswer): Promise<void> {
  await ledgerTransaction(ctx.db, async (tx) => {
    if (answer.status === 'accepted') {
      await applyInTx(tx, [{ op: 'post', clientId: `${payout.clientId}:post`, pendingId: payout.holdTransferId }]);
      await repo.finishPayout(tx, payout.id, 'paid', answer.bankReference);
    } else {
      await applyInTx(tx, [{ op: 'void', clientId: `${payout.clientId}:void`, pendingId: payout.holdTransferId }]);
      await repo.finishPayout(tx, payout.id, 'failed', null);
    }
  });
}

/**
 * 付款恢复 payouts left `pending` by a crash between the hold and the posting: asks the bank what became of each
 * instruction and posts (accepted) or voids (refused, or never received: no money left, so the hold is released
 * and the organisation may send it again). Runs every 5 minutes, well before the hold's 24-hour timeout.
 */
export async function recoverPendingPayouts(
  ctx: AppContext,
  bank: BankAdapter,
  now = new Date(),
): Promise<{ paid: number; failed: number }> {
  const result = { paid: 0, failed: 0 };
  const stale = await repo.stalePendingPayouts(ctx.db, new Date(now.getTime() - PAYOUT_RECOVERY_GRACE_MS), 500);
  for (const payout of stale) {
    let outcome: Awaited<ReturnType<BankAdapter['outcome']>>;
    try {
      outcome = await bank.outcome(payout.id);
    } catch (error) {
      // the bank does not answer: leave this and the rest pending for the next run, never void on a guess
      if (error instanceof DependencyUnavailable) {
        ctx.log.warn({ payoutId: payout.id, reason: error.reason }, 'payout recovery paused: bank unavailable');
        break;
      }
      throw error;
    }
    const answer: BankAnswer =
      outcome.status === 'unknown' ? { status: 'refused', reason: 'not received by the bank' } : outcome;
    await settlePayout(ctx, payout, answer);
    if (answer.status === 'accepted') result.paid += 1;
    else result.failed += 1;
    ctx.log.warn({ payoutId: payout.id, outcome: outcome.status }, 'pending payout recovered');
  }
  return result;
}

/** The whole beneficiary account of a payout, for finance staff (the route audits each call, PLAT-2). */
export async function revealPayoutAccount(ctx: AppContext, payoutId: string): Promise<string> {
  const row = await repo.payoutById(ctx.db, payoutId);
  if (!row) throw escrowErrors.raise('ESCROW_PAYOUT_NOT_FOUND');
  return row.beneficiaryAccountEnc
    ? decryptField(ctx.config.fieldKeys, row.beneficiaryAccountEnc)
    : row.beneficiaryAccountMasked;
}

/** Encrypts beneficiary accounts of payouts written before encryption at rest; returns how many. */
export async function encryptLegacyPayoutAccounts(ctx: AppContext): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await repo.plaintextPayouts(ctx.db, 500);
    if (rows.length === 0) return done;
    for (const row of rows) {
      const plain = row.beneficiaryAccountMasked;
      await repo.encryptPayoutAccount(ctx.db, row.id, {
        beneficiaryAccountMasked: maskBankAccount(plain),
        beneficiaryAccountEnc: encryptField(ctx.config.fieldKeys, plain),
        beneficiaryAccountHash: accountHash(ctx, plain),
      });
      done += 1;
    }
  }
}
