import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { merchantRoutes } from './merchants.routes';
import {
  evaluateTiers,
  merchantProfileTitle,
  recordSale,
  salesPerformance,
  suspendOnCredentialExpiry,
} from './merchants.service';
import type { MerchantPerformanceSource } from './merchants.tiers';

/**
 * 招商. Sales come from `settlement.sealed` (recorded in the sealing transaction); an expired credential suspends
 * the merchant in the expiry watch's transaction; the monthly job re-evaluates tiers on those sales.
 * `deps.performance` replaces the platform data in tests.
 */
export function createMerchantsModule(ctx: AppContext, deps: { performance?: MerchantPerformanceSource } = {}) {
  const performance = deps.performance ?? salesPerformance(ctx);
  return defineModule({
    name: 'merchants',
    routes: [merchantRoutes(ctx, performance)],
    jobs: () =>
      ctx.jobs.schedule('merchants.tier-evaluation', '0 4 1 * *', async () => {
        await evaluateTiers(ctx, performance, new Date());
      }),
    subscribe: () => {
      ctx.events.onTransaction('settlement.sealed', 'merchants.record-sale', (event, tx) =>
        recordSale(tx, event.payload),
      );
      ctx.events.onTransaction('verification.credential_expired', 'merchants.suspend', (event, tx) =>
        suspendOnCredentialExpiry(tx, event.payload),
      );
    },
    api: {
      performance,
      /** for compliance's takedowns of `merchant_profile` */
      profileTitle: (orgId: string, subjectId: string) => merchantProfileTitle(ctx, orgId, subjectId),
    },
  });
}
