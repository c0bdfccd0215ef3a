import { Module, OnModuleInit } from '@nestjs/common';
import { AccountErasure, IdentityModule } from '@roundtable/identity';
import { EditContribution } from './contributions/actions/edit-contribution';
import { ImportContribution } from './contributions/actions/import-contribution';
import { PostContribution } from './contributions/actions/post-contribution';
import { RemoveContribution } from './contributions/actions/remove-contribution';
import { ContributionReader } from './contributions/contribution-reader';
import { ContributionWriter } from './contributions/contribution-writer';
import { ContributionsRepository } from './contributions/contributions.repository';
import { ContributionsController } from './contributions/contributions.controller';
import { ContributionsService } from './contributions/contributions.service';
import { ListingCache } from './contributions/listing-cache';
import { ModeratorRemovals } from './contributions/moderator-removals';
import { PendingNotices } from './contributions/pending-notices';
import { SpaceContributionsController } from './contributions/space-contributions.controller';
import { OutboxModule } from './events/outbox.module';
import { SpaceEventLog } from './events/space-event-log';
import { DuplicateTextLimiter } from './rate-limits/duplicate-text-limiter';
import { PostingRateLimiter } from './rate-limits/posting-rate-limiter';
import { BodyRenderer } from './rendering/body-renderer';
import { ContributionTranslationsRepository } from './translations/contribution-translations.repository';

/** Contributions and replies, their edit history, and each space's event log. */
@Module({
  imports: [IdentityModule, OutboxModule],
  controllers: [SpaceContributionsController, ContributionsController],
  providers: [
    ContributionsService,
    ContributionReader,
    PostContribution,
    EditContribution,
    RemoveContribution,
    ImportContribution,
    ContributionWriter,
    SpaceEventLog,
    PostingRateLimiter,
    BodyRenderer,
    ListingCache,
    DuplicateTextLimiter,
    PendingNotices,
    ModeratorRemovals,
    ContributionsRepository,
    ContributionTranslationsRepository,
  ],
  exports: [
    ContributionsService,
    SpaceEventLog,
    BodyRenderer,
    PendingNotices,
    ModeratorRemovals,
    ContributionsRepository,
    ContributionTranslationsRepository,
  ],
})
export class ContributionsModule implements OnModuleInit {
  constructor(
    private readonly erasure: AccountErasure,
    private readonly events: SpaceEventLog,
  ) {}

  /** A deleted account's name goes from the event log in the deletion's transaction. */
  onModuleInit(): void {
    this.erasure.register('contributions', (manager, userId, shownAs) =>
      this.events.anonymiseAuthor(manager, userId, shownAs),
    );
  }
}
