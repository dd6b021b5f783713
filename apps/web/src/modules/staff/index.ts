export { AuditLogPanel } from './audit-log-panel';
export { DualControlPanel } from './dual-control-panel';
export { ProductEventsPanel } from './product-events-panel';
export { staffEn, staffZhCN } from './staff.i18n';
export { usePrefetchAuditEntries } from './staff.queries';
export { isMfaRequired, StaffErrorState } from './staff-error-state';
export { StaffOrganisationsPanel } from './staff-organisations-panel';
export { StaffUsersPanel } from './staff-users-panel';
