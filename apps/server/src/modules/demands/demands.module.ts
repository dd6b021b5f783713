import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { demandsRoutes } from './demands.routes';

/** The demands module, wired by the composition root (app.ts). */
export function createDemandsModule(ctx: AppContext) {
  return defineModule({
    name: 'demands',
    routes: [demandsRoutes(ctx)],
    api: {},
  });
}
