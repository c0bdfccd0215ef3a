import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { HasSomeLanguage, MultilingualTextDto } from '../shared/multilingual-text.dto';
import { IsTimeZone } from '../shared/is-time-zone';
import { ConsultationEntity } from './consultation.entity';
import { RoundtableSummaryDto } from '../roundtables/roundtable.dto';

export class CreateConsultationDto {
  @ApiProperty({ type: MultilingualTextDto })
  @ValidateNested() @Type(() => MultilingualTextDto) @HasSomeLanguage()
  title: MultilingualTextDto;

  @ApiPropertyOptional({ type: MultilingualTextDto })
  @IsOptional() @ValidateNested() @Type(() => MultilingualTextDto)
  description?: MultilingualTextDto;

  @ApiProperty({ example: 'Europe/Zurich', description: 'IANA time zone; digests are scheduled in it' })
  @IsString() @IsTimeZone()
  timezone: string;
}

export class ConsultationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: MultilingualTextDto }) title: MultilingualTextDto;
  @ApiProperty({ type: MultilingualTextDto }) description: MultilingualTextDto;
  @ApiProperty() timezone: string;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ type: [RoundtableSummaryDto] }) roundtables?: RoundtableSummaryDto[];

  static from(c: ConsultationEntity, roundtables?: RoundtableSummaryDto[]): ConsultationDto {
    return {
      id: c.id,
      title: c.title,
      description: c.description,
      timezone: c.timezone,
      createdAt: c.createdAt.toISOString(),
      ...(roundtables ? { roundtables } : {}),
    };
  }
}

export class ConsultationListDto {
  @ApiProperty({ type: [ConsultationDto] }) items: ConsultationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
