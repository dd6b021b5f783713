export { takeDown } from './compliance.api';
export { complianceEn, complianceZhCN } from './compliance.i18n';
export { BannedTermsPanel, TakedownsPanel } from './compliance-panels';
export { ComplianceHint, HighlightedText } from './highlighted-text';
