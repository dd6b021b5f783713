import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { registerLedgerJobs } from './ledger.service';

/** 复式记账: no routes of its own (escrow is its user-facing face); lapsed holds expire every five minutes. */
export function createLedgerModule(ctx: AppContext) {
  return defineModule({ name: 'ledger', jobs: () => registerLedgerJobs(ctx.jobs, ctx.db), api: {} });
}
