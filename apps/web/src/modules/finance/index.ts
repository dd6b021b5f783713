export { financeEn, financeZhCN } from './finance.i18n';
export { BorrowerFinance, LenderWorkspace } from './finance-views';
