export { executionErrors } from './execution.errors';
export { contractSidesOf, executionHome } from './execution.home.repository';
export { createExecutionModule } from './execution.module';
export { executionRoutes } from './execution.routes';
export {
  assignSupervisor,
  createLog,
  type ExecutionDeps,
  executionAccess,
  executionSnapshots,
  type PartyRole,
  payeeTrackRecord,
  reviewLog,
  runMissingLogReminders,
  setPlan,
  workersOnSite,
} from './execution.service';
