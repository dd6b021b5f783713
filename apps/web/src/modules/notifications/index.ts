export { NotificationCentre } from './notification-centre';
export { NotificationPreferencesForm } from './notification-preferences';
export { notificationsEn, notificationsZhCN } from './notifications.i18n';
export { UnsubscribePanel } from './unsubscribe-panel';
