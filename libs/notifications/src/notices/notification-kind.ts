/** What a member can be told about; the column `notifications.kind` holds one of these. */
export const NOTIFICATION_KINDS = [
  'approved',
  'rejected',
  'hidden',
  'restored',
  'warned',
  'suspended',
  'suspension_lifted',
  'reply',
  'digest_published',
  'summary_published',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a notice remembers of its cause, as it was when it happened. */
export interface NotificationDetails {
  /** The moderator's reason (decisions and sanctions). */
  reason?: string | null;
  /** A contribution hidden by members' flags rather than by a moderator. */
  automatic?: boolean;
  /** The end of a suspension, ISO 8601. */
  until?: string | null;
  /** The consultation's time zone, in which dates of the notice are written. */
  timeZone?: string;
  /** The start of the contribution concerned (the member's own, or the reply to them). */
  excerpt?: string;
  /** Who replied. */
  actorName?: string;
  digestId?: string;
  summaryId?: string;
  roundtableId?: string;
  /** "2.3": roundtable and question numbers, to name the place in the text. */
  place?: string;
}

/** A notice to write: `sourceKey` names its cause, so the same cause never tells a member twice. */
export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  spaceId: string | null;
  contributionId: string | null;
  details: NotificationDetails;
  sourceKey: string;
}
