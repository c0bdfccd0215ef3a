import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ContributionDto } from '@roundtable/contributions';
import { FLAG_REASONS, FlagReason } from '../flags/flag-reason';

export class FlagCountDto {
  @ApiProperty({ enum: FLAG_REASONS }) reason: FlagReason;
  @ApiProperty() count: number;
}

export class QueuedFlagDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: FLAG_REASONS }) reason: FlagReason;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty() flaggedAt: string;
}

/** A contribution waiting for a moderator: pending approval, or flagged by members. */
export class QueueItemDto {
  @ApiProperty({ enum: ['pending', 'flagged'] }) kind: 'pending' | 'flagged';
  @ApiProperty({ description: 'When it entered the queue: posted (pending) or first flagged' }) queuedAt: string;
  @ApiProperty({ description: 'Distinct members whose flags are open' }) flagCount: number;
  @ApiProperty({ type: [FlagCountDto] }) reasons: FlagCountDto[];
  @ApiProperty({ type: [QueuedFlagDto] }) flags: QueuedFlagDto[];
  @ApiProperty({ type: ContributionDto, description: 'As moderators see it, text included' })
  contribution: ContributionDto;
}

export class QueuePageDto {
  @ApiProperty({ type: [QueueItemDto], description: 'Oldest first' }) items: QueueItemDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
