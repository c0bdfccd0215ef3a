import { Module } from '@nestjs/common';
import { TranslationEngineModule } from '@roundtable/translation';
import { DigestsCoreModule } from './digests-core.module';
import { ModeratorDigestProcessor } from './jobs/moderator-digest.processor';
import { DigestTranslationProcessor } from './translation/digest-translation.processor';

/** The weekly moderator digest scheduler and its jobs, and the translation of published digests for members (the worker process). */
@Module({
  imports: [DigestsCoreModule, TranslationEngineModule],
  providers: [ModeratorDigestProcessor, DigestTranslationProcessor],
})
export class DigestsWorkerModule {}
