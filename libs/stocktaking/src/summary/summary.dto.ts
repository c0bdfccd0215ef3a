import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
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
import type { Constituency, Language, Multilingual } from '@roundtable/core';
import { QuoteDto } from '@roundtable/digests';
import type { TranslationState } from './summary-view';
import { REGIONS } from '../compile/regions';
import type { Region } from '../compile/regions';
import { MAX_ITEMS, MAX_TEXT } from '../compile/section-edits';
import { ITEM_KINDS } from '../compile/summary.types';
import { STOCKTAKING_MESSAGES as M } from '../stocktaking-messages';
import type {
  Annex,
  AnnexRow,
  CompiledDigestRef,
  ItemKind,
  Participation,
  ParticipationGroup,
  QuestionFigures,
  RegionFigures,
  SummaryItem,
} from '../compile/summary.types';

export class SummaryQueryDto {
  @ApiPropertyOptional({
    enum: LANGUAGES,
    description:
      'Language of the wording (fixed wording from the catalogue, free text machine-translated once published)',
  })
  @IsOptional()
  @IsIn(LANGUAGES, localisedRule(V.isIn, { field: 'lang', values: LANGUAGES.join(', ') }))
  lang?: Language;
}

export const EXPORT_FORMATS = ['md', 'html', 'pdf', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ExportQueryDto extends SummaryQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS, localisedRule(V.isIn, { field: 'format', values: EXPORT_FORMATS.join(', ') }))
  format: ExportFormat;
}

export class ItemEditDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing item; leave out to add one of your own' })
  @IsOptional()
  @IsUUID('all', localisedRule(M.itemId))
  id?: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: MAX_TEXT,
    description: 'Your wording; null restores the generated wording; required for a new item',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString(localisedRule(V.isString, { field: 'text' }))
  @MaxLength(MAX_TEXT)
  text?: string | null;
}

/** Each list given is the section as it should now read (order, wording; left-out items are dropped). */
export class UpdateSummaryDto {
  @ApiPropertyOptional({ description: 'The version you edited; a newer one on the server answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: MAX_TEXT })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(MAX_TEXT)
  introduction?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: MAX_TEXT,
    description: 'Your participation paragraph; null restores the generated sentence',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(MAX_TEXT)
  participationText?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: MAX_TEXT,
    description: 'Your sentence on the regions participants came from; null restores the generated one',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(MAX_TEXT)
  regionsText?: string | null;

  @ApiPropertyOptional({ type: [ItemEditDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ItemEditDto)
  keyEmphases?: ItemEditDto[];

  @ApiPropertyOptional({ type: [ItemEditDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ItemEditDto)
  convergence?: ItemEditDto[];

  @ApiPropertyOptional({ type: [ItemEditDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ItemEditDto)
  priorities?: ItemEditDto[];

  @ApiPropertyOptional({ type: [ItemEditDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ItemEditDto)
  gaps?: ItemEditDto[];
}

export class RecompileDto {
  @ApiPropertyOptional({ description: 'false (default): preview what a re-compile would change; true: apply it' })
  @IsOptional()
  @IsBoolean(localisedRule(V.isBoolean, { field: 'confirm' }))
  confirm?: boolean;

  @ApiPropertyOptional({ description: 'The version the preview was made from; a newer one on the server answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

/** An item with its wording in the asked language. */
export type ItemView = SummaryItem & { statement: string; machineTranslated: boolean };

/**
 * A statement of the summary. Its wording is, in order of precedence: the rapporteur's
 * `text`, the summariser's `phrased` rewording, the `sourceText` it came from (a
 * moderator's priority), or the catalogue's sentence built from `label` and the figures;
 * `statement` is that wording in the language asked for.
 */
export class SummaryItemDto implements ItemView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({
    type: String,
    description:
      'Stable across re-compiles: `theme:<key>`, `priority:<digest>:<point>`, `action:<key>`, `gap:<key>`, `objective:<n>`, `question:<space>`, `custom:<id>`',
  })
  key: string;
  @ApiProperty({ type: String, enum: ITEM_KINDS }) kind: ItemKind;
  @ApiProperty({ type: String, nullable: true, description: 'The theme or gap it is about' }) label: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The rapporteur's wording" }) text: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The summariser's rewording" }) phrased: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The moderator's priority it came from" }) sourceText:
    string | null;
  @ApiProperty({ type: String, enum: CONSTITUENCIES, isArray: true }) constituencies: Constituency[];
  @ApiProperty({ type: 'integer' }) contributions: number;
  @ApiProperty({ type: 'integer' }) participants: number;
  @ApiProperty({ type: 'integer', isArray: true, description: 'The questions (numbers) it was raised in' })
  questions: number[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Contributions it rests on' }) sources: string[];
  @ApiProperty({ type: [QuoteDto] }) quotes: QuoteDto[];
  @ApiPropertyOptional({
    type: QuoteDto,
    nullable: true,
    description:
      'What it says in one sentence: the most central sentence of its sources (key emphases), or the clearest call for action (priorities)',
  })
  synopsis?: QuoteDto | null;
  @ApiPropertyOptional({
    type: String,
    enum: REGIONS,
    isArray: true,
    description: 'The UN M49 regions of the participants who raised it',
  })
  regions?: Region[];
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: 'An objective of the roundtable (gaps): its number as the organiser gave it',
  })
  objective?: number | null;
  @ApiProperty({ type: Boolean, description: 'Reworded by the rapporteur' }) edited: boolean;
  @ApiPropertyOptional({ type: Boolean, description: 'Kept for its edit, although the discussion no longer yields it' })
  stale?: boolean;
  @ApiProperty({ type: String, description: 'Its wording in `lang`' }) statement: string;
  @ApiProperty({ type: Boolean, description: 'The wording is a machine translation into `lang`' })
  machineTranslated: boolean;
}

export class SummarySectionsDto {
  @ApiProperty({ type: String, nullable: true, description: 'In `lang`' }) introduction: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The rapporteur's own participation text, as written; null shows the generated sentence",
  })
  participationText: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "The rapporteur's own sentence on the regions participants came from, as written; null shows the generated one",
  })
  regionsText: string | null;
  @ApiProperty({ type: [SummaryItemDto] }) keyEmphases: SummaryItemDto[];
  @ApiProperty({ type: [SummaryItemDto] }) convergence: SummaryItemDto[];
  @ApiProperty({ type: [SummaryItemDto] }) priorities: SummaryItemDto[];
  @ApiProperty({ type: [SummaryItemDto] }) gaps: SummaryItemDto[];
}

/** A constituency's part in the participation sentence. */
export class ParticipationGroupDto implements ParticipationGroup {
  @ApiProperty({ type: String, enum: CONSTITUENCIES }) constituency: Constituency;
  @ApiProperty({ type: 'integer' }) participants: number;
  @ApiProperty({
    type: 'integer',
    description: 'Distinct States (countries) for `state`; distinct organisations for the others',
  })
  entities: number;
  @ApiProperty({ type: 'integer' }) contributions: number;
}

/** Participants from one UN M49 region. */
export class RegionFiguresDto implements RegionFigures {
  @ApiProperty({ type: String, enum: REGIONS }) region: Region;
  @ApiProperty({ type: 'integer' }) countries: number;
  @ApiProperty({ type: 'integer' }) participants: number;
}

export class QuestionFiguresDto implements QuestionFigures {
  @ApiProperty({ type: String, format: 'uuid' }) spaceId: string;
  @ApiProperty({ type: 'integer' }) number: number;
  @ApiProperty({ ...keyedBy(LANGUAGES, { type: 'string' }), description: 'The question, in up to three languages' })
  prompt: Multilingual;
  @ApiProperty({ type: 'integer' }) contributions: number;
  @ApiProperty({ type: 'integer' }) participantContributions: number;
  @ApiProperty({ type: 'integer' }) replies: number;
  @ApiProperty({ type: 'integer' }) participants: number;
  @ApiProperty({ type: 'integer' }) moderatorContributions: number;
  @ApiProperty({ type: 'integer' }) members: number;
  @ApiProperty({ type: 'integer', description: 'The published digests of this question the summary was compiled from' })
  digests: number;
}

/** Who took part, from the database (participants and moderators counted apart), with the sentences in `lang`. */
export class SummaryParticipationDto implements Participation {
  @ApiProperty({ type: 'integer' }) participants: number;
  @ApiPropertyOptional({
    type: 'integer',
    description:
      'Of the participants, those whose organisation and constituency are verified (absent in summaries compiled before)',
  })
  verified?: number;
  @ApiProperty({ type: 'integer' }) contributions: number;
  @ApiProperty({ type: 'integer' }) participantContributions: number;
  @ApiProperty({ type: 'integer' }) replies: number;
  @ApiProperty({ type: 'integer' }) moderators: number;
  @ApiProperty({ type: 'integer' }) moderatorContributions: number;
  @ApiProperty({ type: [ParticipationGroupDto] }) groups: ParticipationGroupDto[];
  @ApiPropertyOptional({
    type: [RegionFiguresDto],
    description:
      "The UN M49 regions of participants' countries, most participants first (absent in summaries compiled before)",
  })
  regions?: RegionFiguresDto[];
  @ApiProperty({ ...COUNTS_BY_LANGUAGE, description: 'Contributions per language' }) languages: Partial<
    Record<Language, number>
  >;
  @ApiProperty({ type: [QuestionFiguresDto] }) questions: QuestionFiguresDto[];
  @ApiProperty({
    type: String,
    description: 'The participation sentence (the rapporteur’s `participationText` when edited)',
  })
  sentence: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The regions sentence (the rapporteur’s `regionsText` when edited; null when no profile names a country)',
  })
  regionsSentence: string | null;
  @ApiProperty({ type: String }) moderatorsSentence: string;
  @ApiProperty({ type: [String], description: 'One sentence per question' }) questionSentences: string[];
}

export class AnnexRowDto implements AnnexRow {
  @ApiProperty({ type: String, description: 'The question (space); empty in `totals`' }) spaceId: string;
  @ApiProperty({ type: 'integer', description: 'Its number; 0 in `totals`' }) number: number;
  @ApiProperty({ ...COUNTS_BY_CONSTITUENCY, description: "Participants' contributions per constituency" })
  counts: Partial<Record<Constituency, number>>;
  @ApiProperty({ type: 'integer', description: "Moderators' contributions" }) moderators: number;
  @ApiProperty({ type: 'integer' }) total: number;
}

/** Spaces × constituencies. */
export class AnnexDto implements Annex {
  @ApiProperty({ type: String, enum: CONSTITUENCIES, isArray: true, description: 'The columns' })
  constituencies: Constituency[];
  @ApiProperty({ type: [AnnexRowDto] }) rows: AnnexRowDto[];
  @ApiProperty({ type: AnnexRowDto }) totals: AnnexRowDto;
}

export class CompiledDigestRefDto implements CompiledDigestRef {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) spaceId: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ type: String }) periodStart: string;
  @ApiProperty({ type: String }) periodEnd: string;
}

/** The machine translation of the free text into `lang`. */
export class SummaryTranslationDto implements TranslationState {
  @ApiProperty({ type: String, enum: ['pending', 'done', 'failed'] }) status: 'pending' | 'done' | 'failed';
  @ApiProperty({ type: String, nullable: true }) provider: string | null;
  @ApiProperty({
    type: String,
    enum: ['reviewed', 'accepted'],
    nullable: true,
    description: 'Reviewed (with corrections) or accepted by a rapporteur; null: nobody reviewed it',
  })
  review: 'reviewed' | 'accepted' | null;
  @ApiProperty({
    type: Boolean,
    description: 'Only a reviewed or accepted translation is the official text in its language',
  })
  official: boolean;
}

export class SummaryVersionDto {
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['compiled', 'edited', 'recompiled'] }) change: string;
  @ApiProperty({ nullable: true, type: String }) editedBy: string | null;
  @ApiProperty() createdAt: string;
}

export class SummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) roundtableId: string;
  @ApiProperty() periodStart: string;
  @ApiProperty() periodEnd: string;
  @ApiProperty({ enum: ['draft', 'published'] }) status: 'draft' | 'published';
  @ApiProperty({ description: 'The version shown' }) version: number;
  @ApiProperty({ nullable: true, type: Number }) publishedVersion: number | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty() hasUnpublishedChanges: boolean;
  @ApiProperty({ enum: LANGUAGES }) lang: Language;
  @ApiProperty({
    type: SummaryTranslationDto,
    nullable: true,
    description:
      'Machine translation of the free text into `lang`: `status` pending, done or failed; `review` reviewed or accepted by a rapporteur, or null; `official`: only a reviewed or accepted translation is the official text (null for the original language)',
  })
  translation: SummaryTranslationDto | null;
  @ApiProperty({ description: 'Who worded the statements: extractive or openai' }) summariser: string;
  @ApiProperty() compiledAt: string;
  @ApiProperty({
    type: SummaryParticipationDto,
    description:
      'Participation figures from the database, with the sentences in `lang`; `regions` lists the UN M49 regions of the participants’ countries and `regionsSentence` says them (the rapporteur’s `regionsText` when edited; null when no profile names a country)',
  })
  participation: SummaryParticipationDto;
  @ApiProperty({
    type: SummarySectionsDto,
    description: 'Editable sections; each item with its sources and its wording (`statement`) in `lang`',
  })
  sections: SummarySectionsDto;
  @ApiProperty({ type: AnnexDto, description: 'Spaces × constituencies' }) annex: AnnexDto;
  @ApiProperty({ type: [CompiledDigestRefDto], description: 'The published digests it was compiled from' })
  digests: CompiledDigestRefDto[];
  @ApiPropertyOptional({ type: [String], description: 'For the rapporteur: what is missing (staff only)' })
  warnings?: string[];
  @ApiPropertyOptional({ type: [SummaryVersionDto], description: 'Edit history (staff only)' })
  versions?: SummaryVersionDto[];
}

export class SummaryListDto {
  @ApiProperty({ type: [SummaryDto] }) items: SummaryDto[];
}

export class RecompileChangesDto {
  @ApiProperty({ type: [String], description: 'Items a re-compile adds (`<section>/<key>`)' }) added: string[];
  @ApiProperty({ type: [String], description: 'Items it removes (`<section>/<key>`)' }) removed: string[];
  @ApiProperty({ type: 'integer', description: 'Your edits it keeps' }) keptEdits: number;
  @ApiProperty({ type: 'integer', description: 'Edited items kept although the discussion no longer yields them' })
  stale: number;
  @ApiProperty({ type: Boolean }) figuresChanged: boolean;
}

export class RecompileResultDto {
  @ApiProperty({ description: 'Whether the re-compile was saved (confirm: true)' }) applied: boolean;
  @ApiProperty({ description: 'The version the preview or re-compile was made from' }) basedOnVersion: number;
  @ApiProperty({ type: RecompileChangesDto, description: 'What changes: items added and removed, edits kept, figures' })
  changes: RecompileChangesDto;
  @ApiProperty({ type: SummaryDto }) summary: SummaryDto;
}
