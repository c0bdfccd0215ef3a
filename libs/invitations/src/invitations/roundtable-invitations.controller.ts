import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { CreateInvitationsDto } from './create-invitations.dto';
import { InvitationPageDto, InviteResultDto } from './invitation.dto';
import { InvitationQueryDto } from './invitation-query.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@Controller('roundtables/:id/invitations')
export class RoundtableInvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @Access('organiser')
  @ApiOperation({
    summary: 'Invite people by email to this roundtable or some of its questions, with a role',
    description:
      'Up to 200 addresses per request. Emails are sent by the worker, in the chosen language (else the account’s, else the inviter’s). ' +
      'An address with a valid invitation to the same target gets nothing new (already_pending; use resend); an account that already holds the role gets nothing (already_member).',
  })
  @ApiCreatedResponse({ type: InviteResultDto })
  @ApiBadRequestResponse({
    description: 'No address, more than 200, an invalid address, or a question not of this roundtable',
  })
  invite(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateInvitationsDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<InviteResultDto> {
    return this.invitations.invite(id, body, access.user!);
  }

  @Get()
  @Access('organiser')
  @ApiOperation({ summary: 'Invitations of this roundtable, newest first, with their status and latest email' })
  @ApiOkResponse({ type: InvitationPageDto })
  list(@Param('id', ParseUUIDPipe) id: string, @Query() query: InvitationQueryDto): Promise<InvitationPageDto> {
    return this.invitations.list(id, query);
  }
}
