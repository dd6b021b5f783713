export { notificationErrors } from './notifications.errors';
export { notificationRoutes } from './notifications.routes';
export { type NotifyInput, notify, registerNotificationJobs } from './notifications.service';
