import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { localisedRule, VALIDATION_MESSAGES as V } from '@roundtable/core';
import { FLAG_REASONS, FlagReason } from './flag-reason';
import { MODERATION_MESSAGES as M } from '../moderation-messages';

export class CreateFlagDto {
  @ApiProperty({ enum: FLAG_REASONS, description: '`off-topic` is accepted for `off_topic`' })
  @Transform(({ value }) => (value === 'off-topic' ? 'off_topic' : value))
  @IsIn(FLAG_REASONS, localisedRule(V.isIn, { field: 'reason', values: FLAG_REASONS.join(', ') }))
  reason: FlagReason;

  @ApiPropertyOptional({
    maxLength: 1000,
    description: 'What is wrong, in your words; required when the reason is `other`',
  })
  @ValidateIf((o: CreateFlagDto) => o.reason === 'other' || o.note !== undefined)
  @IsString(localisedRule(M.noteRequired))
  @Matches(/\S/, localisedRule(V.notBlank, { field: 'note' }))
  @MaxLength(1000)
  note?: string;
}

export class FlagDto {
  @ApiProperty({ format: 'uuid' }) contributionId: string;
  @ApiProperty({ enum: FLAG_REASONS }) reason: FlagReason;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() createdAt: string;
}
