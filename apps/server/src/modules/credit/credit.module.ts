import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { creditRoutes } from './credit.routes';
import {
  creditGradeOf,
  creditScoresOf,
  monthOfInstant,
  previousMonth,
  rateDiscountBp,
  recalculateMonth,
  recordDisputeResolved,
  recordLoanOverdue,
  recordSealedSettlement,
  recordSignedContract,
  recordWageMonth,
} from './credit.service';

/**
 * 信用评级 CREDIT-1…4. Keeps its own read model from `contract.signed`, `settlement.sealed` and
 * `dispute.resolved`, `finance.loan_overdue` and `wages.month_recorded` (in the publishers' transactions), reads execution and verification through their public
 * API, and rates every organisation monthly (03:30 on the 1st, Asia/Shanghai, for the month just ended).
 */
export function createCreditModule(ctx: AppContext) {
  return defineModule({
    name: 'credit',
    routes: [creditRoutes(ctx)],
    jobs: () =>
      ctx.jobs.schedule('credit.monthly', '30 3 1 * *', async () => {
        await recalculateMonth(ctx, previousMonth(monthOfInstant(ctx.clock.now())));
      }),
    subscribe: () => {
      ctx.events.onTransaction('contract.signed', 'credit.contracts', (event, tx) =>
        recordSignedContract(tx, event.payload),
      );
      ctx.events.onTransaction('settlement.sealed', 'credit.transactions', (event, tx) =>
        recordSealedSettlement(tx, event.payload),
      );
      ctx.events.onTransaction('dispute.resolved', 'credit.disputes', (event, tx) =>
        recordDisputeResolved(tx, event.payload),
      );
      ctx.events.onTransaction('wages.month_recorded', 'credit.wage-months', (event, tx) =>
        recordWageMonth(tx, event.payload),
      );
      ctx.events.onTransaction('finance.loan_overdue', 'credit.loan-overdues', (event, tx) =>
        recordLoanOverdue(tx, event.payload),
      );
    },
    api: {
      grades: (orgIds: readonly string[]) => creditGradeOf(ctx, orgIds),
      creditScores: (orgIds: readonly string[]) => creditScoresOf(ctx, orgIds),
      /** for the finance module: the rate discount an organisation's grade earns, basis points */
      rateDiscountBp: (orgId: string) => rateDiscountBp(ctx, orgId),
      recalculateMonth: (month: string, options?: Parameters<typeof recalculateMonth>[2]) =>
        recalculateMonth(ctx, month, options),
    },
  });
}
