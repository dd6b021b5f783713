export { CapacityCard } from './capacity-card';
export { DemandMatchesCard } from './demand-matches';
export { matchingEn, matchingZhCN } from './matching.i18n';
export { MatchingFiguresPanel } from './matching-figures';
export { NotificationBell } from './notification-bell';
export { SupplierPushes } from './supplier-pushes';
