import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { policiesRoutes } from './policies.routes';
import { notifySubscribers } from './policies.service';

/**
 * 政策库 (DATA-1): policies with plain-language interpretations written by staff editors, versioned, searched
 * with the platform's Chinese segmenter (its own index), and subscriptions by region and category. Publishes
 * `policies.published`, `policies.revised`, `policies.withdrawn`; reacts to its own `policies.published` after
 * commit by notifying matching subscribers through the notifications module.
 */
export function createPoliciesModule(ctx: AppContext) {
  return defineModule({
    name: 'policies',
    routes: [policiesRoutes(ctx)],
    subscribe: () => {
      ctx.events.afterCommit('policies.published', 'policies.notify-subscribers', async ({ payload }) => {
        await notifySubscribers(ctx, payload.policyId);
      });
    },
    api: {},
  });
}
