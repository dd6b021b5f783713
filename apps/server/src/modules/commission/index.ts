export { boostAt, calculateMonth } from './commission.calculator';
export { commissionErrors } from './commission.errors';
export { createCommissionModule } from './commission.module';
export { activeRankingBoosts, calculate, rankingBoosts } from './commission.service';
