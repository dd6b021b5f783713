export { tierRoutes } from './tiers.routes';
export { evaluateUserTier, PENDING_TIER_DATA, type TierDataSource, type TierFacts } from './tiers.rules';
export { evaluateQuarter, registerTierJobs, setTierDataSource } from './tiers.service';
