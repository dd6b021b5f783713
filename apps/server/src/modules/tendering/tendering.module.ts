import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { lapseAward } from './tendering.award';
import { openDueTender } from './tendering.opening';
import { tenderingRoutes } from './tendering.routes';

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
