import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

const TERM = 'must be 1–200 characters and not blank';

/** A glossary term in the three languages; every translation renders each as the others. */
export class CreateGlossaryTermDto {
  @ApiProperty({ example: 'migrants', description: 'The term in English' })
  @IsString()
  @Length(1, 200, { message: `en ${TERM}` })
  @Matches(/\S/, { message: `en ${TERM}` })
  en: string;

  @ApiProperty({ example: 'migrants', description: 'The term in French' })
  @IsString()
  @Length(1, 200, { message: `fr ${TERM}` })
  @Matches(/\S/, { message: `fr ${TERM}` })
  fr: string;

  @ApiProperty({ example: 'migrantes', description: 'The term in Spanish' })
  @IsString()
  @Length(1, 200, { message: `es ${TERM}` })
  @Matches(/\S/, { message: `es ${TERM}` })
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
