import { Module } from '@nestjs/common';
import { TranslationCorrectionsController } from './corrections/translation-corrections.controller';
import { TranslationCorrections } from './corrections/translation-corrections';
import { GlossaryController } from './glossary/glossary.controller';
import { GlossaryService } from './glossary/glossary.service';
import { TranslationStore } from './jobs/translation-store';

/**
 * The api side of translation: the glossary organisers edit, and the corrections authors
 * and moderators make to translations. (Machine translating happens in the worker.)
 */
@Module({
  controllers: [GlossaryController, TranslationCorrectionsController],
  providers: [GlossaryService, TranslationStore, TranslationCorrections],
  exports: [GlossaryService],
})
export class TranslationModule {}
