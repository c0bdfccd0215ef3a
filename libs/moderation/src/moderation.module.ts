import { Module, OnModuleInit } from '@nestjs/common';
import { ContributionsModule, ModeratorRemovals } from '@roundtable/contributions';
import { IdentityModule } from '@roundtable/identity';
import { LiveModule } from '@roundtable/live';
import { NotificationsCoreModule } from '@roundtable/notifications';
import { ModerationController } from './actions/moderation.controller';
import { ModerationService } from './actions/moderation.service';
import { AuditLog } from './audit/audit-log';
import { FlagsController } from './flags/flags.controller';
import { FlagsService } from './flags/flags.service';
import { ModerationCoreModule } from './moderation-core.module';
import { ModerationQueue } from './queue/moderation-queue';
import { ModeratedQuestions } from './queue/moderated-questions';
import { ModeratorAlerts } from './queue/moderator-alerts';
import { SpaceModerationController } from './queue/space-moderation.controller';
import { MyModerationController } from './sanctions/my-moderation.controller';
import { SanctionsService } from './sanctions/sanctions.service';
import { ModerationRateLimiter } from './shared/moderation-rate-limiter';

/** Pre- and post-moderation, flags, the live queue, member sanctions and the audit log. */
@Module({
  imports: [IdentityModule, ContributionsModule, LiveModule, ModerationCoreModule, NotificationsCoreModule],
  controllers: [ModerationController, FlagsController, SpaceModerationController, MyModerationController],
  providers: [
    ModerationService,
    FlagsService,
    ModerationQueue,
    ModeratedQuestions,
    ModeratorAlerts,
    AuditLog,
    SanctionsService,
    ModerationRateLimiter,
  ],
  exports: [SanctionsService, ModerationQueue, ModerationCoreModule],
})
export class ModerationModule implements OnModuleInit {
  constructor(
    private readonly removals: ModeratorRemovals,
    private readonly audit: AuditLog,
  ) {}

  /** A moderator's removal of a contribution (in contributions) goes on this lib's log, in its transaction. */
  onModuleInit(): void {
    this.removals.connect((manager, r) =>
      this.audit.record(manager, {
        spaceId: r.spaceId,
        actorId: r.moderatorId,
        action: 'delete',
        contributionId: r.contributionId,
        subjectUserId: r.authorId,
        fromStatus: r.fromStatus,
        toStatus: 'deleted',
      }),
    );
  }
}
