export { commissionEn, commissionZhCN } from './commission.i18n';
export { CommissionCalculatorPanel, CommissionPoliciesPanel } from './commission-panels';
