export { notificationErrors } from './notifications.errors';
export { createNotificationsModule } from './notifications.module';
export { type NotifyInput, notify } from './notifications.service';
