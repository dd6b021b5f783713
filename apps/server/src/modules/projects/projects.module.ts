import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { projectsRoutes } from './projects.routes';

/** The projects module, wired by the composition root (app.ts). */
export function createProjectsModule(ctx: AppContext) {
  return defineModule({
    name: 'projects',
    routes: [projectsRoutes(ctx)],
    api: {},
  });
}
