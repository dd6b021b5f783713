import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { analyticsRoutes } from './analytics.routes';
import { recordDeal } from './analytics.service';

/**
 * 增长分析 growth analytics: product events from the server and (after consent) the web app, identity stitching,
 * funnels, cohorts, RFM, attribution, channel economics, lifecycle stages, the KPI board and merchants' figures.
 */
export function createAnalyticsModule(ctx: AppContext) {
  return defineModule({
    name: 'analytics',
    routes: [analyticsRoutes(ctx)],
    api: {},
    subscribe() {
      ctx.events.onTransaction('contract.signed', 'analytics.deal', ({ payload }, tx) => recordDeal(ctx, payload, tx));
    },
  });
}
