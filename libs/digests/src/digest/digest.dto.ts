import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import type { AnalysisTranslation } from '../analysis/theme-analyser';
import type { ObjectiveCoverage, Theme } from '../analysis/theme.types';
import type { DigestFigures, DiscussedThread, KeyPoint } from './digest.types';
import { MAX_KEY_POINT_TEXT, MAX_KEY_POINTS } from './key-points';

/** A period: from `periodStart` (included) to `periodEnd` (excluded). */
export class PeriodDto {
  @ApiProperty({ format: 'date-time', example: '2021-11-22T00:00:00Z' })
  @IsISO8601({ strict: true }, { message: 'periodStart must be an ISO 8601 date or date-time' })
  periodStart: string;

  @ApiProperty({ format: 'date-time', example: '2021-11-29T00:00:00Z' })
  @IsISO8601({ strict: true }, { message: 'periodEnd must be an ISO 8601 date or date-time' })
  periodEnd: string;
}

export class KeyPointEditDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing key point; leave out to add a new one' })
  @IsOptional() @IsUUID('all', { message: 'keyPoints.id must be the id of a key point' })
  id?: string;

  @ApiProperty({ maxLength: MAX_KEY_POINT_TEXT })
  @IsString({ message: 'keyPoints.text must be text' }) @MaxLength(MAX_KEY_POINT_TEXT)
  text: string;

  @ApiPropertyOptional({ description: 'Mark as a priority (stocktaking lists priorities)' })
  @IsOptional() @IsBoolean({ message: 'keyPoints.priority must be true or false' })
  priority?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'For a new point: the contributions of this space it rests on' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true, message: 'keyPoints.sources must be contribution ids' })
  sources?: string[];
}

/** The key points as they should now read: order, wording, priority; left-out points are dropped. */
export class UpdateDigestDto {
  @ApiProperty({ type: [KeyPointEditDto], maxItems: MAX_KEY_POINTS })
  @IsArray({ message: 'keyPoints must be a list' }) @ArrayMaxSize(MAX_KEY_POINTS) @ValidateNested({ each: true }) @Type(() => KeyPointEditDto)
  keyPoints: KeyPointEditDto[];

  @ApiPropertyOptional({ description: 'The version you edited; a newer one on the server answers 409' })
  @IsOptional() @IsInt() @Min(1)
  expectedVersion?: number;
}

export class DigestVersionDto {
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['drafted', 'edited'] }) change: string;
  @ApiProperty({ nullable: true, type: String }) editedBy: string | null;
  @ApiProperty() createdAt: string;
}

export class DigestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) spaceId: string;
  @ApiProperty() periodStart: string;
  @ApiProperty() periodEnd: string;
  @ApiProperty({ enum: ['scheduled', 'on_demand'] }) origin: string;
  @ApiProperty({ enum: ['draft', 'published'] }) status: 'draft' | 'published';
  @ApiProperty({ description: 'The version shown' }) version: number;
  @ApiProperty({ nullable: true, type: Number }) publishedVersion: number | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty({ description: 'Edited since it was last published (staff only)' }) hasUnpublishedChanges: boolean;
  @ApiProperty({ description: 'Activity figures: contributions, threads, replies, participants, moderators (counted apart), by constituency, language and country' })
  figures: DigestFigures;
  @ApiProperty({ description: 'Most-discussed threads' }) threads: DiscussedThread[];
  @ApiProperty({ description: 'Recurring themes, each with its contributions, constituencies and representative quotes' }) themes: Theme[];
  @ApiProperty({ description: "How far each of the roundtable's objectives was addressed by participants: `{ number, text, contributionIds }`" }) objectives: ObjectiveCoverage[];
  @ApiPropertyOptional({
    nullable: true,
    description:
      'Whether French and Spanish contributions were read through the translation engine for the themes: `{ status: complete|unavailable|not_needed, provider, untranslated, error }`. ' +
      '`unavailable`: their themes stay within their language, and the draft says so in its first key point',
  })
  translation: AnalysisTranslation | null;
  @ApiProperty({ description: 'What the moderator says; generated from the themes, then edited' }) keyPoints: KeyPoint[];
  @ApiPropertyOptional({ type: [DigestVersionDto], description: 'Edit history (staff only)' }) versions?: DigestVersionDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class DigestListDto {
  @ApiProperty({ type: [DigestDto] }) items: DigestDto[];
}
