import { Module } from '@nestjs/common';
import { IdentityWorkerModule } from '@roundtable/identity';
import { MailModule } from '@roundtable/mail';
import { DigestContentLoader } from './content/digest-content-loader';
import { DigestDeliveries } from './delivery/digest-deliveries';
import { MemberDigestMailer } from './email/member-digest-mailer';
import { DeliverMemberDigest } from './jobs/deliver-member-digest';
import { DigestClaimSweeper } from './jobs/digest-claim-sweeper';
import { DigestRunProcessor } from './jobs/digest-run.processor';
import { DigestSchedule } from './jobs/digest-schedule';
import { MemberDigestProcessor } from './jobs/member-digest.processor';
import { DigestFanOut } from './runs/digest-fan-out';
import { UnsubscribeTokens } from './unsubscribe/unsubscribe-tokens';

/**
 * Weekly member digests, the worker side: the per-consultation schedulers, the run
 * fan-out, one delivery job per member (claim → render → send → complete) and the
 * sweeper of expired claims.
 */
@Module({
  imports: [MailModule, IdentityWorkerModule],
  providers: [
    DigestDeliveries,
    DigestContentLoader,
    MemberDigestMailer,
    UnsubscribeTokens,
    DeliverMemberDigest,
    DigestFanOut,
    MemberDigestProcessor,
    DigestRunProcessor,
    DigestSchedule,
    DigestClaimSweeper,
  ],
  exports: [DigestDeliveries, DigestSchedule, DigestClaimSweeper, DeliverMemberDigest],
})
export class MemberDigestsWorkerModule {}
