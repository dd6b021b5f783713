import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { pricesRoutes } from './prices.routes';
import { importPrices, materialOutlook } from './prices.service';

/**
 * 数据大脑·材料价格 DATA-2/DATA-3: monthly price series per material and city (信息价 imports) and price indices,
 * with 6-month forecasts recomputed on every import. Other modules read a material's outlook through `api`.
 */
export function createPricesModule(ctx: AppContext) {
  return defineModule({
    name: 'prices',
    routes: [pricesRoutes(ctx)],
    api: {
      materialOutlook: (materials: string[], regionCode: string | null) => materialOutlook(ctx, materials, regionCode),
      importPrices: (input: Parameters<typeof importPrices>[1]) => importPrices(ctx, input),
    },
  });
}
