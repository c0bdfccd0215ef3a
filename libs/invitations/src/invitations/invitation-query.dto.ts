import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { localisedRule, PageQueryDto, VALIDATION_MESSAGES as V } from '@roundtable/core';
import { INVITATION_STATUSES, InvitationStatus } from '../lifecycle/invitation-status';
import { NO_NUL } from './create-invitations.dto';
import { INVITATIONS_MESSAGES as M } from '../invitations-messages';

/** `GET /roundtables/:id/invitations?status=&spaceId=&email=&limit=&cursor=` */
export class InvitationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INVITATION_STATUSES })
  @IsOptional()
  @IsIn(INVITATION_STATUSES, localisedRule(V.isIn, { field: 'status', values: INVITATION_STATUSES.join(', ') }))
  status?: InvitationStatus;

  /** Only invitations that open this question (those to the whole roundtable included). */
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only invitations that open this question (whole-roundtable ones included)',
  })
  @IsOptional()
  @IsUUID('all', localisedRule(M.spaceIdUuid))
  spaceId?: string;

  /** Part of an address, any case. */
  @ApiPropertyOptional({ description: 'Part of an email address (any case)' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @Matches(NO_NUL, localisedRule(V.noNul, { field: 'email' }))
  email?: string;
}
