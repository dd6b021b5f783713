export { evidenceEn, evidenceZhCN } from './evidence.i18n';
export { VerifyDocumentPanel } from './verify-document-panel';
