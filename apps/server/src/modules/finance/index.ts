export { financeErrors } from './finance.errors';
export type { FinanceLoanOverdue, FinanceLoanRepaid } from './finance.events';
export { createFinanceModule } from './finance.module';
export { decisionClocks, portfolioOf } from './finance.queries';
export { FEE_MAX_BP, FEE_MIN_BP, gradeMeets, TYPE_LIMITS } from './finance.rules';
export {
  applyForFinance,
  borrowerView,
  decideApplication,
  lendingAccount,
  outstandingOf,
  publishProduct,
  repayFromRelease,
  runOverdueScan,
} from './finance.service';
