import { Module } from '@nestjs/common';
import { IdentityModule } from '@roundtable/identity';
import { ContributionWriter } from './contributions/contribution-writer';
import { ContributionsController } from './contributions/contributions.controller';
import { ContributionsService } from './contributions/contributions.service';
import { ListingCache } from './contributions/listing-cache';
import { PendingNotices } from './contributions/pending-notices';
import { SpaceContributionsController } from './contributions/space-contributions.controller';
import { SpaceEventLog } from './events/space-event-log';
import { DuplicateTextLimiter } from './rate-limits/duplicate-text-limiter';
import { PostingRateLimiter } from './rate-limits/posting-rate-limiter';
import { BodyRenderer } from './rendering/body-renderer';

/** Contributions and replies, their edit history, and each space's event log. */
@Module({
  imports: [IdentityModule],
  controllers: [SpaceContributionsController, ContributionsController],
  providers: [ContributionsService, ContributionWriter, SpaceEventLog, PostingRateLimiter, BodyRenderer, ListingCache, DuplicateTextLimiter, PendingNotices],
  exports: [ContributionsService, SpaceEventLog, BodyRenderer, PendingNotices],
})
export class ContributionsModule {}
