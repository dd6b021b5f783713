export { complianceErrors } from './compliance.errors';
export { findBannedTerms } from './compliance.matcher';
export { createComplianceModule } from './compliance.module';
export {
  activeTakedown,
  assertCompliant,
  assertCompliantFields,
  checkTexts,
  liftTakedown,
  type TakedownSubjects,
  takeDown,
} from './compliance.service';
