export { creditEn, creditZhCN } from './credit.i18n';
export { ContractRatingCard, CreditGradeBadge, CreditProfilePanel, OrgCreditBadge } from './credit-panels';
