import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { DigestDto, DigestQueryDto, UpdateDigestDto } from './digest.dto';
import { DigestsService } from './digests.service';

@ApiTags('digests')
@Controller('digests')
export class DigestsController {
  constructor(private readonly digests: DigestsService) {}

  @Get(':id')
  @Access('member', 'digest')
  @ApiOperation({
    summary:
      'A moderator digest: figures, most-discussed threads, themes with quotes, key points (members see the published version; with `lang`, its key points and theme labels machine-translated into that language once the worker has done it)',
  })
  @ApiOkResponse({ type: DigestDto })
  get(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DigestQueryDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<DigestDto> {
    return this.digests.get(id, access, query.lang);
  }

  @Patch(':id')
  @Access('moderator', 'digest')
  @ApiOperation({
    summary: 'Edit the key points: add, reword, drop, reorder, mark as priority (each edit is a new version)',
  })
  @ApiOkResponse({ type: DigestDto })
  edit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateDigestDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<DigestDto> {
    return this.digests.edit(id, body, access.user!.id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Access('moderator', 'digest')
  @ApiOperation({ summary: 'Publish the latest version to the members of the space' })
  @ApiOkResponse({ type: DigestDto })
  publish(@Param('id', ParseUUIDPipe) id: string, @CurrentAccess() access: RequestAccess): Promise<DigestDto> {
    return this.digests.publish(id, access.user!.id);
  }
}
