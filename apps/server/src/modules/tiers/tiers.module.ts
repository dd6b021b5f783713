import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { tierRoutes } from './tiers.routes';
import type { TierDataSource } from './tiers.rules';
import {
  evaluateQuarter,
  promoteOnTransaction,
  recordCompletedTransaction,
  transactionTierData,
} from './tiers.service';

/**
 * 用户分级 ORG-3. Completed transactions come from `settlement.sealed`: recorded in the sealing transaction, then
 * (after commit) both parties are checked for a move up; the quarterly job applies the whole rule set.
 * `deps.creditScores` is the credit rating's total score (certified → VIP at ≥ 90); `deps.data` replaces the
 * platform data in tests.
 */
export function createTiersModule(
  ctx: AppContext,
  deps: { data?: TierDataSource; creditScores?: (orgIds: string[]) => Promise<Map<string, number>> } = {},
) {
  const data = deps.data ?? transactionTierData(ctx, deps.creditScores);
  return defineModule({
    name: 'tiers',
    routes: [tierRoutes(ctx, data)],
    jobs: () =>
      // 03:00 on the first day of each quarter (Asia/Shanghai), for the quarter just ended.
      ctx.jobs.schedule('tiers.quarterly', '0 3 1 1,4,7,10 *', async () => {
        await evaluateQuarter(ctx, data, new Date());
      }),
    subscribe: () => {
      ctx.events.onTransaction('settlement.sealed', 'tiers.record-transaction', (event, tx) =>
        recordCompletedTransaction(tx, event.payload),
      );
      ctx.events.afterCommit('settlement.sealed', 'tiers.promote', async (event) => {
        await promoteOnTransaction(ctx, data, [event.payload.buyerOrgId, event.payload.supplierOrgId]);
      });
    },
    api: { data },
  });
}
