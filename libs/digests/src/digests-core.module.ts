import { Module } from '@nestjs/common';
import { ContributionsModule } from '@roundtable/contributions';
import { TranslationEngineModule } from '@roundtable/translation';
import { ThemeAnalyser } from './analysis/theme-analyser';
import { DigestDrafter } from './digest/digest-drafter';
import { DigestsService } from './digest/digests.service';
import { DigestReaderTranslations } from './translation/reader-translations';
import { TranslationMemory } from './translation/translation-memory';

/** Drafting, editing and publishing moderator digests, and the theme analysis stocktaking reuses; no routes, no queues. */
@Module({
  imports: [ContributionsModule, TranslationEngineModule],
  providers: [DigestsService, DigestDrafter, ThemeAnalyser, TranslationMemory, DigestReaderTranslations],
  exports: [DigestsService, ThemeAnalyser, TranslationMemory],
})
export class DigestsCoreModule {}
