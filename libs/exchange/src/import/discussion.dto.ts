import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { CONSTITUENCIES, fill, LANGUAGES, localisedRule, VALIDATION_MESSAGES as V } from '@roundtable/core';
import type { Constituency, Language } from '@roundtable/core';
import { CONTRIBUTION_STATUSES, MAX_BODY } from '@roundtable/contributions';
import type { ContributionStatus } from '@roundtable/contributions';
import { HasSomeLanguage, MultilingualTextDto } from '@roundtable/spaces';
import { EXCHANGE_MESSAGES as M } from '../exchange-messages';

/** The most contributions one file may carry per space, and spaces per file. */
export const MAX_IMPORT_CONTRIBUTIONS = 10_000;
export const MAX_IMPORT_SPACES = 100;

const BODY_RULE = localisedRule(M.bodyRule, { max: MAX_BODY });

/** A reference that is either a whole number ≥ 0 or a non-empty string of at most 200 characters. */
function IsIdLike(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isIdLike',
      target: object.constructor,
      propertyName,
      options: { ...localisedRule(fill(M.idLike, { field: propertyName })), ...options },
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) ||
          (typeof value === 'string' && value.trim().length > 0 && value.length <= 200),
      },
    });
}

/**
 * One contribution of an imported discussion, in the shape of the Migration Network Hub
 * data (`id, postedAt, author, moderator, inReplyTo, body`) plus the fields a Roundtable
 * export adds, so an export can be imported again.
 */
export class ImportContributionDto {
  @ApiProperty({
    oneOf: [{ type: 'integer' }, { type: 'string' }],
    description: 'Unique within its space in the file; makes the import idempotent',
  })
  @IsDefined()
  @IsIdLike()
  id: number | string;

  @ApiProperty({ example: '2021-12-03', description: 'ISO 8601 date or date-time; a bare date is placed at noon UTC' })
  @IsISO8601({ strict: true }, localisedRule(M.postedAtDate))
  postedAt: string;

  @ApiProperty({ example: 'Amina Diallo', description: 'Display name of the author' })
  @IsString()
  @Length(1, 120)
  @Matches(/\S/, localisedRule(V.notBlank, { field: 'author' }))
  author: string;

  @ApiPropertyOptional({ description: 'The author moderated this space (gets the moderator role there)' })
  @IsOptional()
  @IsBoolean()
  moderator?: boolean;

  @ApiPropertyOptional({
    oneOf: [{ type: 'string' }, { type: 'integer' }],
    nullable: true,
    description:
      'What this replies to: the id of another contribution of the same space, or (as on the Hub) the display name of the author replied to — ' +
      'a reply to the latest earlier contribution by that author; a name ending in "…" matches names starting with it. ' +
      'The name of the space’s own poster (`postedBy`), an unknown name or null make it a new thread.',
  })
  @IsOptional()
  @IsIdLike()
  inReplyTo?: number | string | null;

  @ApiPropertyOptional({
    oneOf: [{ type: 'string' }, { type: 'integer' }],
    nullable: true,
    description: 'Exact id of the parent contribution in this space (exports carry it); wins over inReplyTo',
  })
  @IsOptional()
  @IsIdLike()
  parentId?: number | string | null;

  @ApiPropertyOptional({
    description: 'The text as written; required unless status says it is not published (deleted text is not exported)',
  })
  @ValidateIf(
    (o: ImportContributionDto) =>
      o.status === undefined ||
      o.status === null ||
      o.status === 'published' ||
      (o.body !== undefined && o.body !== null),
  )
  @IsString(BODY_RULE)
  @Length(1, MAX_BODY, BODY_RULE)
  @Matches(/\S/, localisedRule(V.notBlank, { field: 'body' }))
  body?: string;

  @ApiPropertyOptional({
    enum: LANGUAGES,
    nullable: true,
    description: 'Declared language; left empty it is detected later',
  })
  @IsOptional()
  @IsIn(LANGUAGES, localisedRule(V.isIn, { field: 'language', values: LANGUAGES.join(', ') }))
  language?: Language | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisation?: string | null;

  @ApiPropertyOptional({ enum: CONSTITUENCIES, nullable: true, description: "Default 'other'" })
  @IsOptional()
  @IsIn(CONSTITUENCIES, localisedRule(V.isIn, { field: 'constituency', values: CONSTITUENCIES.join(', ') }))
  constituency?: Constituency | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'SN' })
  @IsOptional()
  @IsString()
  @Length(2, 80)
  country?: string | null;

  @ApiPropertyOptional({
    enum: CONTRIBUTION_STATUSES,
    description: 'From an export; only published contributions are imported, the others are skipped',
  })
  @IsOptional()
  @IsIn(CONTRIBUTION_STATUSES, localisedRule(V.isIn, { field: 'status', values: CONTRIBUTION_STATUSES.join(', ') }))
  status?: ContributionStatus | null;

  @ApiPropertyOptional({
    oneOf: [{ type: 'string' }, { type: 'integer' }],
    nullable: true,
    description: 'From an export; informative (threads are rebuilt from parentId)',
  })
  @IsOptional()
  @IsIdLike()
  rootId?: number | string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'From an export; informative',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  editedAt?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'From an export; ignored (translations are made again)',
  })
  @IsOptional()
  @IsObject()
  translations?: Record<string, unknown>;
}

/** One question (discussion space) of an imported discussion. */
export class ImportSpaceDto {
  @ApiProperty({
    example: 1,
    description: 'Question number; an existing space with this number in the roundtable is reused',
  })
  @IsInt()
  @Min(1)
  @Max(1000)
  number: number;

  @ApiProperty({ type: MultilingualTextDto })
  @ValidateNested()
  @Type(() => MultilingualTextDto)
  @HasSomeLanguage()
  prompt: MultilingualTextDto;

  @ApiPropertyOptional({
    enum: ['pre', 'post'],
    default: 'post',
    description: 'Moderation mode of a space the import creates',
  })
  @IsOptional()
  @IsIn(['pre', 'post'], localisedRule(M.moderationPreOrPost))
  moderation?: 'pre' | 'post';

  @ApiPropertyOptional({ description: 'Informative (Hub member count); not used' })
  @IsOptional()
  @IsInt()
  @Min(0)
  members?: number;

  @ApiPropertyOptional({ description: 'Informative (Hub comment count); not used' })
  @IsOptional()
  @IsInt()
  @Min(0)
  comment_count?: number;

  @ApiPropertyOptional({ description: 'When the question was posted; informative' })
  @IsOptional()
  @IsISO8601({ strict: true })
  postedAt?: string;

  @ApiPropertyOptional({ description: 'Who posted the question; `inReplyTo` naming them starts a new thread' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  postedBy?: string;

  @ApiProperty({ type: [ImportContributionDto] })
  @IsArray()
  @ArrayMaxSize(MAX_IMPORT_CONTRIBUTIONS)
  @ValidateNested({ each: true })
  @Type(() => ImportContributionDto)
  contributions: ImportContributionDto[];
}

/** A discussion to import into a roundtable: the shape of `hub-roundtable1.json`, and of a Roundtable JSON export. */
export class ImportDiscussionDto {
  @ApiPropertyOptional({ description: 'Where the discussion comes from' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  source?: string;

  @ApiPropertyOptional({ description: 'Set by Roundtable exports; informative' })
  @IsOptional()
  @IsISO8601({ strict: true })
  exportedAt?: string;

  @ApiProperty({ type: [ImportSpaceDto] })
  @IsArray()
  @ArrayMaxSize(MAX_IMPORT_SPACES)
  @ValidateNested({ each: true })
  @Type(() => ImportSpaceDto)
  spaces: ImportSpaceDto[];
}

export class ImportedSpaceDto {
  @ApiProperty() number: number;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The import created this space (false: an existing one was reused)' }) created: boolean;
}

export class UnresolvedReplyDto {
  @ApiProperty() spaceNumber: number;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'integer' }] }) id: number | string;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'integer' }] }) inReplyTo: number | string;
}

/** What an import created. Importing the same file again creates nothing: every count is 0. */
export class ImportResultDto {
  @ApiProperty({ description: 'Spaces created' }) spaces: number;
  @ApiProperty({ description: 'Contributions created' }) contributions: number;
  @ApiProperty({ description: 'Placeholder member accounts created (no email, no password)' }) members: number;
  @ApiProperty({ description: 'Space memberships created' }) memberships: number;
  @ApiProperty({ description: 'Contributions not imported (not published in the source, e.g. deleted)' })
  skipped: number;
  @ApiProperty({ type: [ImportedSpaceDto], description: 'The spaces of the file, created or reused' })
  spaceIds: ImportedSpaceDto[];
  @ApiProperty({
    type: [UnresolvedReplyDto],
    description: 'Replies whose target is not in the same space; imported as new threads',
  })
  unresolvedReplies: UnresolvedReplyDto[];
}
