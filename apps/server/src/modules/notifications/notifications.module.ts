import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { notificationRoutes } from './notifications.routes';
import { registerNotificationJobs } from './notifications.service';

/** The notifications module, wired by the composition root (app.ts). */
export function createNotificationsModule(ctx: AppContext) {
  return defineModule({
    name: 'notifications',
    routes: [notificationRoutes(ctx)],
    jobs: () => registerNotificationJobs(ctx),
    api: {},
  });
}
