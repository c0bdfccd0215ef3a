import { Module } from '@nestjs/common';
import { IdentityModule } from '@roundtable/identity';
import { NotificationsCoreModule } from './notifications-core.module';
import { NotificationsController } from './reading/notifications.controller';

/** The api side: the member reads and marks their notices (`/me/notifications`). */
@Module({
  imports: [IdentityModule, NotificationsCoreModule],
  controllers: [NotificationsController],
})
export class NotificationsModule {}
