import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { settlementRoutes } from './settlement.routes';
import { settlementStatuses } from './settlement.service';

/**
 * 验收结算. Publishes `settlement.sealed`; its `api.settlementStatuses` tells execution (which settlement depends
 * on, so it cannot import settlement back) how far each milestone's settlement has come.
 */
export function createSettlementModule(ctx: AppContext) {
  return defineModule({
    name: 'settlement',
    routes: [settlementRoutes(ctx)],
    api: { settlementStatuses: (contractId: string) => settlementStatuses(ctx, contractId) },
  });
}
