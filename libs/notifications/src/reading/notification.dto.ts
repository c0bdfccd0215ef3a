import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { localisedRule, PageQueryDto, VALIDATION_MESSAGES as V } from '@roundtable/core';
import { NOTIFICATION_KINDS, NotificationKind } from '../notices/notification-kind';
import { NOTIFICATIONS_MESSAGES as M } from '../notifications-messages';

/** One notice to the signed-in member, as GET /me/notifications and the live `notification` event carry it. */
export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, description: 'What happened' }) type: NotificationKind;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'null while unread' }) readAt:
    string | null;
  /** The sentence to show, in the member's language, with dates in the consultation's time zone. */
  @ApiProperty({ description: "What happened, in the member's language" }) text: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) spaceId: string | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The contribution concerned: the member’s own, or the reply to it',
  })
  contributionId: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The moderator's reason, as written" }) reason:
    string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'End of a suspension' }) until:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The start of the contribution concerned' }) excerpt:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Who replied' }) actorName: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) digestId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) summaryId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The consultation’s time zone, in which `text` writes dates',
  })
  timeZone: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Where: "2.3" is question 3 of roundtable 2; a summary names its roundtable ("2")',
  })
  place: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty({ description: 'How many of all the member’s notices are unread' }) unread: number;
}

export class UnreadCountDto {
  @ApiProperty() unread: number;
}

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'true: unread notices only' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean(localisedRule(V.isBoolean, { field: 'unread' }))
  unread?: boolean;
}

/** Either some notices by id, or all of them. */
export class MarkNotificationsReadDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 100, description: 'The notices to mark read' })
  @IsOptional()
  @IsArray(localisedRule(M.idsList))
  @ArrayMinSize(1, localisedRule(M.idsEmpty))
  @ArrayMaxSize(100, localisedRule(M.idsTooMany, { max: 100 }))
  @IsUUID('all', { each: true, ...localisedRule(M.idsUuid) })
  ids?: string[];

  @ApiPropertyOptional({ description: 'true: mark every notice read' })
  @IsOptional()
  @IsBoolean(localisedRule(V.isBoolean, { field: 'all' }))
  all?: boolean;
}

export class MarkNotificationsReadResultDto {
  @ApiProperty({ description: 'How many notices this call marked read' }) marked: number;
  @ApiProperty({ description: 'How many are still unread' }) unread: number;
}
