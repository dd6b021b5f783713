import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { communityRoutes } from './community.routes';
import { restoreLifted } from './community.service';

/**
 * 施工人社区 (COMM-1): boards, posts, replies, likes, best answers and points. Every post and reply passes the
 * compliance module's banned claims at submission (held for review when flagged); takedowns go through the
 * compliance module's takedown register; authors are told through notifications.
 */
export function createCommunityModule(ctx: AppContext) {
  return defineModule({
    name: 'community',
    routes: [communityRoutes(ctx)],
    api: {},
    subscribe() {
      // a takedown lifted anywhere (the community queue or the compliance register) shows the content again
      ctx.events.onTransaction('compliance.takedown_lifted', 'community.restore', ({ payload }, tx) =>
        restoreLifted(ctx, payload, tx),
      );
    },
  });
}
