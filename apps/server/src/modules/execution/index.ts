export { executionErrors } from './execution.errors';
export { executionRoutes } from './execution.routes';
export {
  assignSupervisor,
  createLog,
  executionAccess,
  type PartyRole,
  registerExecutionJobs,
  reviewLog,
  runMissingLogReminders,
  setPlan,
  setSettlementStatusSource,
} from './execution.service';
