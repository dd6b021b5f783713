import { registerTexts } from '../../app/language';
import { evidenceEn, evidenceZhCN } from './evidence.i18n';

// The module brings its own texts: whichever chunk loads it registers them before any of its components renders.
registerTexts('evidence', { 'zh-CN': evidenceZhCN, en: evidenceEn });

// For the i18next resource types declared by the entry.
export type { evidenceZhCN } from './evidence.i18n';
export { VerifyDocumentPanel } from './verify-document-panel';
