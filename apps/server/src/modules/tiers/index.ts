export { createTiersModule } from './tiers.module';
export { evaluateUserTier, PENDING_TIER_DATA, type TierDataSource, type TierFacts } from './tiers.rules';
export { evaluateQuarter, promoteOnTransaction, tierOf, transactionTierData } from './tiers.service';
