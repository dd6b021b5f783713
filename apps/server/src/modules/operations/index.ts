export { operationErrors } from './operations.errors';
export { createOperationsModule } from './operations.module';
export { generateReport, prepareLastMonth } from './operations.report';
export {
  addMember,
  assign,
  changeLeadState,
  checkIn,
  createCentre,
  createLead,
  linkRegisteredLeads,
  listAssignments,
  recordAssist,
  recordTransaction,
  setTarget,
} from './operations.service';
