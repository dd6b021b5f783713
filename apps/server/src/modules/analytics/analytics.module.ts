import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { analyticsRoutes } from './analytics.routes';

/** The analytics module, wired by the composition root (app.ts). */
export function createAnalyticsModule(ctx: AppContext) {
  return defineModule({
    name: 'analytics',
    routes: [analyticsRoutes(ctx)],
    api: {},
  });
}
