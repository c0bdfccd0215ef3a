/**
 * Notifications: what members are told happened to them — their contributions approved,
 * rejected, hidden or restored (with the moderator's reason), warnings and suspensions
 * (reason, end), replies to them, moderator digests and stocktaking summaries published in
 * their spaces. This library owns the `notifications` table, writing notices (in the
 * transaction of the decision, or from the worker's space-event handler), sending them
 * live to the member's sockets (`notification`, room `user:<id>`) after commit, their
 * wording in EN/FR/ES, and `/me/notifications`.
 */
export * from './notifications.module';
export * from './notifications-core.module';
export * from './notifications-worker.module';
export * from './notices/notification-kind';
export * from './notices/notification-text';
export * from './delivery/notification-push';
export * from './delivery/notification-writer';
export * from './reading/notification.dto';
export * from './reading/notifications.service';
export * from './sources/moderation-notifications';
export * from './sources/notification-event.handler';
