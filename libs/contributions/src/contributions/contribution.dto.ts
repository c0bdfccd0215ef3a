import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { fill, LANGUAGES, localisedRule, PageQueryDto, VALIDATION_MESSAGES as V } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { AuthorDto } from '@roundtable/identity';
import { CONTRIBUTION_STATUSES, ContributionStatus } from './contribution-status';
import { CONTRIBUTIONS_MESSAGES as M } from '../contributions-messages';

export const MAX_BODY = 20_000;
/** PostgreSQL text cannot hold U+0000; refused as input rather than failing a whole group commit. */
const NO_NUL = /^[^\u0000]*$/;
const BODY_RULE = localisedRule(fill(M.bodyRule, { max: MAX_BODY }));

export class CreateContributionDto {
  @ApiProperty({
    description: 'Plain text with light Markdown, stored exactly as written',
    minLength: 1,
    maxLength: MAX_BODY,
  })
  @IsString(BODY_RULE)
  @Length(1, MAX_BODY, BODY_RULE)
  @Matches(/\S/, localisedRule(V.notBlank, { field: 'body' }))
  @Matches(NO_NUL, localisedRule(V.noNul, { field: 'body' }))
  body: string;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Leave empty to have it detected' })
  @IsOptional()
  @IsIn(LANGUAGES, localisedRule(V.isIn, { field: 'language', values: LANGUAGES.join(', ') }))
  language?: Language;

  @ApiPropertyOptional({ format: 'uuid', description: 'The contribution this replies to, in the same space' })
  @IsOptional()
  @IsUUID('all', localisedRule(M.parentIdUuid))
  parentId?: string;
}

export class UpdateContributionDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_BODY })
  @IsString(BODY_RULE)
  @Length(1, MAX_BODY, BODY_RULE)
  @Matches(/\S/, localisedRule(V.notBlank, { field: 'body' }))
  @Matches(NO_NUL, localisedRule(V.noNul, { field: 'body' }))
  body: string;
}

export class ListContributionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: LANGUAGES,
    description: 'Language to read in; `text` is the translation when one exists',
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;

  @ApiPropertyOptional({ enum: ['oldest', 'newest', 'active'], default: 'oldest' })
  @IsOptional()
  @IsIn(['oldest', 'newest', 'active'], localisedRule(M.sortValues))
  sort?: 'oldest' | 'newest' | 'active';

  @ApiPropertyOptional({
    enum: ['pending', 'rejected'],
    description: 'Only contributions awaiting moderation or rejected: your own, or all of them for moderators',
  })
  @IsOptional()
  @IsIn(['pending', 'rejected'], localisedRule(M.statusPendingOrRejected))
  status?: 'pending' | 'rejected';
}

export class ReadContributionQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}

/** A translation of a contribution into one language: the machine's, or one corrected by people. */
export class TranslationDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The translated text; null while pending or when it failed',
  })
  text: string | null;
  @ApiProperty({ enum: ['done', 'pending', 'failed'] }) status: 'done' | 'pending' | 'failed';
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'apertium',
    description: 'The engine that translated it (apertium, libretranslate, deepl), or `human` for a correction',
  })
  provider: string | null;
  @ApiProperty({
    description:
      'True when made by a machine; false when corrected by the author or a moderator. The original is in `body`',
  })
  machine: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'The version of the contribution it translates' })
  sourceVersion: number | null;
}

export class ContributionAuthorDto extends AuthorDto {
  @ApiProperty({ description: 'Moderates this space (shown as a badge)' }) isModerator: boolean;
  @ApiPropertyOptional({
    description: 'Organisation and constituency confirmed by an organiser or an invitation (else self-declared)',
  })
  affiliationVerified?: boolean;
}

export class ContributionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) spaceId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ format: 'uuid', description: 'First contribution of the thread' }) rootId: string;
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty({ type: ContributionAuthorDto }) author: ContributionAuthorDto;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The original text, as written; null once deleted or hidden from you',
  })
  body: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The original rendered to safe HTML' }) bodyHtml:
    string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The text in the language asked for (translation when available)',
  })
  text: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: '`text` rendered to safe HTML when it is a translation (the original is `bodyHtml`)',
  })
  textHtml?: string | null;
  @ApiProperty({
    nullable: true,
    enum: LANGUAGES,
    description: 'The language it is written in: declared by the author, or detected',
  })
  language: Language | null;
  @ApiProperty({
    enum: ['declared', 'detected', 'fallback', 'unknown'],
    description: "How the language is known (fallback: too short to tell, the author's preferred language)",
  })
  languageSource: 'declared' | 'detected' | 'fallback' | 'unknown';
  @ApiProperty({ nullable: true, type: Number, description: 'Confidence of the detection (0–1)' }) languageConfidence:
    number | null;
  @ApiProperty({ enum: CONTRIBUTION_STATUSES }) status: ContributionStatus;
  @ApiProperty({ nullable: true, type: Number, description: 'Seq of the event that published it' }) seq: number | null;
  @ApiProperty() version: number;
  @ApiProperty() replyCount: number;
  @ApiProperty() pinned: boolean;
  @ApiProperty() locked: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true, type: String }) editedAt: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Why a moderator hid or rejected it (shown to its author and moderators only)',
  })
  moderationReason?: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/TranslationDto' } })
  translations: Partial<Record<Language, TranslationDto>>;
}

export class ContributionPageDto {
  @ApiProperty({ type: [ContributionDto] }) items: ContributionDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class EditDto {
  @ApiProperty() version: number;
  @ApiProperty() body: string;
  @ApiProperty() replacedAt: string;
}

export class EventsQueryDto {
  @ApiPropertyOptional({ description: 'Return events with a seq above this', default: 0 })
  @IsOptional()
  @Matches(/^\d{1,15}$/, localisedRule(M.afterSeqNumber))
  afterSeq?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 500 })
  @IsOptional()
  @Matches(/^\d{1,4}$/, localisedRule(V.isInt, { field: 'limit' }))
  limit?: string;
}

export class SpaceEventDto {
  @ApiProperty({ example: 'contribution.published' }) type: string;
  @ApiProperty({ format: 'uuid' }) spaceId: string;
  @ApiProperty() seq: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: Record<string, unknown>;
  @ApiProperty() createdAt: string;
}

export class SpaceEventPageDto {
  @ApiProperty({ type: [SpaceEventDto] }) items: SpaceEventDto[];
  @ApiProperty({ description: 'Seq of the latest event in the space' }) lastSeq: number;
  @ApiProperty({ nullable: true, type: String, description: 'Pass as afterSeq to read on; null when caught up' })
  nextCursor: string | null;
}
