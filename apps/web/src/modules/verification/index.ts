import { registerTexts } from '../../app/language';
import { verificationEn, verificationZhCN } from './verification.i18n';

// The module brings its own texts: whichever chunk loads it registers them before any of its components renders.
registerTexts('verification', { 'zh-CN': verificationZhCN, en: verificationEn });

export { DocumentLink, DocumentUpload } from './document-upload';
export { StaffVerificationsPanel } from './staff-verifications-panel';
export { orgFileUrl, revealIdNumber, type VerificationData } from './verification.api';
// For the i18next resource types declared by the entry.
export type { verificationZhCN } from './verification.i18n';
export { VerificationChecks } from './verification-checks';
export { VerificationFields } from './verification-fields';
export { showIssuesOnForm, toPackage, type VerificationFormValues } from './verification-form';
export { VerificationPanel, valuesFrom } from './verification-panel';
export { VerificationStatusTag, VerificationSummary } from './verification-summary';
