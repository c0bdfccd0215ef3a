import { Module } from '@nestjs/common';
import { TranslationWorkerModule } from '@roundtable/translation';
import { SummaryTranslationProcessor } from './translation/summary-translation.processor';

/** Translating published summaries with the platform's translation engine (the worker process). */
@Module({
  imports: [TranslationWorkerModule],
  providers: [SummaryTranslationProcessor],
})
export class StocktakingWorkerModule {}
