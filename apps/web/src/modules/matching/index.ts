import { registerTexts } from '../../app/language';
import { matchingEn, matchingZhCN } from './matching.i18n';

// The module brings its own texts: whichever chunk loads it registers them before any of its components renders.
registerTexts('matching', { 'zh-CN': matchingZhCN, en: matchingEn });

export { CapacityCard } from './capacity-card';
export { DemandMatchesCard } from './demand-matches';
// For the i18next resource types declared by the entry.
export type { matchingZhCN } from './matching.i18n';
export { MatchingFiguresPanel } from './matching-figures';
export { NotificationBell } from './notification-bell';
export { SupplierPushes } from './supplier-pushes';
