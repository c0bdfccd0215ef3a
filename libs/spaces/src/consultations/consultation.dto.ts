import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { HasSomeLanguage, MultilingualTextDto } from '../shared/multilingual-text.dto';
import { IsTimeZone } from '../shared/is-time-zone';
import { ConsultationEntity } from './consultation.entity';
import { RoundtableSummaryDto } from '../roundtables/roundtable.dto';

export class CreateConsultationDto {
  @ApiProperty({ type: MultilingualTextDto })
  @ValidateNested()
  @Type(() => MultilingualTextDto)
  @HasSomeLanguage()
  title: MultilingualTextDto;

  @ApiPropertyOptional({ type: MultilingualTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MultilingualTextDto)
  description?: MultilingualTextDto;

  @ApiProperty({ example: 'Europe/Zurich', description: 'IANA time zone; digests are scheduled in it' })
  @IsString()
  @IsTimeZone()
  timezone: string;

  /** Weekday of the members' weekly digest email, in the timezone: 0 Sunday … 6 Saturday; default the platform's. */
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 6,
    nullable: true,
    description: 'Weekday of the weekly digest email (0 Sunday … 6 Saturday); null: the platform default',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(6)
  digestDay?: number | null;

  /** Hour (0–23) of the members' weekly digest email, in the timezone; default the platform's. */
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 23,
    nullable: true,
    description: 'Hour of the weekly digest email (0–23); null: the platform default',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  digestHour?: number | null;
}

/** `PATCH /consultations/:id`: only the fields given change; a title or description changes only the languages given. */
export class UpdateConsultationDto {
  @ApiPropertyOptional({ type: MultilingualTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MultilingualTextDto)
  @HasSomeLanguage()
  title?: MultilingualTextDto;

  @ApiPropertyOptional({ type: MultilingualTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MultilingualTextDto)
  description?: MultilingualTextDto;

  @ApiPropertyOptional({ example: 'America/Bogota', description: 'IANA time zone; the digest schedule follows it' })
  @IsOptional()
  @IsString()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 6,
    nullable: true,
    description: 'Weekday of the weekly digest email (0 Sunday … 6 Saturday); null: back to the platform default',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(6)
  digestDay?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 23,
    nullable: true,
    description: 'Hour of the weekly digest email (0–23); null: back to the platform default',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  digestHour?: number | null;
}

/** When the members' weekly digest email goes out, in the consultation's timezone. */
export class DigestScheduleDto {
  @ApiProperty({ minimum: 0, maximum: 6, description: '0 Sunday … 6 Saturday' }) day: number;
  @ApiProperty({ minimum: 0, maximum: 23 }) hour: number;
  @ApiProperty({ description: 'false while the platform default applies' }) custom: boolean;
}

/** Where a consultation stands for the member asking (the listing and `GET /consultations/:id`). */
export class ConsultationActivityDto {
  @ApiProperty({
    enum: ['upcoming', 'open', 'closed'],
    description:
      'From its questions: open when one is open now, upcoming when none is open yet but one will be, else closed',
  })
  status: 'upcoming' | 'open' | 'closed';
  @ApiProperty({ type: 'integer', description: 'Questions (discussion spaces) open to members, drafts left out' })
  questions: number;
  @ApiProperty({ type: String, nullable: true, description: 'When its first question opens' }) opensAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'When its last question closes' }) closesAt: string | null;
  @ApiProperty({ type: 'integer', description: 'Contributions published in the last 7 days' })
  contributionsLast7Days: number;
  @ApiProperty({ type: String, nullable: true, description: 'When the latest contribution was published' })
  lastActivityAt: string | null;
  @ApiProperty({ type: Boolean, description: 'You joined one of its questions or hold a roundtable role in it' })
  mine: boolean;
  @ApiProperty({ type: 'integer', description: 'Your unread notifications about its questions' })
  unreadNotifications: number;
}

export class ConsultationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: MultilingualTextDto }) title: MultilingualTextDto;
  @ApiProperty({ type: MultilingualTextDto }) description: MultilingualTextDto;
  @ApiProperty() timezone: string;
  @ApiProperty({ type: DigestScheduleDto }) digestSchedule: DigestScheduleDto;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ type: [RoundtableSummaryDto] }) roundtables?: RoundtableSummaryDto[];
  @ApiPropertyOptional({
    type: ConsultationActivityDto,
    description: 'Where it stands for you (listing and single reads)',
  })
  activity?: ConsultationActivityDto;

  /** `defaults`: the platform's digest weekday and hour, for a consultation without its own. */
  static from(
    c: ConsultationEntity,
    defaults: { day: number; hour: number },
    roundtables?: RoundtableSummaryDto[],
  ): ConsultationDto {
    return {
      id: c.id,
      title: c.title,
      description: c.description,
      timezone: c.timezone,
      digestSchedule: {
        day: c.digestDay ?? defaults.day,
        hour: c.digestHour ?? defaults.hour,
        custom: c.digestDay !== null || c.digestHour !== null,
      },
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      ...(roundtables ? { roundtables } : {}),
    };
  }
}

export class ConsultationListDto {
  @ApiProperty({ type: [ConsultationDto] }) items: ConsultationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
