import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { type BankAdapter, guardBank, SimulatedBank } from './escrow.bank';
import { registerEscrowJobs } from './escrow.overdue';
import { encryptLegacyPayoutAccounts, recoverPendingPayouts, requestPayout } from './escrow.payouts';
import { countPendingPayouts } from './escrow.repository';
import { escrowRoutes } from './escrow.routes';

/**
 * 资金监管: escrow accounts on the ledger, deposits and statement import, releases, payouts, overdue freeze.
 * Money leaves the platform only through `deps.bank` (银企直连 or a supervising bank's API in production; the
 * built-in `SimulatedBank` is a local simulation, named so in the README).
 */
export function createEscrowModule(ctx: AppContext, deps: { bank?: BankAdapter } = {}) {
  const bank = guardBank(
    deps.bank ?? new SimulatedBank(ctx.db, ctx.config.simulatedBankDelayMs),
    ctx.resilience,
    ctx.config.resilience.bank,
    () => countPendingPayouts(ctx.db),
  );
  return defineModule({
    name: 'escrow',
    routes: [escrowRoutes(ctx, bank)],
    jobs: () => {
      registerEscrowJobs(ctx);
      ctx.jobs.schedule('escrow.payout-recovery', '*/5 * * * *', async () => {
        await encryptLegacyPayoutAccounts(ctx);
        await recoverPendingPayouts(ctx, bank);
      });
    },
    api: {
      requestPayout: (input: Parameters<typeof requestPayout>[2]) => requestPayout(ctx, bank, input),
      recoverPendingPayouts: (now?: Date) => recoverPendingPayouts(ctx, bank, now),
    },
  });
}
