import { Module, OnModuleInit } from '@nestjs/common';
import { AccountErasure, IdentityModule } from '@roundtable/identity';
import { NotificationWriter } from './delivery/notification-writer';
import { NotificationsCoreModule } from './notifications-core.module';
import { NotificationsController } from './reading/notifications.controller';

/** The api side: the member reads and marks their notices (`/me/notifications`). */
@Module({
  imports: [IdentityModule, NotificationsCoreModule],
  controllers: [NotificationsController],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly erasure: AccountErasure,
    private readonly writer: NotificationWriter,
  ) {}

  /** A deleted account's notices go with it, and others' notices of its replies forget its name and words. */
  onModuleInit(): void {
    this.erasure.register('notifications', (manager, userId, shownAs) =>
      this.writer.eraseAccount(manager, userId, shownAs),
    );
  }
}
