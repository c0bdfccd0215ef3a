import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { CONSTITUENCIES, LANGUAGES, localisedRule, VALIDATION_MESSAGES as V } from '@roundtable/core';
import type { Constituency, Language } from '@roundtable/core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Profile fields shared by registration and `PATCH /me`. */
export class ProfileFieldsDto {
  @ApiProperty({ example: 'Amina Diallo' })
  @Transform(trim)
  @IsString()
  @Length(1, 120)
  displayName: string;

  @ApiPropertyOptional({ example: 'Coastal Cities Network' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  organisation?: string;

  @ApiProperty({ enum: CONSTITUENCIES })
  @IsIn(CONSTITUENCIES, localisedRule(V.isIn, { field: 'constituency', values: CONSTITUENCIES.join(', ') }))
  constituency: Constituency;

  @ApiPropertyOptional({ example: 'SN' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 80)
  country?: string;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, localisedRule(V.isIn, { field: 'preferredLanguage', values: LANGUAGES.join(', ') }))
  preferredLanguage: Language;
}
