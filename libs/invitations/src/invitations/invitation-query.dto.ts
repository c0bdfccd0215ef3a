import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@roundtable/core';
import { INVITATION_STATUSES, InvitationStatus } from '../lifecycle/invitation-status';
import { NO_NUL } from './create-invitations.dto';

/** `GET /roundtables/:id/invitations?status=&spaceId=&email=&limit=&cursor=` */
export class InvitationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INVITATION_STATUSES })
  @IsOptional()
  @IsIn(INVITATION_STATUSES, { message: `status must be one of: ${INVITATION_STATUSES.join(', ')}` })
  status?: InvitationStatus;

  /** Only invitations that open this question (those to the whole roundtable included). */
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only invitations that open this question (whole-roundtable ones included)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'spaceId must be a UUID' })
  spaceId?: string;

  /** Part of an address, any case. */
  @ApiPropertyOptional({ description: 'Part of an email address (any case)' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @Matches(NO_NUL, { message: 'email must not contain NUL characters' })
  email?: string;
}
