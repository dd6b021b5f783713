import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { monitoringRoutes } from './monitoring.routes';
import { checkAlerts, type MonitoringDeps } from './monitoring.service';

/**
 * 运行监控 (PLAT-3): the staff status page (response times over the window, database, job queue, mail outbox,
 * disk) and the alerts a minute check opens when the p95 goes over the slow-response threshold (3 s) or server
 * errors spike — e-mailed to admins and second-line technical support, and shown on the status page.
 */
export function createMonitoringModule(ctx: AppContext, deps: MonitoringDeps) {
  return defineModule({
    name: 'monitoring',
    routes: [monitoringRoutes(ctx, deps)],
    jobs: () => {
      ctx.jobs.schedule('monitoring.check', '* * * * *', async () => {
        await checkAlerts(ctx, deps);
      });
    },
    // the window itself, for tests and for a future aggregation across instances
    api: { traffic: deps.traffic },
  });
}
