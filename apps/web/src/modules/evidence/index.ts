export { evidenceEn, evidenceZhCN } from './evidence.i18n';
export { StaffEvidencePanel } from './staff-evidence-panel';
export { VerifyDocumentPanel } from './verify-document-panel';
