import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { demandCategoryCode } from './cooperation.categories';
import { cooperationRoutes } from './cooperation.routes';
import { recordCooperation } from './cooperation.service';

/** The cooperation module, wired by the composition root (app.ts). */
export function createCooperationModule(ctx: AppContext) {
  return defineModule({
    name: 'cooperation',
    routes: [cooperationRoutes(ctx)],
    subscribe: () => {
      // 合作记录: a contract's first signature makes the parties' cooperation history (matching learns from it).
      ctx.events.onTransaction('contract.signed', 'cooperation.record-contract', async ({ payload: c }, tx) => {
        if (c.amendment) return;
        await recordCooperation(
          ctx,
          {
            source: 'contract',
            sourceRef: c.contractId,
            buyer: c.buyer,
            supplier: c.supplier,
            categoryCode: `ZH:${c.kind}`,
            regionCode: c.regionCode,
            amountFen: c.amountFen,
            occurredOn: c.signedOn,
            title: c.title,
          },
          tx,
        );
      });
      // An accepted award is history the matcher learns from (buyer, supplier, category, region, amount).
      ctx.events.onTransaction('tender.award_accepted', 'cooperation.record-award', async ({ payload: a }, tx) => {
        await recordCooperation(
          ctx,
          {
            source: 'award',
            sourceRef: a.awardId,
            buyer: a.buyer,
            supplier: a.supplier,
            categoryCode: demandCategoryCode(a.demand),
            regionCode: a.demand.regionCode,
            amountFen: a.amountFen,
            occurredOn: a.acceptedOn,
            title: a.title,
          },
          tx,
        );
      });
    },
    api: {},
  });
}
