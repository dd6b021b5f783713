import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { commissionRoutes } from './commission.routes';
import { activeRankingBoosts } from './commission.service';

const BOOST_CACHE_MS = 60_000;

/**
 * 佣金与流量扶持. Its `api.activeRankingBoosts` is what search and matching rank with; it is asked on every search,
 * so this instance keeps the answer for a minute (one cache per app, nothing shared between apps).
 */
export function createCommissionModule(ctx: AppContext) {
  let cache: { at: number; boosts: Map<string, number> } | null = null;
  return defineModule({
    name: 'commission',
    routes: [commissionRoutes(ctx)],
    api: {
      async activeRankingBoosts(at: Date = new Date()): Promise<Map<string, number>> {
        if (cache && at.getTime() - cache.at >= 0 && at.getTime() - cache.at < BOOST_CACHE_MS) return cache.boosts;
        const boosts = await activeRankingBoosts(ctx, at);
        cache = { at: at.getTime(), boosts };
        return boosts;
      },
    },
  });
}
