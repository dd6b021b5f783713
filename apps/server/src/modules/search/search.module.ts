import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import type { RankingBoostProvider } from './search.ranking-boost';
import { searchRoutes } from './search.routes';

/** 搜索: the one index the libraries feed; the ranking boost (流量扶持) is given by the composition root. */
export function createSearchModule(ctx: AppContext, deps: { rankingBoost: RankingBoostProvider }) {
  return defineModule({ name: 'search', routes: [searchRoutes(ctx, deps)], api: {} });
}
