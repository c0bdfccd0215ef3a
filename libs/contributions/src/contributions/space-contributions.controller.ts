import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Access, assertNotSuspended, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { SpaceEventLog } from '../events/space-event-log';
import { ContributionDto, ContributionPageDto, CreateContributionDto, EventsQueryDto, ListContributionsQueryDto, SpaceEventPageDto, TranslationDto } from './contribution.dto';
import { ContributionsService, viewerOf } from './contributions.service';

@ApiTags('contributions')
// referenced by name from ContributionDto.translations, so it must be in the document's schemas
@ApiExtraModels(TranslationDto)
@Controller('spaces')
export class SpaceContributionsController {
  constructor(
    private readonly contributions: ContributionsService,
    private readonly eventLog: SpaceEventLog,
  ) {}

  @Post(':id/contributions')
  @Access('member', 'space')
  @ApiOperation({ summary: 'Post a contribution, or a reply with parentId' })
  @ApiConflictResponse({ description: 'The space is closed or archived' })
  @ApiTooManyRequestsResponse({ description: 'Posting too fast' })
  post(@Param('id', ParseUUIDPipe) _id: string, @Body() body: CreateContributionDto, @CurrentAccess() access: RequestAccess): Promise<ContributionDto> {
    return this.contributions.post(access, body);
  }

  @Get(':id/contributions')
  @Access('member', 'space')
  @Header('content-type', 'application/json; charset=utf-8')
  @ApiOperation({ summary: "A page of the space's contributions (rebuild threads from parentId)" })
  @ApiOkResponse({ type: ContributionPageDto })
  list(@Param('id', ParseUUIDPipe) _id: string, @Query() query: ListContributionsQueryDto, @CurrentAccess() access: RequestAccess): Promise<string> {
    return this.contributions.listJson(access, query);
  }

  @Get(':id/events')
  @Access('member', 'space')
  @ApiOperation({ summary: "The space's events after afterSeq, in order (catch-up)" })
  async events(@Param('id', ParseUUIDPipe) id: string, @Query() query: EventsQueryDto, @CurrentAccess() access: RequestAccess): Promise<SpaceEventPageDto> {
    assertNotSuspended(access); // a suspended member does not catch up until the suspension ends
    const afterSeq = Number(query.afterSeq ?? 0);
    const limit = Math.min(Math.max(Number(query.limit ?? 500), 1), 1000);
    const [items, lastSeq] = await Promise.all([
      this.eventLog.readAfter(id, afterSeq, limit, viewerOf(access)),
      this.eventLog.lastSeq(id),
    ]);
    const last = items[items.length - 1];
    return {
      items: items.map((e) => ({ ...e, createdAt: e.createdAt! })),
      lastSeq,
      nextCursor: last && last.seq < lastSeq ? String(last.seq) : null,
    };
  }
}
