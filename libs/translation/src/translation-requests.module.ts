import { Module } from '@nestjs/common';
import { ContributionsModule } from '@roundtable/contributions';
import { LanguageDetector } from './detection/language-detector';
import { TranslationRequests } from './jobs/translation-requests';
import { TranslationStore } from './jobs/translation-store';

/**
 * Language detection and the queueing of missing translations: what the worker and the
 * CLI (`translate --missing`) share. Loads eld's database on first use.
 */
@Module({
  imports: [ContributionsModule],
  providers: [LanguageDetector, TranslationStore, TranslationRequests],
  exports: [LanguageDetector, TranslationStore, TranslationRequests],
})
export class TranslationRequestsModule {}
