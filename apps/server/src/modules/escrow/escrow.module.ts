import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { escrowRoutes } from './escrow.routes';
import { registerEscrowJobs } from './escrow.service';

/** 资金监管: escrow accounts on the ledger, deposits and statement import, releases, payouts, overdue freeze. */
export function createEscrowModule(ctx: AppContext) {
  return defineModule({
    name: 'escrow',
    routes: [escrowRoutes(ctx)],
    jobs: () => registerEscrowJobs(ctx),
    api: {},
  });
}
