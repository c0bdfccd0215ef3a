import { Module } from '@nestjs/common';
import { GlossaryController } from './glossary/glossary.controller';
import { GlossaryService } from './glossary/glossary.service';

/** The api side of translation: the glossary organisers edit. (Translating happens in the worker.) */
@Module({
  controllers: [GlossaryController],
  providers: [GlossaryService],
  exports: [GlossaryService],
})
export class TranslationModule {}
