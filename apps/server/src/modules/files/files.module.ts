import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { filesRoutes } from './files.routes';

/** The files module, wired by the composition root (app.ts). */
export function createFilesModule(ctx: AppContext) {
  return defineModule({
    name: 'files',
    routes: [filesRoutes(ctx)],
    api: {},
  });
}
