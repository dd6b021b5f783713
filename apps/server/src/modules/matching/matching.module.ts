import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { matchingRoutes } from './matching.routes';
import { type MatchingProviders, matchDemand } from './matching.service';

/**
 * 智能匹配. A demand is matched after its approval commits (`demand.published`, delivered once through the job
 * queue); credit grades and the new-merchant boost are the providers the composition root gives.
 */
export function createMatchingModule(ctx: AppContext, providers: MatchingProviders) {
  return defineModule({
    name: 'matching',
    routes: [matchingRoutes(ctx, providers)],
    subscribe: () =>
      ctx.events.afterCommit('demand.published', 'matching.match-demand', async (event) => {
        await matchDemand(ctx, providers, event.payload.demandId);
      }),
    api: {
      matchDemand: (demandId: string, options: { at?: Date } = {}) => matchDemand(ctx, providers, demandId, options),
    },
  });
}
