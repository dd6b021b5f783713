export { verificationErrors } from './verification.errors';
export type { CredentialExpired, OrganisationVerified } from './verification.events';
export { verificationHome, verificationStaffHome } from './verification.home.repository';
export { createVerificationModule } from './verification.module';
export { presentVerification } from './verification.presenter';
export {
  applyDecision,
  decideVerification,
  getVerification,
  loadViews,
  type ParsedPackage,
  type PreparedDecision,
  type PreparedVerification,
  prepareDecision,
  prepareVerification,
  revealIdNumber,
  runExpiryWatch,
  type SubmissionRow,
  savePreparedVerification,
  type VerificationView,
  validQualifications,
  validQualificationsOf,
  verificationFile,
} from './verification.service';
