import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { TranslationEngine } from './engine/translation-engine';
import { GlossaryService } from './glossary/glossary.service';
import { TranslationMemory } from './memory/translation-memory';
import { ApertiumProvider } from './providers/apertium.provider';
import { TRANSLATION_PROVIDER, TranslationProvider } from './providers/translation-provider';
import { translationProviderFactory } from './providers/translation-provider.factory';

/** Stops Apertium's pipelines (started on first use) with the process. */
@Injectable()
class ProviderShutdown implements OnApplicationShutdown {
  constructor(@Inject(TRANSLATION_PROVIDER) private readonly provider: TranslationProvider) {}

  onApplicationShutdown(): void {
    if (this.provider instanceof ApertiumProvider) this.provider.stop();
  }
}

/**
 * The translation engine with the configured provider, the glossary and the translation
 * memory: one engine per
 * process for everything that translates (contributions, prompts, summaries, theme analysis).
 */
@Module({
  providers: [translationProviderFactory, GlossaryService, TranslationMemory, TranslationEngine, ProviderShutdown],
  exports: [TranslationEngine, TranslationMemory, TRANSLATION_PROVIDER],
})
export class TranslationEngineModule {}
