/**
 * The notifications capsule's public surface: import `NotificationsModule`, inject
 * `NotificationsService` and call `notify(userId, notification, { manager })`.
 */
export { NotificationsModule } from './notifications.module';
export { NotificationsService } from './domain/notifications.service';
export type { NotifyOptions } from './domain/notifications.service';
export type { Notification, RecordedDelivery } from './domain/notification';
