export { boostAt, calculateMonth, platformFeeBpOn } from './commission.calculator';
export { commissionErrors } from './commission.errors';
export { createCommissionModule } from './commission.module';
export { activeRankingBoosts, calculate, platformFeeInForce, rankingBoosts } from './commission.service';
