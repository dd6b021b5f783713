export { verificationErrors } from './verification.errors';
export { presentVerification } from './verification.presenter';
export { verificationRoutes } from './verification.routes';
export {
  applyDecision,
  type CredentialExpired,
  decideVerification,
  getVerification,
  loadViews,
  onCredentialExpired,
  type ParsedPackage,
  type PreparedDecision,
  type PreparedVerification,
  prepareDecision,
  prepareVerification,
  registerVerificationJobs,
  revealIdNumber,
  runExpiryWatch,
  type SubmissionRow,
  savePreparedVerification,
  type VerificationView,
  validQualifications,
  validQualificationsOf,
  verificationFile,
} from './verification.service';
