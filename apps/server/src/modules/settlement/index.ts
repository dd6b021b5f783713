export { settlementErrors } from './settlement.errors';
export type { SettlementSealed } from './settlement.events';
export { settlementHome } from './settlement.home.repository';
export { createSettlementModule } from './settlement.module';
export {
  generateStatement,
  inviteSupervisor,
  openSettlement,
  proposeQuantity,
  sealedStatementsOf,
  signStatement,
  voteQuantity,
} from './settlement.service';
