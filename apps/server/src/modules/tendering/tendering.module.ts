import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { tenderingRoutes } from './tendering.routes';
import { lapseAward, openDueTender } from './tendering.service';

/** 招投标: the deadline job opens tenders; the offer job passes an unanswered award on. */
export function createTenderingModule(ctx: AppContext) {
  return defineModule({
    name: 'tendering',
    routes: [tenderingRoutes(ctx)],
    jobs: () => {
      ctx.jobs.register('tendering.open', async (payload) => {
        await openDueTender(ctx, String(payload.tenderId));
      });
      ctx.jobs.register('tendering.award-lapse', async (payload) => {
        await lapseAward(ctx, String(payload.awardId));
      });
    },
    api: {},
  });
}
