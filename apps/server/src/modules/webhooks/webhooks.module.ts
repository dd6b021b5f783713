import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { webhooksRoutes } from './webhooks.routes';
import { attemptDelivery, DELIVER_JOB, type WebhookDeps } from './webhooks.service';
import { subscribeWebhooks } from './webhooks.subscriptions';

/**
 * Webhooks (PLAT-5): organisation admins register HTTPS endpoints for business events; each event the organisation
 * is entitled to see is signed (`ZhuHe-Signature`, HMAC-SHA256 over timestamp and body) and delivered through the
 * job queue with back-off for three days, then kept as a dead letter for manual redelivery. Targets pass an SSRF
 * check when saved and again before every attempt (ADR 0108). Publishes nothing; reads other modules only through
 * their events.
 */
export function createWebhooksModule(ctx: AppContext, deps: WebhookDeps = {}) {
  return defineModule({
    name: 'webhooks',
    routes: [webhooksRoutes(ctx, deps)],
    jobs: () => {
      ctx.jobs.register(DELIVER_JOB, async (payload) => {
        await attemptDelivery(ctx, deps, String(payload.deliveryId), Number(payload.attempt));
      });
    },
    subscribe: () => subscribeWebhooks(ctx),
    api: {},
  });
}
