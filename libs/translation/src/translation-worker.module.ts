import { Module } from '@nestjs/common';
import { SpacesModule } from '@roundtable/spaces';
import { GlossaryService } from './glossary/glossary.service';
import { TranslateContributionJob } from './jobs/translate-contribution.job';
import { TranslatePromptJob } from './jobs/translate-prompt.job';
import { TranslationEventHandler } from './jobs/translation-event.handler';
import { TranslationSweeper } from './jobs/translation-sweeper';
import { TranslationsProcessor } from './jobs/translations.processor';
import { ProviderLifecycle } from './providers/provider-lifecycle';
import { TranslationEngineModule } from './translation-engine.module';
import { TranslationRequestsModule } from './translation-requests.module';

/**
 * The worker side of translation: the translations queue's processor, the space-event
 * handler that queues jobs, the sweeper, and the engine with its provider and memory (Apertium's
 * pipelines are started at boot and kept warm).
 */
@Module({
  imports: [TranslationRequestsModule, TranslationEngineModule, SpacesModule],
  providers: [
    ProviderLifecycle,
    GlossaryService,
    TranslateContributionJob,
    TranslatePromptJob,
    TranslationsProcessor,
    TranslationEventHandler,
    TranslationSweeper,
  ],
  exports: [TranslationEventHandler, TranslationEngineModule],
})
export class TranslationWorkerModule {}
