import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { MemberNoticesDto } from './sanction.dto';
import { MemberNotices } from './member-notices';

@ApiTags('moderation')
@Controller('me')
export class MyModerationController {
  constructor(private readonly notices: MemberNotices) {}

  @Get('moderation')
  @Access('signed-in')
  @ApiOperation({ summary: 'Your warnings and suspensions, and why your contributions were rejected, hidden or restored' })
  @ApiOkResponse({ type: MemberNoticesDto })
  mine(@CurrentAccess() access: RequestAccess): Promise<MemberNoticesDto> {
    return this.notices.forMember(access.user!.id);
  }
}
