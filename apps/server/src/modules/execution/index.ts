export { executionErrors } from './execution.errors';
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
} from './execution.service';
