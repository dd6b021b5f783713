import type { AppContext } from '../../infra/context';
import type { ActorResolver } from '../../infra/http/access';
import { defineModule } from '../../infra/module';
import { organisationRoutes } from './organisation.routes';

/** The organisation module; the actor resolver comes from the composition root (it reads identity, organisations and staff). */
export function createOrganisationModule(ctx: AppContext, deps: { resolver: ActorResolver }) {
  return defineModule({ name: 'organisation', routes: [organisationRoutes(ctx, deps.resolver)], api: {} });
}
