export { creditEn, creditZhCN } from './credit.i18n';
export { CreditGradeBadge, OrgCreditBadge } from './credit-badge';
export { ContractRatingCard, CreditProfilePanel } from './credit-panels';
export { StaffCreditPolicyPanel, StaffCreditReviewPanel } from './credit-staff-panels';
export { OrgGradeBadge } from './org-grade';
