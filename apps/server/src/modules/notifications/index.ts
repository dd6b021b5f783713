export { categoryOf } from './notifications.categories';
export { notificationErrors } from './notifications.errors';
export { createNotificationsModule } from './notifications.module';
export { listNotifications, type NotifyInput, notify } from './notifications.service';
