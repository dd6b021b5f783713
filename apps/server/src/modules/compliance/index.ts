export { complianceErrors } from './compliance.errors';
export type { TakedownLifted } from './compliance.events';
export { findBannedTerms } from './compliance.matcher';
export { createComplianceModule } from './compliance.module';
export {
  activeTakedown,
  assertCompliant,
  assertCompliantFields,
  checkTexts,
  liftTakedown,
  type StaffActor,
  type TakedownSubjects,
  takeDown,
} from './compliance.service';
