export { executionEn, executionZhCN } from './execution.i18n';
export { ExecutionList } from './execution-list';
export { ExecutionView } from './execution-view';
export { SettlementView } from './settlement-view';
