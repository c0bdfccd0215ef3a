import { Module } from '@nestjs/common';
import { DigestsCoreModule } from './digests-core.module';
import { ModeratorDigestProcessor } from './jobs/moderator-digest.processor';

/** The weekly moderator digest scheduler and its jobs (the worker process). */
@Module({
  imports: [DigestsCoreModule],
  providers: [ModeratorDigestProcessor],
})
export class DigestsWorkerModule {}
