import { Module } from '@nestjs/common';
import { ContributionsModule } from '@roundtable/contributions';
import { ThemeAnalyser } from './analysis/theme-analyser';
import { DigestDrafter } from './digest/digest-drafter';
import { DigestsService } from './digest/digests.service';
import { ApertiumTextTranslator } from './translation/apertium-text-translator';
import { TEXT_TRANSLATOR } from './translation/text-translator';
import { TranslationMemory } from './translation/translation-memory';

/** Drafting, editing and publishing moderator digests, and the theme analysis stocktaking reuses; no routes, no queues. */
@Module({
  imports: [ContributionsModule],
  providers: [DigestsService, DigestDrafter, ThemeAnalyser, TranslationMemory, { provide: TEXT_TRANSLATOR, useClass: ApertiumTextTranslator }],
  exports: [DigestsService, ThemeAnalyser, TranslationMemory, TEXT_TRANSLATOR],
})
export class DigestsCoreModule {}
