import { registerTexts } from '../../app/language';
import { complianceEn, complianceZhCN } from './compliance.i18n';

// The module brings its own texts: whichever chunk loads it registers them before any of its components renders.
registerTexts('compliance', { 'zh-CN': complianceZhCN, en: complianceEn });

export { takeDown } from './compliance.api';
// For the i18next resource types declared by the entry.
export type { complianceZhCN } from './compliance.i18n';
export { BannedTermsPanel, TakedownsPanel } from './compliance-panels';
export { ComplianceHint, HighlightedText } from './highlighted-text';
