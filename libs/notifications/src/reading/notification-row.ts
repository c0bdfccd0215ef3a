import type { Language } from '@roundtable/core';
import type { NotificationDetails, NotificationKind } from '../notices/notification-kind';
import { notificationText } from '../notices/notification-text';
import type { NotificationDto } from './notification.dto';

export interface NotificationRow {
  id: string;
  user_id: string;
  kind: NotificationKind;
  space_id: string | null;
  contribution_id: string | null;
  details: NotificationDetails;
  created_at: Date;
  /** created_at as PostgreSQL writes it (microseconds kept), for the cursor. */
  created_key: string;
  read_at: Date | null;
}

export const NOTIFICATION_COLUMNS =
  'n.id, n.user_id, n.kind, n.space_id, n.contribution_id, n.details, n.created_at, n.created_at::text AS created_key, n.read_at';

export function toNotificationDto(row: NotificationRow, language: Language): NotificationDto {
  const d = row.details;
  return {
    id: row.id,
    type: row.kind,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
    text: notificationText(row.kind, d, language),
    spaceId: row.space_id,
    contributionId: row.contribution_id,
    reason: d.automatic ? null : (d.reason ?? null),
    until: d.until ?? null,
    excerpt: d.excerpt ?? null,
    actorName: d.actorName ?? null,
    digestId: d.digestId ?? null,
    summaryId: d.summaryId ?? null,
    timeZone: d.timeZone ?? null,
    place: d.place ?? null,
  };
}
