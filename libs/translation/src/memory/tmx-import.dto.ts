import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { localisedRule } from '@roundtable/core';
import { TRANSLATION_MESSAGES as M } from '../translation-messages';

/** 8 MB of TMX at most (the api's BODY_LIMIT_BYTES may be lower). */
export const MAX_TMX_CHARS = 8_000_000;

export class TmxImportDto {
  @ApiProperty({ description: 'The TMX 1.4 document (XML) with English, French and/or Spanish variants of each unit' })
  @IsString(localisedRule(M.tmxText))
  @Length(1, MAX_TMX_CHARS, localisedRule(M.tmxLength, { max: MAX_TMX_CHARS }))
  tmx: string;
}

export class TmxImportResultDto {
  @ApiProperty({ description: 'Translation units read' }) units: number;
  @ApiProperty({ description: 'Sentence pairs remembered (every ordered pair of languages of a unit), new or changed' })
  remembered: number;
  @ApiProperty({ type: [String], description: 'Languages in the file that are not translated here (skipped)' })
  skippedLanguages: string[];
}
