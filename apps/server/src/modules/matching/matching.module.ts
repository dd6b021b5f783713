import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { matchingRoutes } from './matching.routes';
import { type MatchingProviders, matchDemand, recordAwardToPushed } from './matching.service';

/**
 * 智能匹配. A demand is matched after its approval commits (`demand.published`, delivered once through the job
 * queue); credit grades and the new-merchant boost are the providers the composition root gives.
 */
export function createMatchingModule(ctx: AppContext, providers: MatchingProviders) {
  return defineModule({
    name: 'matching',
    routes: [matchingRoutes(ctx, providers)],
    subscribe: () => {
      ctx.events.afterCommit('demand.published', 'matching.match-demand', async (event) => {
        await matchDemand(ctx, providers, event.payload.demandId);
      });
      // 匹配数据: an award that goes to a supplier the matcher pushed counts for the matching figures.
      ctx.events.afterCommit('tender.award_accepted', 'matching.count-award', async ({ payload: a }) => {
        await recordAwardToPushed(ctx, a.demandId, a.supplier.orgId);
      });
    },
    api: {
      matchDemand: (demandId: string, options: { at?: Date } = {}) => matchDemand(ctx, providers, demandId, options),
    },
  });
}
