import type { AppContext } from '../../infra/context';
import type { ActorResolver } from '../../infra/http/access';
import { defineModule } from '../../infra/module';
import { identityRoutes } from './identity.routes';

/** The identity module; the actor resolver comes from the composition root (it reads identity, organisations and staff). */
export function createIdentityModule(ctx: AppContext, deps: { resolver: ActorResolver }) {
  return defineModule({ name: 'identity', routes: [identityRoutes(ctx, deps.resolver)], api: {} });
}
