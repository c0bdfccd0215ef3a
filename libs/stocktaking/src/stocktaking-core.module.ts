import { Module } from '@nestjs/common';
import { AppConfig } from '@roundtable/core';
import { ContributionsModule } from '@roundtable/contributions';
import { DigestsCoreModule } from '@roundtable/digests';
import { SummaryCompiler } from './compile/summary-compiler';
import { ExtractiveSummariser } from './summariser/extractive-summariser';
import { OpenAiSummariser } from './summariser/openai-summariser';
import { SUMMARISER } from './summariser/summariser';
import { ConsultationSynthesis } from './summary/consultation-synthesis';
import { StocktakingService } from './summary/stocktaking.service';
import { SummaryTranslationReview } from './summary/translation-review';
import { SummaryExporter } from './summary/summary-exporter';
import { SummaryView } from './summary/summary-view';

/** Compiling, editing, publishing and exporting stocktaking summaries; no routes, no queues. */
@Module({
  imports: [ContributionsModule, DigestsCoreModule],
  providers: [
    SummaryCompiler,
    SummaryView,
    StocktakingService,
    SummaryExporter,
    ConsultationSynthesis,
    SummaryTranslationReview,
    {
      provide: SUMMARISER,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        config.SUMMARISER === 'openai' ? new OpenAiSummariser(config) : new ExtractiveSummariser(),
    },
  ],
  exports: [StocktakingService, SummaryExporter, ConsultationSynthesis, SummaryTranslationReview, DigestsCoreModule],
})
export class StocktakingCoreModule {}
