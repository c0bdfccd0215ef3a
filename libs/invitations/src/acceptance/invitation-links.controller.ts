import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Access, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { AcceptedInvitationDto, InvitationPreviewDto } from './invitation-preview.dto';
import { InvitationAcceptance } from './invitation-acceptance';
import { InvitationTokenDto } from './invitation-token.dto';

/** The routes behind an invitation link (`${APP_URL}/invite/<token>`); the token comes in the body. */
@ApiTags('invitations')
@Controller('invitations')
export class InvitationLinksController {
  constructor(private readonly acceptance: InvitationAcceptance) {}

  @Post('lookup')
  @HttpCode(200)
  @Access('public')
  @ApiOperation({
    summary: 'What an invitation link opens, who sent it, and whether it is still pending, used, revoked or expired',
  })
  @ApiOkResponse({ type: InvitationPreviewDto })
  @ApiNotFoundResponse({ description: 'No invitation has this token (or it was replaced by a newer email)' })
  lookup(@Body() body: InvitationTokenDto): Promise<InvitationPreviewDto> {
    return this.acceptance.preview(body.token);
  }

  @Post('accept')
  @HttpCode(200)
  @Access('signed-in')
  @ApiOperation({
    summary:
      'Accept an invitation as the signed-in account (its email need not be the invited one): membership and role are given, the link is used',
  })
  @ApiOkResponse({ type: AcceptedInvitationDto })
  @ApiNotFoundResponse({ description: 'No invitation has this token' })
  @ApiConflictResponse({ description: 'The invitation was already used' })
  @ApiGoneResponse({ description: 'The invitation expired or was revoked' })
  accept(@Body() body: InvitationTokenDto, @CurrentAccess() access: RequestAccess): Promise<AcceptedInvitationDto> {
    return this.acceptance.accept(body.token, access.user!);
  }
}
