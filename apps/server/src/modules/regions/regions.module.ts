import { defineModule } from '../../infra/module';
import { regionsRoutes } from './regions.routes';

/** GB/T 2260 divisions: static reference data, no context needed. */
export function createRegionsModule() {
  return defineModule({ name: 'regions', routes: [regionsRoutes()], api: {} });
}
