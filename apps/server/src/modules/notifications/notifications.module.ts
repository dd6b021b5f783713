import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import type { SmsSender } from '../../infra/sms/sms';
import { registerNotificationJobs } from './notifications.delivery';
import { notificationRoutes } from './notifications.routes';

/**
 * The notifications module (COMM-2), wired by the composition root: in-app rows, and e-mail and SMS by each
 * recipient's preferences (SMS through the identity module's guarded adapter).
 */
export function createNotificationsModule(ctx: AppContext, deps: { sms: SmsSender }) {
  return defineModule({
    name: 'notifications',
    routes: [notificationRoutes(ctx)],
    jobs: () => registerNotificationJobs(ctx, deps.sms),
    api: {},
  });
}
