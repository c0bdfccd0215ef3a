import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { LANGUAGES } from '@roundtable/core';
import type { TranslationState } from './summary-view';
import type { Language } from '@roundtable/core';
import { MAX_ITEMS, MAX_TEXT } from '../compile/section-edits';
import type { Annex, CompiledDigestRef, Participation, SummaryItem } from '../compile/summary.types';

export class SummaryQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Language of the wording (fixed wording from the catalogue, free text machine-translated once published)' })
  @IsOptional() @IsIn(LANGUAGES, { message: `lang must be one of: ${LANGUAGES.join(', ')}` })
  lang?: Language;
}

export const EXPORT_FORMATS = ['md', 'html', 'pdf', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ExportQueryDto extends SummaryQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS, { message: `format must be one of: ${EXPORT_FORMATS.join(', ')}` })
  format: ExportFormat;
}

export class ItemEditDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing item; leave out to add one of your own' })
  @IsOptional() @IsUUID('all', { message: 'id must be the id of an item' })
  id?: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: MAX_TEXT, description: 'Your wording; null restores the generated wording; required for a new item' })
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsString({ message: 'text must be text' }) @MaxLength(MAX_TEXT)
  text?: string | null;
}

/** Each list given is the section as it should now read (order, wording; left-out items are dropped). */
export class UpdateSummaryDto {
  @ApiPropertyOptional({ description: 'The version you edited; a newer one on the server answers 409' })
  @IsOptional() @IsInt() @Min(1)
  expectedVersion?: number;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: MAX_TEXT })
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsString() @MaxLength(MAX_TEXT)
  introduction?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: MAX_TEXT, description: 'Your participation paragraph; null restores the generated sentence' })
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsString() @MaxLength(MAX_TEXT)
  participationText?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: MAX_TEXT, description: 'Your sentence on the regions participants came from; null restores the generated one' })
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsString() @MaxLength(MAX_TEXT)
  regionsText?: string | null;

  @ApiPropertyOptional({ type: [ItemEditDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_ITEMS) @ValidateNested({ each: true }) @Type(() => ItemEditDto)
  keyEmphases?: ItemEditDto[];

  @ApiPropertyOptional({ type: [ItemEditDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_ITEMS) @ValidateNested({ each: true }) @Type(() => ItemEditDto)
  convergence?: ItemEditDto[];

  @ApiPropertyOptional({ type: [ItemEditDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_ITEMS) @ValidateNested({ each: true }) @Type(() => ItemEditDto)
  priorities?: ItemEditDto[];

  @ApiPropertyOptional({ type: [ItemEditDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_ITEMS) @ValidateNested({ each: true }) @Type(() => ItemEditDto)
  gaps?: ItemEditDto[];
}

export class RecompileDto {
  @ApiPropertyOptional({ description: 'false (default): preview what a re-compile would change; true: apply it' })
  @IsOptional() @IsBoolean({ message: 'confirm must be true or false' })
  confirm?: boolean;

  @ApiPropertyOptional({ description: 'The version the preview was made from; a newer one on the server answers 409' })
  @IsOptional() @IsInt() @Min(1)
  expectedVersion?: number;
}

/** An item with its wording in the asked language. */
export type ItemView = SummaryItem & { statement: string; machineTranslated: boolean };

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
    description:
      'Machine translation of the free text into `lang`: `status` pending, done or failed; `review` reviewed or accepted by a rapporteur, or null; `official`: only a reviewed or accepted translation is the official text (null for the original language)',
    nullable: true,
    type: Object,
  })
  translation: TranslationState | null;
  @ApiProperty({ description: 'Who worded the statements: extractive or openai' }) summariser: string;
  @ApiProperty() compiledAt: string;
  @ApiProperty({
    description:
      'Participation figures from the database, with the sentences in `lang`; `regions` lists the UN M49 regions of the participants’ countries and `regionsSentence` says them (the rapporteur’s `regionsText` when edited; null when no profile names a country)',
  })
  participation: Participation & { sentence: string; regionsSentence: string | null; moderatorsSentence: string; questionSentences: string[] };
  @ApiProperty({ description: 'Editable sections; each item with its sources and its wording (`statement`) in `lang`' })
  sections: {
    introduction: string | null;
    participationText: string | null;
    regionsText: string | null;
    keyEmphases: ItemView[];
    convergence: ItemView[];
    priorities: ItemView[];
    gaps: ItemView[];
  };
  @ApiProperty({ description: 'Spaces × constituencies' }) annex: Annex;
  @ApiProperty({ description: 'The published digests it was compiled from' }) digests: CompiledDigestRef[];
  @ApiPropertyOptional({ type: [String], description: 'For the rapporteur: what is missing (staff only)' }) warnings?: string[];
  @ApiPropertyOptional({ type: [SummaryVersionDto], description: 'Edit history (staff only)' }) versions?: SummaryVersionDto[];
}

export class SummaryListDto {
  @ApiProperty({ type: [SummaryDto] }) items: SummaryDto[];
}

export class RecompileResultDto {
  @ApiProperty({ description: 'Whether the re-compile was saved (confirm: true)' }) applied: boolean;
  @ApiProperty({ description: 'The version the preview or re-compile was made from' }) basedOnVersion: number;
  @ApiProperty({ description: 'What changes: items added and removed, edits kept, figures' })
  changes: { added: string[]; removed: string[]; keptEdits: number; stale: number; figuresChanged: boolean };
  @ApiProperty({ type: SummaryDto }) summary: SummaryDto;
}
