export { categoryOf } from './notifications.categories';
export { notificationErrors } from './notifications.errors';
export { createNotificationsModule } from './notifications.module';
export { effectivePreferences, updatePreferences } from './notifications.preferences';
export { isQuiet, type QuietHours, quietUntil } from './notifications.quiet-hours';
export { listNotifications, markRead, type NotifyInput, notify } from './notifications.service';
