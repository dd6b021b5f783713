export { tiersEn, tiersZhCN } from './tiers.i18n';
export { OrgTierCard, TierOverviewPanel } from './tiers-panels';
