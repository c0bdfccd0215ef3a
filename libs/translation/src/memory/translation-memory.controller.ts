import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, fill } from '@roundtable/core';
import { Access, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { readTmx, TmxError } from './tmx-reader';
import { TmxImportDto, TmxImportResultDto } from './tmx-import.dto';
import { TranslationMemory } from './translation-memory';
import { TRANSLATION_MESSAGES as M } from '../translation-messages';

@ApiTags('translation')
@Controller('translation-memory')
export class TranslationMemoryController {
  constructor(private readonly memory: TranslationMemory) {}

  @Post('import')
  @Access('organiser')
  @ApiOperation({
    summary:
      'Import a translation memory (TMX): its sentences are then translated as it says, and offered to people correcting translations',
  })
  @ApiCreatedResponse({ type: TmxImportResultDto })
  @ApiBadRequestResponse({ description: 'Not a readable TMX file; the message names the line' })
  async import(@Body() body: TmxImportDto, @CurrentAccess() access: RequestAccess): Promise<TmxImportResultDto> {
    let content;
    try {
      content = readTmx(body.tmx);
    } catch (err) {
      if (err instanceof TmxError) throw DomainError.badRequest(fill(M.badTmx, { detail: err.message }), 'bad_tmx');
      throw err;
    }
    const remembered = await this.memory.remember(content.pairs, 'import', access.user!.id);
    return { units: content.units, remembered, skippedLanguages: content.skippedLanguages };
  }
}
