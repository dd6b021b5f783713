import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { staffRoutes } from './staff.routes';

/** The staff module, wired by the composition root (app.ts). */
export function createStaffModule(ctx: AppContext) {
  return defineModule({
    name: 'staff',
    routes: [staffRoutes(ctx)],
    api: {},
  });
}
