import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

/** As long as a contribution may be. */
export const MAX_TRANSLATION = 20_000;
const TEXT_RULE = `text must be 1–${MAX_TRANSLATION.toLocaleString('en')} characters of text`;

export class CorrectTranslationDto {
  @ApiProperty({ description: 'The translation as it should read, in light Markdown like the original', minLength: 1, maxLength: MAX_TRANSLATION })
  @IsString({ message: TEXT_RULE })
  @Length(1, MAX_TRANSLATION, { message: TEXT_RULE })
  @Matches(/\S/, { message: 'text must not be blank' })
  @Matches(/^[^\0]*$/, { message: 'text must not contain NUL characters' })
  text: string;
}

export class CorrectedTranslationDto {
  @ApiProperty({ description: 'The translation readers now see' }) text: string;
  @ApiProperty({ enum: ['done'] }) status: 'done';
  @ApiProperty({ example: 'person', description: '`person`: written by the author or a moderator' }) provider: string;
  @ApiProperty({ description: 'false: a person wrote it; a new machine translation replaces it only when the original changes' }) machine: boolean;
  @ApiProperty({ description: 'The version of the contribution it translates' }) sourceVersion: number;
}
