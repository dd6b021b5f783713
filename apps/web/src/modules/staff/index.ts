import { registerTexts } from '../../app/language';
import { staffEn, staffZhCN } from './staff.i18n';

// The module brings its own texts: whichever chunk loads it registers them before any of its components renders.
registerTexts('staff', { 'zh-CN': staffZhCN, en: staffEn });

export { AuditLogPanel } from './audit-log-panel';
export { DualControlPanel } from './dual-control-panel';
export { ProductEventsPanel } from './product-events-panel';
// For the i18next resource types declared by the entry.
export type { staffZhCN } from './staff.i18n';
export { isMfaRequired, StaffErrorState } from './staff-error-state';
export { StaffOrganisationsPanel } from './staff-organisations-panel';
export { StaffUsersPanel } from './staff-users-panel';
