import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CONSTITUENCIES,
  COUNTS_BY_CONSTITUENCY,
  COUNTS_BY_LANGUAGE,
  keyedBy,
  LANGUAGES,
  localisedRule,
  VALIDATION_MESSAGES as V,
} from '@roundtable/core';
import type { Constituency, Language } from '@roundtable/core';
import type { AnalysisTranslation } from '../analysis/theme-analyser';
import type { ObjectiveCoverage, Quote, Theme } from '../analysis/theme.types';
import type { ConstituencyFigures, DigestFigures, DiscussedThread, KeyPoint } from './digest.types';
import type { ReaderTranslation } from '../translation/reader-translations';
import { MAX_KEY_POINT_TEXT, MAX_KEY_POINTS } from './key-points';
import { DIGESTS_MESSAGES as M } from '../digests-messages';

/** A period: from `periodStart` (included) to `periodEnd` (excluded). */
export class PeriodDto {
  @ApiProperty({ format: 'date-time', example: '2021-11-22T00:00:00Z' })
  @IsISO8601({ strict: true }, localisedRule(V.isIso8601, { field: 'periodStart' }))
  periodStart: string;

  @ApiProperty({ format: 'date-time', example: '2021-11-29T00:00:00Z' })
  @IsISO8601({ strict: true }, localisedRule(V.isIso8601, { field: 'periodEnd' }))
  periodEnd: string;
}

export class KeyPointEditDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing key point; leave out to add a new one' })
  @IsOptional()
  @IsUUID('all', localisedRule(M.keyPointId))
  id?: string;

  @ApiProperty({ maxLength: MAX_KEY_POINT_TEXT })
  @IsString(localisedRule(V.isString, { field: 'keyPoints.text' }))
  @MaxLength(MAX_KEY_POINT_TEXT)
  text: string;

  @ApiPropertyOptional({ description: 'Mark as a priority (stocktaking lists priorities)' })
  @IsOptional()
  @IsBoolean(localisedRule(V.isBoolean, { field: 'keyPoints.priority' }))
  priority?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'For a new point: the contributions of this space it rests on' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, ...localisedRule(M.keyPointSources) })
  sources?: string[];
}

/** The key points as they should now read: order, wording, priority; left-out points are dropped. */
export class UpdateDigestDto {
  @ApiProperty({ type: [KeyPointEditDto], maxItems: MAX_KEY_POINTS })
  @IsArray(localisedRule(V.isArray, { field: 'keyPoints' }))
  @ArrayMaxSize(MAX_KEY_POINTS)
  @ValidateNested({ each: true })
  @Type(() => KeyPointEditDto)
  keyPoints: KeyPointEditDto[];

  @ApiPropertyOptional({ description: 'The version you edited; a newer one on the server answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

/** The language a member reads a digest in. */
export class DigestQueryDto {
  @ApiPropertyOptional({
    type: String,
    enum: LANGUAGES,
    description:
      'Key points and theme labels in this language (machine-translated, once the worker has done it); left out: as the moderators wrote them',
  })
  @IsOptional()
  @IsIn(LANGUAGES, localisedRule(V.isIn, { field: 'lang', values: LANGUAGES.join(', ') }))
  lang?: Language;
}

export class DigestVersionDto {
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['drafted', 'edited'] }) change: string;
  @ApiProperty({ nullable: true, type: String }) editedBy: string | null;
  @ApiProperty() createdAt: string;
}

/** A sentence quoted as its author wrote it (themes of digests, items of summaries). */
export class QuoteDto implements Quote {
  @ApiProperty({ type: String, format: 'uuid' }) contributionId: string;
  @ApiProperty({ type: String }) text: string;
  @ApiProperty({ type: String, enum: LANGUAGES, description: 'The language it was written in' }) language: Language;
  @ApiProperty({ type: String }) authorName: string;
  @ApiProperty({ type: String, nullable: true }) organisation: string | null;
  @ApiProperty({ type: String, enum: CONSTITUENCIES }) constituency: Constituency;
  @ApiPropertyOptional({
    type: String,
    description: 'Its English side, when it was machine-translated for the analysis',
  })
  english?: string;
}

export class ThemeDto implements Theme {
  @ApiProperty({ type: String, description: 'The sorted stems of its words: stable across digests' }) key: string;
  @ApiProperty({ type: String, description: 'The phrase as written' }) label: string;
  @ApiProperty({
    type: String,
    enum: LANGUAGES,
    description:
      'The language `label` is written in: English when the theme was found on the English side of the contributions (the usual case)',
  })
  labelLanguage: Language;
  @ApiPropertyOptional({
    type: String,
    description:
      '`label` machine-translated into the language asked for (`lang`), once the worker has translated the published version. ' +
      'Absent without `lang`, when the label is already in that language, while the translation is pending or has failed, ' +
      'and in digests translated before theme labels were',
  })
  translatedLabel?: string;
  @ApiProperty({ type: [String], description: 'Keys of more specific phrases folded into this theme' })
  variants: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) contributionIds: string[];
  @ApiProperty({
    ...COUNTS_BY_CONSTITUENCY,
    description: 'Contributions raising it, per constituency of their authors',
  })
  constituencies: Partial<Record<Constituency, number>>;
  @ApiProperty({ type: 'integer', description: 'Distinct authors raising it' }) authors: number;
  @ApiProperty({ type: [QuoteDto], description: 'Representative sentences' }) quotes: QuoteDto[];
  @ApiPropertyOptional({
    type: QuoteDto,
    description: 'The most central sentence of its sources, compressed (absent in digests drafted before)',
  })
  synopsis?: QuoteDto;
  @ApiPropertyOptional({
    type: [QuoteDto],
    description: 'Sentences of its sources that call for action, one per author',
  })
  calls?: QuoteDto[];
}

export class ObjectiveCoverageDto implements ObjectiveCoverage {
  @ApiProperty({ type: 'integer', description: '"Objective 5" → 5; otherwise its place in the list' }) number: number;
  @ApiProperty({ type: String }) text: string;
  @ApiProperty({ type: [String], format: 'uuid', description: "Participants' contributions that address it" })
  contributionIds: string[];
}

export class DiscussedThreadDto implements DiscussedThread {
  @ApiProperty({ type: String, format: 'uuid' }) contributionId: string;
  @ApiProperty({ type: String }) excerpt: string;
  @ApiProperty({ type: String }) authorName: string;
  @ApiProperty({ type: String, enum: CONSTITUENCIES }) constituency: Constituency;
  @ApiProperty({ type: 'integer', description: 'Replies posted in the period, anywhere under it' }) replies: number;
  @ApiProperty({ type: 'integer', description: 'Distinct people who replied in the period' }) repliers: number;
}

export class DigestFiguresDto implements DigestFigures {
  @ApiProperty({ type: 'integer' }) contributions: number;
  @ApiProperty({ type: 'integer', description: 'Contributions that start a thread' }) threads: number;
  @ApiProperty({ type: 'integer' }) replies: number;
  @ApiProperty({ type: 'integer', description: 'Distinct authors who do not moderate the space' }) participants: number;
  @ApiProperty({ type: 'integer' }) moderators: number;
  @ApiProperty({ type: 'integer' }) moderatorContributions: number;
  @ApiProperty({
    ...keyedBy(CONSTITUENCIES, {
      type: 'object',
      properties: { contributions: { type: 'integer' }, participants: { type: 'integer' } },
      required: ['contributions', 'participants'],
    }),
    description: "Participants' contributions and heads, per constituency (moderators excluded)",
  })
  byConstituency: Partial<Record<Constituency, ConstituencyFigures>>;
  @ApiProperty({ ...COUNTS_BY_LANGUAGE, description: 'Contributions per language' }) byLanguage: Partial<
    Record<Language, number>
  >;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: "Participants' contributions per country, where the profile gives one",
  })
  byCountry: Record<string, number>;
}

export class AnalysisTranslationDto implements AnalysisTranslation {
  @ApiProperty({
    type: String,
    enum: ['complete', 'unavailable', 'not_needed'],
    description:
      '`unavailable`: the engine failed, themes of those languages stay within them; `not_needed`: all English',
  })
  status: 'complete' | 'unavailable' | 'not_needed';
  @ApiProperty({ type: String }) provider: string;
  @ApiProperty({
    type: String,
    enum: LANGUAGES,
    isArray: true,
    description: 'Languages whose contributions could not be translated',
  })
  untranslated: Language[];
  @ApiProperty({ type: String, nullable: true }) error: string | null;
}

export class KeyPointDto implements KeyPoint {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String }) text: string;
  @ApiProperty({ type: Boolean, description: 'Marked as a priority by the moderator (stocktaking lists these)' })
  priority: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The theme it came from, if any' }) themeKey: string | null;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Contributions it rests on' }) sources: string[];
  @ApiProperty({ type: String, enum: ['generated', 'moderator'] }) origin: 'generated' | 'moderator';
  @ApiProperty({ type: Boolean, description: 'Reworded by the moderator' }) edited: boolean;
  @ApiProperty({
    type: Boolean,
    description: "`text` is a machine translation into the language asked for (`lang`), not the moderators' wording",
  })
  machineTranslated: boolean;
  @ApiProperty({ type: String, enum: LANGUAGES, description: 'The language `text` is in' }) language: Language;
}

/** The machine translation of the key points (and theme labels) into the language asked for. */
export class ReaderTranslationDto implements ReaderTranslation {
  @ApiProperty({
    type: String,
    enum: ['pending', 'done', 'failed'],
    description:
      '`pending`: the worker has not translated them yet; `failed`: it could not, the key points are shown as written',
  })
  status: 'pending' | 'done' | 'failed';
  @ApiProperty({ type: String, nullable: true, description: 'The engine that translated them; null while pending' })
  provider: string | null;
  @ApiProperty({ type: String, enum: LANGUAGES, description: 'The language they were translated into' })
  language: Language;
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
  @ApiProperty({
    type: DigestFiguresDto,
    description:
      'Activity figures: contributions, threads, replies, participants, moderators (counted apart), by constituency, language and country',
  })
  figures: DigestFiguresDto;
  @ApiProperty({ type: [DiscussedThreadDto], description: 'Most-discussed threads' }) threads: DiscussedThreadDto[];
  @ApiProperty({
    type: [ThemeDto],
    description: 'Recurring themes, each with its contributions, constituencies and representative quotes',
  })
  themes: ThemeDto[];
  @ApiProperty({
    type: [ObjectiveCoverageDto],
    description: "How far each of the roundtable's objectives was addressed by participants",
  })
  objectives: ObjectiveCoverageDto[];
  @ApiProperty({
    type: AnalysisTranslationDto,
    nullable: true,
    description:
      'Whether French and Spanish contributions were read through the translation engine for the themes (null in digests drafted before). ' +
      '`unavailable`: their themes stay within their language, and the draft says so in its first key point',
  })
  translation: AnalysisTranslationDto | null;
  @ApiProperty({
    type: String,
    enum: LANGUAGES,
    description: 'The language the key points are written in (that of most of them)',
  })
  language: Language;
  @ApiProperty({
    type: ReaderTranslationDto,
    nullable: true,
    description:
      "The machine translation of the published key points and theme labels into `lang`; null without `lang`, in the digest's own language, or for a version not published",
  })
  readerTranslation: ReaderTranslationDto | null;
  @ApiProperty({
    type: [KeyPointDto],
    description: 'What the moderator says; generated from the themes, then edited (in `lang` once translated)',
  })
  keyPoints: KeyPointDto[];
  @ApiPropertyOptional({ type: [DigestVersionDto], description: 'Edit history (staff only)' })
  versions?: DigestVersionDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class DigestListDto {
  @ApiProperty({ type: [DigestDto] }) items: DigestDto[];
}
