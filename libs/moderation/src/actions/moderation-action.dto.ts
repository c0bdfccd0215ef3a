import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { localisedRule, VALIDATION_MESSAGES as V } from '@roundtable/core';
import { MODERATION_ACTIONS, ModerationAction } from './moderation-actions';

export class ModerationActionDto {
  @ApiProperty({
    enum: MODERATION_ACTIONS,
    description:
      'approve / reject a pending contribution; hide / restore a published one; pin, unpin; lock, unlock its thread (no new replies under it); ' +
      'resolve: close its open flags, keeping its status',
  })
  @IsIn(MODERATION_ACTIONS, localisedRule(V.isIn, { field: 'action', values: MODERATION_ACTIONS.join(', ') }))
  action: ModerationAction;

  @ApiPropertyOptional({
    maxLength: 1000,
    description: 'Required to reject or hide; shown to the author and kept in the moderation log',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
