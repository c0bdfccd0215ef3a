import { Module } from '@nestjs/common';
import { NotificationPush } from './delivery/notification-push';
import { NotificationWriter } from './delivery/notification-writer';
import { NotificationsService } from './reading/notifications.service';
import { ModerationNotifications } from './sources/moderation-notifications';

/**
 * Writing notices and sending them live, for the capabilities whose decisions produce
 * them (moderation in the api, the worker's event handler): database and Redis only.
 */
@Module({
  providers: [NotificationsService, NotificationPush, NotificationWriter, ModerationNotifications],
  exports: [NotificationsService, NotificationWriter, ModerationNotifications],
})
export class NotificationsCoreModule {}
