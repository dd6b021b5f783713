import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import type { SeriesSummary } from '../prices';
import { boardsRoutes } from './boards.routes';
import { raiseCostWarnings } from './boards.service';

export interface BoardsDeps {
  /** the prices module's outlook per material (its series that best speaks for the region, with its forecast) */
  materialOutlook: (materials: string[], regionCode: string | null) => Promise<Map<string, SeriesSummary>>;
}

/**
 * 数据看板 (DATA-5): the regional construction index board for GOV viewers (aggregates only, cells below the
 * minimum group size suppressed) and enterprises' cost warnings, raised once per threshold, material and forecast
 * run when the prices module announces refreshed forecasts (`prices.forecasts_refreshed`).
 */
export function createBoardsModule(ctx: AppContext, deps: BoardsDeps) {
  return defineModule({
    name: 'boards',
    routes: [boardsRoutes(ctx)],
    subscribe: () => {
      ctx.events.afterCommit('prices.forecasts_refreshed', 'boards.cost-warnings', async () => {
        await raiseCostWarnings(ctx, deps.materialOutlook);
      });
    },
    api: {
      raiseCostWarnings: () => raiseCostWarnings(ctx, deps.materialOutlook),
    },
  });
}
