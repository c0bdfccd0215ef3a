import { Module } from '@nestjs/common';
import { TranslationCorrectionsController } from './corrections/translation-corrections.controller';
import { TranslationCorrectionsService } from './corrections/translation-corrections.service';
import { GlossaryController } from './glossary/glossary.controller';
import { GlossaryService } from './glossary/glossary.service';
import { TranslationMemory } from './memory/translation-memory';
import { TranslationMemoryController } from './memory/translation-memory.controller';
import { TranslationRequestsModule } from './translation-requests.module';

/**
 * The api side of translation: the glossary organisers edit, people's corrections of
 * translations and the translation memory they feed. (Machine translation happens in the worker.)
 */
@Module({
  imports: [TranslationRequestsModule],
  controllers: [GlossaryController, TranslationCorrectionsController, TranslationMemoryController],
  providers: [GlossaryService, TranslationMemory, TranslationCorrectionsService],
  exports: [GlossaryService, TranslationMemory],
})
export class TranslationModule {}
