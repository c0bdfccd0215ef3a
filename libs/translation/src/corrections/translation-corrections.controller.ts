import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { TranslationDto } from '@roundtable/contributions';
import { CorrectTranslationDto } from './correct-translation.dto';
import { SentenceSuggestionsDto } from './sentence-suggestions.dto';
import { TranslationCorrectionsService } from './translation-corrections.service';

@ApiTags('translation')
@Controller('contributions')
export class TranslationCorrectionsController {
  constructor(private readonly corrections: TranslationCorrectionsService) {}

  @Put(':id/translations/:lang')
  @Access('member', 'contribution')
  @ApiOperation({
    summary: 'Correct the translation of a contribution into a language (its author and the moderators of the space)',
    description:
      'Stored as a human translation of the current version: shown to readers instead of the machine one, announced live ' +
      '(`contribution.translated` with `machine: false`), and replaced by a machine translation only when the original is edited.',
  })
  @ApiBody({ type: CorrectTranslationDto })
  @ApiOkResponse({ type: TranslationDto, description: 'The translation entry, `machine: false`' })
  @ApiBadRequestResponse({
    description: 'The original language, an unknown language or no text (message in your language)',
  })
  correct(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('lang') lang: string,
    // checked by the service, so that errors are in the member's language
    @Body() body: Record<string, unknown>,
    @CurrentAccess() access: RequestAccess,
  ): Promise<TranslationDto> {
    return this.corrections.correct(access, id, lang, body);
  }

  @Get(':id/translations/:lang/suggestions')
  @Access('member', 'contribution')
  @ApiOperation({
    summary:
      'Sentences of the original with close translations remembered from earlier corrections and imported memories',
  })
  @ApiOkResponse({ type: [SentenceSuggestionsDto] })
  suggestions(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('lang') lang: string,
    @CurrentAccess() access: RequestAccess,
  ): Promise<SentenceSuggestionsDto[]> {
    return this.corrections.suggestions(access, id, lang);
  }
}
