import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { InvitationDto } from './invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@Controller('invitations/:id')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('revoke')
  @HttpCode(200)
  @Access('organiser')
  @ApiOperation({ summary: 'Withdraw an invitation: its link stops working; an email not yet sent is not sent' })
  @ApiOkResponse({ type: InvitationDto })
  @ApiConflictResponse({ description: 'Already accepted or revoked' })
  revoke(@Param('id', ParseUUIDPipe) id: string, @CurrentAccess() access: RequestAccess): Promise<InvitationDto> {
    return this.invitations.revoke(id, access.user!);
  }

  @Post('resend')
  @HttpCode(202)
  @Access('organiser')
  @ApiOperation({
    summary:
      'Send the invitation again with a fresh link and a new expiry (the previous link stops working); pending or expired only',
  })
  @ApiAcceptedResponse({ type: InvitationDto })
  @ApiConflictResponse({ description: 'Already accepted or revoked' })
  resend(@Param('id', ParseUUIDPipe) id: string): Promise<InvitationDto> {
    return this.invitations.resend(id);
  }
}
