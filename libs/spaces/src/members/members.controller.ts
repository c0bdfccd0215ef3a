import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@roundtable/identity';
import { MemberPageDto, MemberQueryDto } from './member.dto';
import { MemberDirectory } from './member-directory';

/**
 * The member directory of a space. Moderators (and organisers) only: names and
 * organisations are public next to a member's own contributions, but a list of everyone
 * who joined would also name those who only read, and their suspensions; in a consultation
 * where taking part can expose people (civil society from some States, migrants'
 * organisations) that is not the platform's to publish. Emails are never in it.
 */
@ApiTags('structure')
@Controller('spaces')
export class SpaceMembersController {
  constructor(private readonly directory: MemberDirectory) {}

  @Get(':id/members')
  @Access('moderator', 'space')
  @ApiOperation({
    summary:
      'The members of this space and its roundtable staff, found by a part of their name or organisation (moderators)',
  })
  @ApiOkResponse({ type: MemberPageDto })
  list(@Param('id', ParseUUIDPipe) id: string, @Query() query: MemberQueryDto): Promise<MemberPageDto> {
    return this.directory.page(id, query);
  }
}
