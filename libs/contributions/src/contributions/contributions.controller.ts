import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { ContributionDto, EditDto, ReadContributionQueryDto, UpdateContributionDto } from './contribution.dto';
import { ContributionsService } from './contributions.service';

@ApiTags('contributions')
@Controller('contributions')
export class ContributionsController {
  constructor(private readonly contributions: ContributionsService) {}

  @Get(':id')
  @Access('member', 'contribution')
  @ApiOperation({ summary: 'One contribution' })
  @ApiOkResponse({ type: ContributionDto })
  get(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ReadContributionQueryDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<ContributionDto> {
    return this.contributions.get(access, id, query.lang);
  }

  @Patch(':id')
  @Access('member', 'contribution')
  @ApiOperation({ summary: 'Edit your contribution (keeps the previous text in its history)' })
  @ApiOkResponse({ type: ContributionDto })
  edit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateContributionDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<ContributionDto> {
    return this.contributions.edit(access, id, body.body);
  }

  @Delete(':id')
  @Access('member', 'contribution')
  @ApiOperation({ summary: 'Delete (author or moderator); replies stay' })
  @ApiOkResponse({ type: ContributionDto })
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentAccess() access: RequestAccess): Promise<ContributionDto> {
    return this.contributions.remove(access, id);
  }

  @Get(':id/history')
  @Access('member', 'contribution')
  @ApiOperation({ summary: 'Earlier versions of a contribution (author and moderators)' })
  @ApiOkResponse({ type: [EditDto] })
  history(@Param('id', ParseUUIDPipe) id: string, @CurrentAccess() access: RequestAccess): Promise<EditDto[]> {
    return this.contributions.history(access, id);
  }
}
