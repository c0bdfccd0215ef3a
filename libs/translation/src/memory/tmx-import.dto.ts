import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** 8 MB of TMX at most (the api's BODY_LIMIT_BYTES may be lower). */
export const MAX_TMX_CHARS = 8_000_000;

export class TmxImportDto {
  @ApiProperty({ description: 'The TMX 1.4 document (XML) with English, French and/or Spanish variants of each unit' })
  @IsString({ message: 'tmx must be the TMX document as a string' })
  @Length(1, MAX_TMX_CHARS, { message: `tmx must be 1–${MAX_TMX_CHARS.toLocaleString('en')} characters` })
  tmx: string;
}

export class TmxImportResultDto {
  @ApiProperty({ description: 'Translation units read' }) units: number;
  @ApiProperty({ description: 'Sentence pairs remembered (every ordered pair of languages of a unit), new or changed' })
  remembered: number;
  @ApiProperty({ type: [String], description: 'Languages in the file that are not translated here (skipped)' })
  skippedLanguages: string[];
}
