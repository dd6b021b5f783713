import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { resourcesRoutes } from './resources.routes';

/** The resources module, wired by the composition root (app.ts). */
export function createResourcesModule(ctx: AppContext) {
  return defineModule({
    name: 'resources',
    routes: [resourcesRoutes(ctx)],
    api: {},
  });
}
