export { settlementErrors } from './settlement.errors';
export { settlementRoutes } from './settlement.routes';
export {
  generateStatement,
  inviteSupervisor,
  openSettlement,
  proposeQuantity,
  signStatement,
  voteQuantity,
} from './settlement.service';
