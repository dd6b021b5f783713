import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { developerRoutes } from './developer.routes';
import { developerV1Routes } from './developer.v1.routes';

/**
 * 开放平台 (PLAT-5): organisation admins issue API keys with scopes, expiry and an IP allow-list; third parties
 * call the versioned `/api/v1` with them. The access layer authenticates keys through
 * `createApiKeyAuthenticator` (wired in `app.ts`); the v1 use cases reach projects, demands, tendering and
 * escrow only through their `index.ts`.
 */
export function createDeveloperModule(ctx: AppContext) {
  return defineModule({
    name: 'developer',
    routes: [developerRoutes(ctx), developerV1Routes(ctx)],
    api: {},
  });
}
