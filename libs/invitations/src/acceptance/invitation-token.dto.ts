import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { localisedRule } from '@roundtable/core';
import { INVITATIONS_MESSAGES as M } from '../invitations-messages';

/**
 * The token of an invitation link (`/invite/<token>`). It travels in the body, not in an
 * API address, so it stays out of access logs and proxies.
 */
export class InvitationTokenDto {
  @ApiProperty({
    description: 'The token from the invitation link',
    example: 'q3B8m2ZrX0k7wH5cN1vJ9tY4pL6sD2fG8hK0aQ3eR5u',
  })
  @IsString(localisedRule(M.tokenText))
  @MaxLength(200)
  token: string;
}
