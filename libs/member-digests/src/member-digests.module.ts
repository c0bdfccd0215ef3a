import { Module } from '@nestjs/common';
import { IdentityModule } from '@roundtable/identity';
import { DigestRunRequests } from './runs/digest-run-requests';
import { DigestRunsController } from './runs/digest-runs.controller';
import { OneClickBodyParser } from './unsubscribe/one-click-body-parser';
import { UnsubscribeController } from './unsubscribe/unsubscribe.controller';
import { UnsubscribeTokens } from './unsubscribe/unsubscribe-tokens';
import { Unsubscriptions } from './unsubscribe/unsubscriptions';

/**
 * Weekly member digests, the api side: `POST /admin/digest-emails/run` (queues runs) and
 * the one-click unsubscribe routes. Rendering and sending happen in the worker
 * ({@link MemberDigestsWorkerModule}).
 */
@Module({
  imports: [IdentityModule],
  controllers: [DigestRunsController, UnsubscribeController],
  providers: [DigestRunRequests, UnsubscribeTokens, Unsubscriptions, OneClickBodyParser],
  exports: [UnsubscribeTokens],
})
export class MemberDigestsModule {}
