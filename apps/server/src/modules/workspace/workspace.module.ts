import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { workspaceRoutes } from './workspace.routes';

/**
 * 工作台 the home page of each role. Owns no table: it asks tendering, execution, settlement, escrow, matching,
 * risk and verification for their part (each module's `<module>.home.ts`, through its index) and merges them.
 */
export function createWorkspaceModule(ctx: AppContext) {
  return defineModule({ name: 'workspace', routes: [workspaceRoutes(ctx)], api: {} });
}
