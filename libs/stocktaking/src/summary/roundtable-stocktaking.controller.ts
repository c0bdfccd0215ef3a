import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parsePeriod, PeriodDto } from '@roundtable/digests';
import { Access, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { ConsultationSynthesis, ConsultationSynthesisDto } from './consultation-synthesis';
import { StocktakingService } from './stocktaking.service';
import { SummaryDto, SummaryListDto, SummaryQueryDto } from './summary.dto';

@ApiTags('stocktaking')
@Controller('roundtables')
export class RoundtableStocktakingController {
  constructor(private readonly summaries: StocktakingService) {}

  @Post(':id/stocktaking')
  @Access('rapporteur', 'roundtable')
  @ApiOperation({
    summary:
      'Compile a draft stocktaking summary of this roundtable for a period, from the published moderator digests',
  })
  @ApiCreatedResponse({ type: SummaryDto })
  compile(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PeriodDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<SummaryDto> {
    return this.summaries.compile(id, parsePeriod(body), access.user!.id);
  }

  @Get(':id/stocktaking')
  @Access('viewer', 'roundtable')
  @ApiOperation({ summary: "This roundtable's stocktaking summaries, newest first (drafts for its staff only)" })
  @ApiOkResponse({ type: SummaryListDto })
  list(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SummaryQueryDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<SummaryListDto> {
    return this.summaries.list(id, access, query.lang ?? 'en');
  }
}

@ApiTags('stocktaking')
@Controller('consultations')
export class ConsultationStocktakingController {
  constructor(private readonly synthesis: ConsultationSynthesis) {}

  @Get(':id/stocktaking')
  @Access('signed-in')
  @ApiOperation({
    summary:
      'The consultation-level stocktaking: the published summaries of its roundtables together, with a section per UN M49 region',
  })
  @ApiOkResponse({ type: ConsultationSynthesisDto })
  get(@Param('id', ParseUUIDPipe) id: string, @Query() query: SummaryQueryDto): Promise<ConsultationSynthesisDto> {
    return this.synthesis.compile(id, query.lang ?? 'en');
  }
}
