import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COMMON_MESSAGES, decodeCursor, DomainError, encodeCursor, keysetPage, Language } from '@roundtable/core';
import { NotificationRow, NOTIFICATION_COLUMNS, toNotificationDto } from './notification-row';
import {
  MarkNotificationsReadDto,
  MarkNotificationsReadResultDto,
  NotificationDto,
  NotificationPageDto,
} from './notification.dto';
import { NOTIFICATIONS_MESSAGES as M } from '../notifications-messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A member's own notices: the list (newest first), the unread count, marking read. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page(
    userId: string,
    language: Language,
    options: { limit?: number; cursor?: string; unreadOnly?: boolean } = {},
  ): Promise<NotificationPageDto> {
    const limit = options.limit ?? 50;
    let after: [string, string] | null = null;
    if (options.cursor !== undefined) {
      const parts = decodeCursor(options.cursor);
      if (parts.length !== 2 || Number.isNaN(Date.parse(parts[0])) || !UUID.test(parts[1]))
        throw DomainError.badRequest(COMMON_MESSAGES.badCursor, 'bad_cursor');
      after = [parts[0], parts[1]];
    }
    // notifications_user_created_idx
    const [rows, unread] = await Promise.all([
      this.db.query(
        `SELECT ${NOTIFICATION_COLUMNS} FROM notifications n
         WHERE n.user_id = $1 AND ($2::timestamptz IS NULL OR (n.created_at, n.id) < ($2::timestamptz, $3::uuid)) AND (NOT $4 OR n.read_at IS NULL)
         ORDER BY n.created_at DESC, n.id DESC LIMIT $5`,
        [userId, after?.[0] ?? null, after?.[1] ?? null, options.unreadOnly === true, limit + 1],
      ) as Promise<NotificationRow[]>,
      this.unread(userId),
    ]);
    const page = keysetPage(rows, limit, (last) => encodeCursor(last.created_key, last.id));
    return { items: page.rows.map((r) => toNotificationDto(r, language)), nextCursor: page.nextCursor, unread };
  }

  /** notifications_unread_idx */
  async unread(userId: string): Promise<number> {
    const [{ count }] = await this.db.query(
      `SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return count;
  }

  /** Marks the named notices (only the member's own; others' ids are ignored) or all of them read. */
  async markRead(userId: string, input: MarkNotificationsReadDto): Promise<MarkNotificationsReadResultDto> {
    const all = input.all === true;
    if (!all && !input.ids?.length) throw DomainError.badRequest(M.nothingToMark, 'nothing_to_mark');
    const [, marked]: [unknown, number] = await this.db.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND ($2 OR id = ANY($3::uuid[]))`,
      [userId, all, input.ids ?? []],
    );
    return { marked, unread: await this.unread(userId) };
  }

  /** Notices by id with whom they are for, each in its member's language (live delivery). */
  async byIds(ids: string[]): Promise<Array<{ userId: string; notification: NotificationDto }>> {
    if (ids.length === 0) return [];
    const rows: Array<NotificationRow & { language: Language }> = await this.db.query(
      `SELECT ${NOTIFICATION_COLUMNS}, u.preferred_language AS language FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.id = ANY($1::uuid[]) ORDER BY n.created_at, n.id`,
      [ids],
    );
    return rows.map((r) => ({ userId: r.user_id, notification: toNotificationDto(r, r.language) }));
  }
}
