import type { Clock } from '../../infra/clock';
import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { prepareLastMonth } from './operations.report';
import { operationsRoutes } from './operations.routes';
import { linkRegisteredLeads, recordTransaction } from './operations.service';

/**
 * 运营中心 the operations desk (seed 000 §3, §5): regional operation centres and territories, 地推专员's leads,
 * visit check-ins and monthly targets with progress from real registrations, 客户成功经理 assigned to new
 * organisations until their first transaction (contracts' `contract.signed` or escrow's
 * `escrow.milestone_released` closes the assignment), and the monthly 《用户体验改进报告》 from tickets, their
 * ratings and analytics' product events.
 */
export function createOperationsModule(ctx: AppContext) {
  return defineModule({
    name: 'operations',
    routes: [operationsRoutes(ctx)],
    api: {
      /** the monthly job's work, at another clock's time when given (tests) */
      prepareLastMonth: (clock?: Clock) => prepareLastMonth(clock ? { ...ctx, clock } : ctx),
    },
    jobs: () => {
      // on the 1st at 06:00 Shanghai: last month's report, unless generated on demand already
      ctx.jobs.schedule('operations.monthly-report', '0 6 1 * *', async () => {
        await prepareLastMonth(ctx);
      });
      // organisations register without telling the desk: link leads by credit code every quarter of an hour
      ctx.jobs.schedule('operations.link-leads', '*/15 * * * *', async () => {
        await linkRegisteredLeads(ctx);
      });
    },
    subscribe() {
      ctx.events.afterCommit('contract.signed', 'operations.first-transaction', async ({ payload, occurredAt }) => {
        if (payload.amendment) return;
        await recordTransaction(
          ctx,
          [payload.buyer.orgId, payload.supplier.orgId],
          new Date(occurredAt),
          'contract.signed',
          payload.contractId,
        );
      });
      ctx.events.afterCommit(
        'escrow.milestone_released',
        'operations.first-transaction',
        async ({ payload, occurredAt }) => {
          await recordTransaction(
            ctx,
            [payload.payerOrgId, payload.payeeOrgId],
            new Date(occurredAt),
            'escrow.milestone_released',
            payload.releaseId,
          );
        },
      );
    },
  });
}
