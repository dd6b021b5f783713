import type { Clock } from '../../infra/clock';
import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import type { AnalyticsDeps } from './analytics.deps';
import { analyticsRoutes } from './analytics.routes';
import { recordDeal } from './analytics.service';
import { sendWeeklyReport } from './analytics.weekly';

/**
 * 增长分析 growth analytics: product events from the server and (after consent) the web app, identity stitching,
 * funnels, cohorts, RFM, attribution, channel economics, lifecycle stages, the KPI board with its weekly report
 * (数据驱动周报) and merchants' figures.
 */
export function createAnalyticsModule(ctx: AppContext, deps: AnalyticsDeps) {
  return defineModule({
    name: 'analytics',
    routes: [analyticsRoutes(ctx, deps)],
    api: {
      /** the weekly report job's work, at another clock's time when given (tests) */
      sendWeeklyReport: (clock?: Clock) => sendWeeklyReport(clock ? { ...ctx, clock } : ctx, deps),
    },
    // daily at 17:00 Shanghai; only the week's report day (Friday, or the working day before a holiday Friday) sends
    jobs: () =>
      ctx.jobs.schedule('analytics.weekly-report', '0 17 * * *', async () => {
        await sendWeeklyReport(ctx, deps);
      }),
    subscribe() {
      ctx.events.onTransaction('contract.signed', 'analytics.deal', ({ payload }, tx) => recordDeal(ctx, payload, tx));
    },
  });
}
