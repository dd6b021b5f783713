import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { promisesRoutes } from './promises.routes';
import { type PromiseSources, platformSources } from './promises.sources';

/**
 * 承诺看板 (SPEC §13): the seeds' promises measured live from the timestamps other modules keep, read through
 * their public API. Publishes and subscribes to nothing; the board is computed on request and kept a minute.
 */
export function createPromisesModule(ctx: AppContext, sources: PromiseSources = platformSources(ctx)) {
  return defineModule({
    name: 'promises',
    routes: [promisesRoutes(ctx, sources)],
    api: {},
  });
}
