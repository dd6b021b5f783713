export { boostAt, calculateMonth } from './commission.calculator';
export { commissionErrors } from './commission.errors';
export { commissionRoutes } from './commission.routes';
export { activeRankingBoosts, calculate, rankingBoosts } from './commission.service';
