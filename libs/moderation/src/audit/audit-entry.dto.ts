import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { localisedRule, PageQueryDto } from '@roundtable/core';
import { MODERATION_MESSAGES as M } from '../moderation-messages';

/** One moderation decision in the log. */
export class AuditEntryDto {
  @ApiProperty({ description: 'Rises with every entry' }) id: string;
  @ApiProperty({ format: 'uuid' }) spaceId: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Who decided; null when the system did (flag threshold)',
  })
  actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty({
    example: 'hide',
    description:
      'approve, reject, hide, restore, pin, unpin, lock, unlock, resolve, auto_hide, warn, suspend or lift_suspension',
  })
  action: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) contributionId: string | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The member the decision is about (author or sanctioned member)',
  })
  subjectUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) subjectName: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Status before' }) fromStatus: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Status after' }) toStatus: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty() createdAt: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    default: 'json',
    description: 'csv: the whole log, oldest first, as a download',
  })
  @IsOptional()
  @IsIn(['json', 'csv'], localisedRule(M.formatJsonOrCsv))
  format?: 'json' | 'csv';
}
