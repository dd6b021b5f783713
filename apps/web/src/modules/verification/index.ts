export { DocumentLink, DocumentUpload } from './document-upload';
export { StaffVerificationsPanel } from './staff-verifications-panel';
export { orgFileUrl, revealIdNumber, type VerificationData } from './verification.api';
export { verificationEn, verificationZhCN } from './verification.i18n';
export { VerificationChecks } from './verification-checks';
export { VerificationFields } from './verification-fields';
export { showIssuesOnForm, toPackage, type VerificationFormValues } from './verification-form';
export { VerificationPanel, valuesFrom } from './verification-panel';
export { VerificationStatusTag, VerificationSummary } from './verification-summary';
