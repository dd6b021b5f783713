export { complianceErrors } from './compliance.errors';
export { findBannedTerms } from './compliance.matcher';
export { complianceRoutes } from './compliance.routes';
export { activeTakedown, assertCompliant, checkTexts, registerTakedownSubject } from './compliance.service';
