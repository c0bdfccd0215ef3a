import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { HasSomeLanguage, MultilingualTextDto } from '../shared/multilingual-text.dto';
import { SpaceDto } from '../spaces/space.dto';
import { alignedTranslations } from './objective-texts';
import { RoundtableEntity } from './roundtable.entity';

export class CreateRoundtableDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(1000)
  number: number;

  @ApiProperty({ type: MultilingualTextDto })
  @ValidateNested()
  @Type(() => MultilingualTextDto)
  @HasSomeLanguage()
  title: MultilingualTextDto;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 2000, { each: true })
  objectives?: string[];

  @ApiPropertyOptional({
    type: [MultilingualTextDto],
    description:
      'Each objective in English, French and/or Spanish, in the order of `objectives` (`{}`: none yet); alone, it also gives the objectives',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => MultilingualTextDto)
  objectiveTranslations?: MultilingualTextDto[];
}

/** `PATCH /roundtables/:id`: only the fields given change; a title changes only the languages given. */
export class UpdateRoundtableDto {
  @ApiPropertyOptional({ example: 2 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  number?: number;

  @ApiPropertyOptional({ type: MultilingualTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MultilingualTextDto)
  @HasSomeLanguage()
  title?: MultilingualTextDto;

  @ApiPropertyOptional({ type: [String], description: 'Replaces the list of objectives' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 2000, { each: true })
  objectives?: string[];

  @ApiPropertyOptional({
    type: [MultilingualTextDto],
    description:
      'Replaces the language versions of the objectives (one entry per objective, same order; `{}`: none yet)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => MultilingualTextDto)
  objectiveTranslations?: MultilingualTextDto[];
}

export class AssignRoundtableRoleDto {
  @ApiProperty({ enum: ['moderator', 'rapporteur', 'none'], description: '`none` removes the roundtable-level role' })
  @IsIn(['moderator', 'rapporteur', 'none'])
  role: 'moderator' | 'rapporteur' | 'none';
}

export class RoundtableSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) consultationId: string;
  @ApiProperty() number: number;
  @ApiProperty({ type: MultilingualTextDto }) title: MultilingualTextDto;
  @ApiProperty({ type: [String], description: 'The objectives as the organiser first wrote them' })
  objectives: string[];
  @ApiProperty({
    type: [MultilingualTextDto],
    description:
      'Each objective in English, French and Spanish where the organiser gave it (same order as `objectives`; a missing language falls back to the objective as written)',
  })
  objectiveTranslations: MultilingualTextDto[];

  static from(r: RoundtableEntity): RoundtableSummaryDto {
    return {
      id: r.id,
      consultationId: r.consultationId,
      number: r.number,
      title: r.title,
      objectives: r.objectives,
      objectiveTranslations: alignedTranslations(r.objectives, r.objectiveTranslations),
    };
  }
}

export class RoundtableDto extends RoundtableSummaryDto {
  @ApiProperty({ type: () => [SpaceDto], description: 'The roundtable questions (discussion spaces) you may see' })
  spaces: SpaceDto[];
  @ApiPropertyOptional({ nullable: true, enum: ['moderator', 'rapporteur'] }) myRole: string | null;
}
