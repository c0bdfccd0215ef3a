import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { DataSource } from 'typeorm';
import {
  DomainError,
  fill,
  LANGUAGE_NAMES,
  localisedRule,
  NOT_FOUND,
  VALIDATION_MESSAGES as V,
} from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { MAX_TEXT } from '../compile/section-edits';
import type { SummaryContent } from '../compile/summary.types';
import { freeTexts, textKey } from '../render/free-text';
import { STOCKTAKING_MESSAGES as M } from '../stocktaking-messages';

export class TextCorrectionDto {
  @ApiProperty({ description: 'The key of a translated text, as `GET /stocktaking/:id/translations/:lang` lists it' })
  @IsString()
  @Length(1, 64)
  key: string;

  @ApiProperty({ maxLength: MAX_TEXT, description: 'The text as it should read in this language' })
  @IsString(localisedRule(V.isString, { field: 'text' }))
  @Length(1, MAX_TEXT)
  text: string;
}

export class ReviewTranslationDto {
  @ApiPropertyOptional({
    type: [TextCorrectionDto],
    description: 'Your corrections of the machine translation; the other texts are accepted as they are',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => TextCorrectionDto)
  corrections?: TextCorrectionDto[];

  @ApiPropertyOptional({ description: 'true without corrections: accept the machine translation as it is' })
  @IsOptional()
  @IsBoolean(localisedRule(V.isBoolean, { field: 'accept' }))
  accept?: boolean;
}

export class TranslationReviewDto {
  @ApiProperty({ format: 'uuid' }) summaryId: string;
  @ApiProperty({ description: 'The published version this translation is of' }) version: number;
  @ApiProperty() language: string;
  @ApiProperty({ enum: ['pending', 'done', 'failed'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) provider: string | null;
  @ApiProperty({
    nullable: true,
    enum: ['reviewed', 'accepted'],
    description: 'null: a machine translation nobody reviewed, not the official text',
  })
  review: string | null;
  @ApiProperty({ description: 'Only a reviewed or accepted translation is the official text in its language' })
  official: boolean;
  @ApiProperty({ nullable: true, type: String }) reviewedAt: string | null;
  @ApiProperty({
    description: 'Each free text: its key, the source as written, the machine translation and your correction, if any',
  })
  texts: Array<{
    key: string;
    source: string;
    sourceLanguage: Language;
    machine: string | null;
    corrected: string | null;
  }>;
}

interface Row {
  status: string;
  provider: string | null;
  texts: Record<string, string>;
  review: 'reviewed' | 'accepted' | null;
  corrections: Record<string, string>;
  reviewed_at: Date | null;
  version: number;
  content: SummaryContent;
  source: Language;
}

/**
 * The rapporteur's review of a published summary's machine translation, one language at
 * a time: they correct the texts that need it, or accept the translation as it is. Only
 * then is that language's version the official text (until the next publication, whose
 * translation is reviewed again).
 */
@Injectable()
export class SummaryTranslationReview {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(summaryId: string, language: Language): Promise<TranslationReviewDto> {
    return toDto(summaryId, language, await this.row(summaryId, language));
  }

  async review(
    summaryId: string,
    language: Language,
    input: ReviewTranslationDto,
    actorId: string,
  ): Promise<TranslationReviewDto> {
    const row = await this.row(summaryId, language);
    if (row.status !== 'done')
      throw DomainError.conflict(
        fill(M.translationNotDone, { language: LANGUAGE_NAMES[language], status: String(row.status) }),
      );
    const corrections = input.corrections ?? [];
    if (corrections.length === 0 && input.accept !== true) throw DomainError.badRequest(M.nothingToReview);
    const known = new Set(Object.keys(row.texts));
    const unknown = corrections.find((c) => !known.has(c.key));
    if (unknown) throw DomainError.badRequest(fill(M.unknownCorrection, { key: unknown.key }));
    const merged = { ...row.corrections };
    for (const c of corrections) merged[c.key] = c.text.replace(/[ \t]+/g, ' ').trim();
    await this.db.query(
      `UPDATE stocktaking_translations SET review = $4, corrections = $5, reviewed_by = $6, reviewed_at = now(), updated_at = now()
       WHERE summary_id = $1 AND version = $2 AND language = $3`,
      [
        summaryId,
        row.version,
        language,
        Object.keys(merged).length ? 'reviewed' : 'accepted',
        JSON.stringify(merged),
        actorId,
      ],
    );
    return this.get(summaryId, language);
  }

  private async row(summaryId: string, language: Language): Promise<Row> {
    const [row]: Row[] = await this.db.query(
      `SELECT t.status, t.provider, t.texts, t.review, t.corrections, t.reviewed_at, t.version, v.content, s.language AS source
       FROM stocktaking_summaries s
       JOIN stocktaking_translations t ON t.summary_id = s.id AND t.version = s.published_version AND t.language = $2
       JOIN stocktaking_versions v ON v.summary_id = s.id AND v.version = s.published_version
       WHERE s.id = $1`,
      [summaryId, language],
    );
    if (!row) throw DomainError.notFound(NOT_FOUND.summaryTranslation);
    return row;
  }
}

function toDto(summaryId: string, language: Language, row: Row): TranslationReviewDto {
  return {
    summaryId,
    version: row.version,
    language,
    status: row.status,
    provider: row.provider,
    review: row.review,
    official: row.status === 'done' && row.review !== null,
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
    texts: freeTexts(row.content, row.source)
      .filter((t) => t.language !== language)
      .map((t) => {
        const key = textKey(t);
        return {
          key,
          source: t.text,
          sourceLanguage: t.language,
          machine: row.texts[key] ?? null,
          corrected: row.corrections[key] ?? null,
        };
      }),
  };
}
