import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, registerDecorator, ValidationOptions } from 'class-validator';
import { fill, LANGUAGES, localisedRule } from '@roundtable/core';
import { SPACES_MESSAGES as M } from '../spaces-messages';

/** A text in English, French and/or Spanish; at least one is required, the others can come from translation. */
export class MultilingualTextDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  en?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  fr?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  es?: string;
}

/** The object must carry at least one of en/fr/es. */
export function HasSomeLanguage(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'hasSomeLanguage',
      target: object.constructor,
      propertyName,
      options: { ...localisedRule(fill(M.multilingualText, { field: propertyName })), ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          LANGUAGES.some((l) => typeof (value as Record<string, unknown>)[l] === 'string'),
      },
    });
}

export function pickLanguages(text: MultilingualTextDto | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const lang of LANGUAGES) if (text?.[lang]) out[lang] = text[lang]!;
  return out;
}
