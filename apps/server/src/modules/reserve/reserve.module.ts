import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { reserveRoutes } from './reserve.routes';

/**
 * 风险准备金 先行赔付 (FUND-4): claims paid from the reserve under dual control and recoveries back into it, all
 * through the ledger. The reserve itself is funded by escrow's 1% provision on each release.
 */
export function createReserveModule(ctx: AppContext) {
  return defineModule({ name: 'reserve', routes: [reserveRoutes(ctx)], api: {} });
}
