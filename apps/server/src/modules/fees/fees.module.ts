import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { feesRoutes } from './fees.routes';
import { onMilestoneReleased } from './fees.service';

/**
 * 收费 (FUND-7): the versioned fee schedule, charges (the platform fee of each escrow release is recorded in the
 * release's transaction), the seed-user plan, and monthly receipts as PDF.
 */
export function createFeesModule(ctx: AppContext) {
  return defineModule({
    name: 'fees',
    routes: [feesRoutes(ctx)],
    subscribe: () => {
      ctx.events.onTransaction('escrow.milestone_released', 'fees.escrow-service', (event, tx) =>
        onMilestoneReleased(ctx, event, tx),
      );
    },
    api: {},
  });
}
