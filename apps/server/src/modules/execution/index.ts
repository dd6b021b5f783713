export { executionErrors } from './execution.errors';
export { executionRoutes } from './execution.routes';
export {
  assignSupervisor,
  executionAccess,
  type PartyRole,
  registerExecutionJobs,
  runMissingLogReminders,
  setSettlementStatusSource,
} from './execution.service';
