export { policiesEn, policiesZhCN } from './policies.i18n';
export { PolicyDetail } from './policy-detail';
export { PolicySearch } from './policy-search';
export { PolicySubscriptions } from './policy-subscriptions';
export { StaffPolicyDesk } from './staff-policy-desk';
