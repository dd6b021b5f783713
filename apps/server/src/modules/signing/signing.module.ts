import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { signingRoutes } from './signing.routes';

/** The signing module, wired by the composition root (app.ts). */
export function createSigningModule(ctx: AppContext) {
  return defineModule({
    name: 'signing',
    routes: [signingRoutes(ctx)],
    api: {},
  });
}
