import type { Clock } from '../../infra/clock';
import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { checkMerchantAlerts, listMerchantAlerts, updateMerchantAlert } from './analytics.alerts';
import type { AnalyticsDeps } from './analytics.deps';
import { marketInsights } from './analytics.market';
import { analyticsRoutes } from './analytics.routes';
import { recordComplaint, recordDeal } from './analytics.service';
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
      /** the daily merchant-alert check, at `asOf` when given (tests, demo) */
      checkMerchantAlerts: (asOf?: Date) => checkMerchantAlerts(ctx, deps, asOf),
      /** the merchant alerts in one state, newest first */
      merchantAlerts: (status?: 'open' | 'acknowledged' | 'resolved') => listMerchantAlerts(ctx, deps, { status }),
      /** acknowledge or resolve an alert (demo history) */
      setMerchantAlertStatus: (alertId: string, status: 'acknowledged' | 'resolved', userId: string) =>
        updateMerchantAlert(ctx, deps, alertId, status, { userId }),
      /** demand heat and keywords as the growth team (all rows) or a merchant (groups of enough firms) sees them */
      marketInsights: (q: { from: string; to: string; level: 'province' | 'city' }, forMerchant: boolean) =>
        marketInsights(deps, q, forMerchant),
    },
    // daily at 17:00 Shanghai; only the week's report day (Friday, or the working day before a holiday Friday) sends
    jobs: () => {
      ctx.jobs.schedule('analytics.weekly-report', '0 17 * * *', async () => {
        await sendWeeklyReport(ctx, deps);
      });
      // daily at 07:00 Shanghai: activity drops and complaint rates (商家预警), raised once per merchant and week
      ctx.jobs.schedule('analytics.merchant-alerts', '0 7 * * *', async () => {
        await checkMerchantAlerts(ctx, deps);
      });
    },
    subscribe() {
      ctx.events.onTransaction('contract.signed', 'analytics.deal', ({ payload }, tx) => recordDeal(ctx, payload, tx));
      ctx.events.onTransaction('dispute.filed', 'analytics.complaint', ({ payload }, tx) =>
        recordComplaint(ctx, payload, tx),
      );
    },
  });
}
