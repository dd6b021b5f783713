import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { procurementRoutes } from './procurement.routes';
import type { ProcurementDeps } from './procurement.service';

/**
 * 采购优化 DATA-4: an optimal purchase plan for a demand's bill of materials over the resource library's offers.
 * Reads demands, resources and organisation through their public API; credit scores and the price outlook come
 * in as dependencies from the composition root.
 */
export function createProcurementModule(ctx: AppContext, deps: ProcurementDeps) {
  return defineModule({ name: 'procurement', routes: [procurementRoutes(ctx, deps)], api: {} });
}
