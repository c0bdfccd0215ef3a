import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentAccess, RequestAccess } from '@roundtable/identity';
import {
  MarkNotificationsReadDto,
  MarkNotificationsReadResultDto,
  NotificationPageDto,
  NotificationQueryDto,
  UnreadCountDto,
} from './notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Access('signed-in')
  @ApiOperation({
    summary:
      'Your notices, newest first: your contributions approved, rejected, hidden or restored, warnings and suspensions, replies to you, digests and summaries published in your spaces',
  })
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentAccess() access: RequestAccess, @Query() query: NotificationQueryDto): Promise<NotificationPageDto> {
    const user = access.user!;
    return this.notifications.page(user.id, user.preferredLanguage, {
      limit: query.limit,
      cursor: query.cursor,
      unreadOnly: query.unread,
    });
  }

  @Get('unread-count')
  @Access('signed-in')
  @ApiOperation({ summary: 'How many of your notices are unread' })
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@CurrentAccess() access: RequestAccess): Promise<UnreadCountDto> {
    return { unread: await this.notifications.unread(access.user!.id) };
  }

  @Post('read')
  @HttpCode(200)
  @Access('signed-in')
  @ApiOperation({ summary: 'Mark some of your notices (ids) or all of them (all: true) read' })
  @ApiOkResponse({ type: MarkNotificationsReadResultDto })
  @ApiBadRequestResponse({ description: 'Neither ids nor all: true' })
  markRead(
    @CurrentAccess() access: RequestAccess,
    @Body() body: MarkNotificationsReadDto,
  ): Promise<MarkNotificationsReadResultDto> {
    return this.notifications.markRead(access.user!.id, body);
  }
}
