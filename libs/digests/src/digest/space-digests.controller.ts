import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { DigestDto, DigestListDto, DigestQueryDto, PeriodDto } from './digest.dto';
import { DigestsService } from './digests.service';
import { parsePeriod } from './period';

@ApiTags('digests')
@Controller('spaces')
export class SpaceDigestsController {
  constructor(private readonly digests: DigestsService) {}

  @Post(':id/digests')
  @Access('moderator', 'space')
  @ApiOperation({
    summary: 'Draft the moderator digest of this space for a period (also drafted weekly by the scheduler)',
  })
  @ApiCreatedResponse({ type: DigestDto })
  draft(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PeriodDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<DigestDto> {
    return this.digests.draftOnDemand(id, parsePeriod(body), access.user!.id);
  }

  @Get(':id/digests')
  @Access('member', 'space')
  @ApiOperation({
    summary:
      "This space's moderator digests, newest first (drafts for its moderators and rapporteurs only); with `lang`, each published version's key points and theme labels machine-translated into that language once the worker has done it, as `GET /digests/:id` gives them",
  })
  @ApiOkResponse({ type: DigestListDto })
  list(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DigestQueryDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<DigestListDto> {
    return this.digests.list(id, access, query.lang);
  }
}
