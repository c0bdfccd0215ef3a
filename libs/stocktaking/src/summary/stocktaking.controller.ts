import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DomainError, fill, LANGUAGES } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { Access, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { StocktakingService } from './stocktaking.service';
import {
  ExportQueryDto,
  RecompileDto,
  RecompileResultDto,
  SummaryDto,
  SummaryQueryDto,
  UpdateSummaryDto,
} from './summary.dto';
import { SummaryExporter } from './summary-exporter';
import { ReviewTranslationDto, SummaryTranslationReview, TranslationReviewDto } from './translation-review';
import { STOCKTAKING_MESSAGES as M } from '../stocktaking-messages';

function language(value: string): Language {
  if (!(LANGUAGES as readonly string[]).includes(value))
    throw DomainError.badRequest(fill(M.badLanguage, { languages: LANGUAGES.join(', ') }));
  return value as Language;
}

@ApiTags('stocktaking')
@Controller('stocktaking')
export class StocktakingController {
  constructor(
    private readonly summaries: StocktakingService,
    private readonly exporter: SummaryExporter,
    private readonly reviews: SummaryTranslationReview,
  ) {}

  @Get(':id/translations/:lang')
  @Access('rapporteur', 'stocktaking')
  @ApiOperation({
    summary:
      "The published version's machine translation into a language, text by text, with your corrections and whether it was reviewed",
  })
  @ApiOkResponse({ type: TranslationReviewDto })
  translation(@Param('id', ParseUUIDPipe) id: string, @Param('lang') lang: string): Promise<TranslationReviewDto> {
    return this.reviews.get(id, language(lang));
  }

  @Post(':id/translations/:lang/review')
  @HttpCode(200)
  @Access('rapporteur', 'stocktaking')
  @ApiOperation({
    summary:
      'Review the machine translation into a language: correct texts, or accept it as it is; it then becomes the official text in that language',
  })
  @ApiOkResponse({ type: TranslationReviewDto })
  review(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('lang') lang: string,
    @Body() body: ReviewTranslationDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<TranslationReviewDto> {
    return this.reviews.review(id, language(lang), body, access.user!.id);
  }

  @Get(':id')
  @Access('viewer', 'stocktaking')
  @ApiOperation({ summary: 'A stocktaking summary in a language (a draft only for the staff of its roundtable)' })
  @ApiOkResponse({ type: SummaryDto })
  get(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SummaryQueryDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<SummaryDto> {
    return this.summaries.get(id, access, query.lang ?? 'en');
  }

  @Patch(':id')
  @Access('rapporteur', 'stocktaking')
  @ApiOperation({
    summary:
      'Edit sections: introduction, participation text, and each list (reword, drop, reorder, add); each edit is a new version',
  })
  @ApiOkResponse({ type: SummaryDto })
  edit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateSummaryDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<SummaryDto> {
    return this.summaries.edit(id, body, access.user!.id);
  }

  @Post(':id/recompile')
  @HttpCode(200)
  @Access('rapporteur', 'stocktaking')
  @ApiOperation({
    summary: 'Compile again from the published digests, keeping your edits: a preview, saved only with confirm: true',
  })
  @ApiOkResponse({ type: RecompileResultDto })
  recompile(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecompileDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<RecompileResultDto> {
    return this.summaries.recompile(id, body.confirm ?? false, body.expectedVersion, access.user!.id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Access('rapporteur', 'stocktaking')
  @ApiOperation({ summary: 'Publish the latest version (then translated into the other languages)' })
  @ApiOkResponse({ type: SummaryDto })
  publish(@Param('id', ParseUUIDPipe) id: string, @CurrentAccess() access: RequestAccess): Promise<SummaryDto> {
    return this.summaries.publish(id, access.user!.id);
  }

  @Get(':id/export')
  @Access('viewer', 'stocktaking')
  @ApiOperation({ summary: 'Download the summary as Markdown, HTML, PDF or DOCX' })
  @ApiProduces(
    'text/markdown',
    'text/html',
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  )
  @ApiOkResponse({ description: 'The file' })
  async export(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ExportQueryDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<StreamableFile> {
    const file = await this.exporter.export(id, access, query.format, query.lang ?? 'en');
    return new StreamableFile(file.body, {
      type: file.type,
      disposition: `attachment; filename="${file.filename}"`,
      length: file.body.length,
    });
  }
}
