import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { localisedRule, VALIDATION_MESSAGES as V } from '@roundtable/core';
import { MODERATION_MESSAGES as M } from '../moderation-messages';

const REASON = localisedRule(M.reasonLength);

export class CreateWarningDto {
  @ApiProperty({ format: 'uuid', description: 'The member warned' })
  @IsUUID('all', localisedRule(M.userIdUuid))
  userId: string;

  @ApiProperty({ maxLength: 1000, description: 'Shown to the member' })
  @IsString(REASON)
  @Length(1, 1000, REASON)
  @Matches(/\S/, localisedRule(V.notBlank, { field: 'reason' }))
  reason: string;
}

export class CreateSuspensionDto extends CreateWarningDto {
  @ApiProperty({ format: 'date-time', description: 'When the suspension ends (in the future, within a year)' })
  @IsISO8601({ strict: true }, localisedRule(M.untilDateTime))
  until: string;

  @ApiPropertyOptional({
    enum: ['space', 'consultation'],
    default: 'space',
    description: 'consultation: every space of the consultation (organisers only)',
  })
  @IsOptional()
  @IsIn(['space', 'consultation'], localisedRule(M.scopeValues))
  scope?: 'space' | 'consultation';
}

export class LiftSuspensionDto {
  @ApiProperty({
    maxLength: 1000,
    description: 'Why it ends early; shown to the member and kept in the moderation log',
  })
  @IsString(REASON)
  @Length(1, 1000, REASON)
  @Matches(/\S/, localisedRule(V.notBlank, { field: 'reason' }))
  reason: string;
}

/** A warning or a suspension of a member. */
export class SanctionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['warning', 'suspension'] }) kind: 'warning' | 'suspension';
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: consultation-wide' }) spaceId:
    string | null;
  @ApiProperty({ format: 'uuid' }) consultationId: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'End of a suspension (when it was lifted, if it was lifted early)',
  })
  until: string | null;
  @ApiProperty() reason: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'When a moderator ended the suspension early' }) liftedAt:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was ended early' }) liftReason: string | null;
}

/** A suspension that is running in a space, as its moderators see it. */
export class RunningSuspensionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ nullable: true, type: String }) organisation: string | null;
  @ApiProperty({
    enum: ['space', 'consultation'],
    description: 'consultation: every space of the consultation (organisers lift those)',
  })
  scope: 'space' | 'consultation';
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) spaceId: string | null;
  @ApiProperty() until: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ nullable: true, type: String }) createdByName: string | null;
  @ApiProperty() createdAt: string;
}

export class RunningSuspensionPageDto {
  @ApiProperty({ type: [RunningSuspensionDto], description: 'Soonest end first' }) items: RunningSuspensionDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

/** A moderation decision on one of the member's contributions. */
export class DecisionNoticeDto {
  @ApiProperty({ example: 'reject', description: 'approve, reject, hide, auto_hide or restore' }) action: string;
  @ApiProperty({ format: 'uuid' }) contributionId: string;
  @ApiProperty({ format: 'uuid' }) spaceId: string;
  @ApiProperty({ nullable: true, type: String }) status: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() at: string;
}

export class MemberNoticesDto {
  @ApiProperty({ type: [SanctionDto] }) warnings: SanctionDto[];
  @ApiProperty({ type: [SanctionDto] }) suspensions: SanctionDto[];
  @ApiProperty({ type: [DecisionNoticeDto], description: 'Newest first' }) decisions: DecisionNoticeDto[];
}
