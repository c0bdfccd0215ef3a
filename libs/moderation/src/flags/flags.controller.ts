import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Access, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { CreateFlagDto, FlagDto } from './flag.dto';
import { FlagsService } from './flags.service';

@ApiTags('moderation')
@Controller('contributions')
export class FlagsController {
  constructor(private readonly flags: FlagsService) {}

  @Post(':id/flags')
  @Access('member', 'contribution')
  @ApiOperation({
    summary: "Flag a contribution for the moderators (once per member); enough members' flags hide it pending review",
  })
  @ApiCreatedResponse({ type: FlagDto })
  @ApiConflictResponse({ description: 'Already flagged by you, your own, or not published (hidden, deleted)' })
  @ApiTooManyRequestsResponse({ description: 'Flagging too fast' })
  flag(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateFlagDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<FlagDto> {
    return this.flags.flag(access, id, body);
  }
}
