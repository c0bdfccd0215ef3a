import { Body, Controller, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { CorrectedTranslationDto, CorrectTranslationDto } from './translation-correction.dto';
import { TranslationCorrections } from './translation-corrections';

@ApiTags('translation')
@Controller('contributions')
export class TranslationCorrectionsController {
  constructor(private readonly corrections: TranslationCorrections) {}

  @Put(':id/translations/:lang')
  @Access('member', 'contribution')
  @ApiOperation({ summary: 'Correct the translation of a contribution into a language (its author or a moderator of the question)' })
  @ApiOkResponse({ type: CorrectedTranslationDto })
  @ApiBadRequestResponse({ description: 'The language is the original\'s, or not en, fr or es; or the text is empty or too long' })
  @ApiForbiddenResponse({ description: 'Neither the author nor a moderator of the question' })
  correct(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('lang') lang: string,
    @Body() body: CorrectTranslationDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<CorrectedTranslationDto> {
    return this.corrections.correct(access, id, lang, body.text);
  }
}
