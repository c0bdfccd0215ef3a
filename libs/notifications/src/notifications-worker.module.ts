import { Module } from '@nestjs/common';
import { NotificationsCoreModule } from './notifications-core.module';
import { NotificationEventHandler } from './sources/notification-event.handler';

/** The worker side: notices for replies and for published digests and summaries. */
@Module({
  imports: [NotificationsCoreModule],
  providers: [NotificationEventHandler],
  exports: [NotificationEventHandler],
})
export class NotificationsWorkerModule {}
