export { settlementErrors } from './settlement.errors';
export type { SettlementSealed } from './settlement.events';
export { createSettlementModule } from './settlement.module';
export {
  generateStatement,
  inviteSupervisor,
  openSettlement,
  proposeQuantity,
  signStatement,
  voteQuantity,
} from './settlement.service';
