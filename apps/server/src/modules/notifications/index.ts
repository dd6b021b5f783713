export { categoryOf } from './notifications.categories';
export { notificationErrors } from './notifications.errors';
export { createNotificationsModule } from './notifications.module';
export { updatePreferences } from './notifications.preferences';
export { listNotifications, markRead, type NotifyInput, notify } from './notifications.service';
