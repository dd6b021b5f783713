import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { complianceRoutes } from './compliance.routes';
import type { TakedownSubjects } from './compliance.service';

/** 合规: banned claims and takedowns; the kinds of content that can be taken down come from their owners. */
export function createComplianceModule(ctx: AppContext, deps: { takedownSubjects: TakedownSubjects }) {
  return defineModule({
    name: 'compliance',
    routes: [complianceRoutes(ctx, deps.takedownSubjects)],
    api: { takedownSubjects: deps.takedownSubjects },
  });
}
