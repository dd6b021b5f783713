import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { financeRoutes } from './finance.routes';
import { repayFromRelease, runOverdueScan } from './finance.service';

/**
 * 工程e贷 supply-chain finance (FUND-6). Reads assets through escrow's and settlement's public API and grades
 * through credit's; repays lenders first inside escrow's release transaction (`escrow.milestone_released`); charges
 * penalties daily at 02:00 (Asia/Shanghai), opening a risk warning and publishing `finance.loan_overdue`.
 */
export function createFinanceModule(ctx: AppContext) {
  return defineModule({
    name: 'finance',
    routes: [financeRoutes(ctx)],
    jobs: () =>
      ctx.jobs.schedule('finance.overdue', '0 2 * * *', async () => {
        await runOverdueScan(ctx);
      }),
    subscribe: () => {
      ctx.events.onTransaction('escrow.milestone_released', 'finance.repay-lender', (event, tx) =>
        repayFromRelease(ctx, tx, event.payload, new Date(event.occurredAt)),
      );
    },
    api: {
      overdueScan: (now?: Date) => runOverdueScan(ctx, now),
    },
  });
}
