import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ContributionDto } from '@roundtable/contributions';
import { Access, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { ModerationActionDto } from './moderation-action.dto';
import { ModerationService } from './moderation.service';

@ApiTags('moderation')
@Controller('contributions')
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Post(':id/moderation')
  @HttpCode(200)
  @Access('moderator', 'contribution')
  @ApiOperation({
    summary: 'Moderate a contribution: approve, reject, hide, restore, pin, unpin, lock, unlock or resolve its flags',
  })
  @ApiOkResponse({ type: ContributionDto, description: 'The contribution as moderators now see it' })
  @ApiConflictResponse({ description: 'Impossible in its current status' })
  @ApiTooManyRequestsResponse({ description: 'Moderating too fast' })
  act(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ModerationActionDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<ContributionDto> {
    return this.moderation.act(access, id, body.action, body.reason);
  }
}
