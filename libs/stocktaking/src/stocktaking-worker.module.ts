import { Module } from '@nestjs/common';
import { DigestsCoreModule } from '@roundtable/digests';
import { SummaryTranslationProcessor } from './translation/summary-translation.processor';

/** Translating published summaries (the worker process). */
@Module({
  imports: [DigestsCoreModule],
  providers: [SummaryTranslationProcessor],
})
export class StocktakingWorkerModule {}
