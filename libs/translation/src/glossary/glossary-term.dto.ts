import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { TRANSLATION_MESSAGES as M } from '../translation-messages';
import { fill, Language, localisedRule } from '@roundtable/core';

const TERM = (language: Language) => localisedRule(fill(M.glossaryTerm, { language }));

/** A glossary term in the three languages; every translation renders each as the others. */
export class CreateGlossaryTermDto {
  @ApiProperty({ example: 'migrants', description: 'The term in English' })
  @IsString()
  @Length(1, 200, TERM('en'))
  @Matches(/\S/, TERM('en'))
  en: string;

  @ApiProperty({ example: 'migrants', description: 'The term in French' })
  @IsString()
  @Length(1, 200, TERM('fr'))
  @Matches(/\S/, TERM('fr'))
  fr: string;

  @ApiProperty({ example: 'migrantes', description: 'The term in Spanish' })
  @IsString()
  @Length(1, 200, TERM('es'))
  @Matches(/\S/, TERM('es'))
  es: string;

  @ApiPropertyOptional({ description: 'Why this rendering (shown to organisers only)' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string;
}

export class UpdateGlossaryTermDto extends PartialType(CreateGlossaryTermDto) {}

export class GlossaryTermDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() en: string;
  @ApiProperty() fr: string;
  @ApiProperty() es: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() updatedAt: string;
}
