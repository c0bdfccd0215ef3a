import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { HasSomeLanguage, MultilingualTextDto } from '../shared/multilingual-text.dto';
import { SpaceDto } from '../spaces/space.dto';
import { RoundtableEntity } from './roundtable.entity';

export class CreateRoundtableDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(1000)
  number: number;

  @ApiProperty({ type: MultilingualTextDto })
  @ValidateNested() @Type(() => MultilingualTextDto) @HasSomeLanguage()
  title: MultilingualTextDto;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @Length(1, 2000, { each: true })
  objectives?: string[];
}

/** `PATCH /roundtables/:id`: only the fields given change; a title changes only the languages given. */
export class UpdateRoundtableDto {
  @ApiPropertyOptional({ example: 2 }) @IsOptional() @IsInt() @Min(1) @Max(1000)
  number?: number;

  @ApiPropertyOptional({ type: MultilingualTextDto })
  @IsOptional() @ValidateNested() @Type(() => MultilingualTextDto) @HasSomeLanguage()
  title?: MultilingualTextDto;

  @ApiPropertyOptional({ type: [String], description: 'Replaces the list of objectives' })
  @IsOptional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @Length(1, 2000, { each: true })
  objectives?: string[];
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
  @ApiProperty({ type: [String] }) objectives: string[];

  static from(r: RoundtableEntity): RoundtableSummaryDto {
    return { id: r.id, consultationId: r.consultationId, number: r.number, title: r.title, objectives: r.objectives };
  }
}

export class RoundtableDto extends RoundtableSummaryDto {
  @ApiProperty({ type: () => [SpaceDto], description: 'The roundtable questions (discussion spaces) you may see' })
  spaces: SpaceDto[];
  @ApiPropertyOptional({ nullable: true, enum: ['moderator', 'rapporteur'] }) myRole: string | null;
}
