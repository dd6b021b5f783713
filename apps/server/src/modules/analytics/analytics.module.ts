import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { analyticsRoutes } from './analytics.routes';
import { recordDeal } from './analytics.service';
import { sendWeeklyReport } from './analytics.weekly';

/**
 * 增长分析 growth analytics: product events from the server and (after consent) the web app, identity stitching,
 * funnels, cohorts, RFM, attribution, channel economics, lifecycle stages, the KPI board with its weekly report
 * (数据驱动周报) and merchants' figures.
 */
export function createAnalyticsModule(ctx: AppContext) {
  return defineModule({
    name: 'analytics',
    routes: [analyticsRoutes(ctx)],
    api: {},
    // daily at 17:00 Shanghai; only the week's report day (Friday, or the working day before a holiday Friday) sends
    jobs: () =>
      ctx.jobs.schedule('analytics.weekly-report', '0 17 * * *', async () => {
        await sendWeeklyReport(ctx);
      }),
    subscribe() {
      ctx.events.onTransaction('contract.signed', 'analytics.deal', ({ payload }, tx) => recordDeal(ctx, payload, tx));
    },
  });
}
