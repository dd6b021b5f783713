import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { contractRoutes } from './contracts.routes';

/** The contracts module, wired by the composition root (app.ts). */
export function createContractsModule(ctx: AppContext) {
  return defineModule({
    name: 'contracts',
    routes: [contractRoutes(ctx)],
    api: {},
  });
}
