import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { creditRoutes } from './credit.routes';

/** The credit module, wired by the composition root (app.ts). */
export function createCreditModule(ctx: AppContext) {
  return defineModule({
    name: 'credit',
    routes: [creditRoutes(ctx)],
    api: {},
  });
}
