import type { TFunction } from 'i18next';
import type { Lang, Notification } from '../api/types';
import { formatDate } from './format';

/**
 * What a notice says, in the interface language (it follows a language switch at once),
 * with its date in the reader's own time zone and locale; the server's `text` is only for
 * clients that do not know the notice types.
 */
export function notificationText(n: Notification, t: TFunction, lang: Lang): string {
  const place = n.place && n.type !== 'summary_published' ? t('notifications.place', { place: n.place }) : '';
  // a contribution hidden by members' reports carries no moderator's reason
  const key = n.type === 'hidden' && n.reason === null ? 'hiddenAutomatic' : n.type;
  return t(`notifications.kinds.${key}`, {
    place: n.type === 'summary_published' ? (n.place ?? '') : place,
    name: n.actorName ?? '',
    until: formatDate(n.until, lang),
  });
}

/** Where a notice leads: the contribution in its thread, the question, the digest or the summary. */
export function notificationLink(n: Notification): string | null {
  if (n.summaryId) return `/stocktaking/${n.summaryId}`;
  if (n.digestId) return `/digests/${n.digestId}`;
  if (n.contributionId) return `/contributions/${n.contributionId}`;
  if (n.spaceId) return `/spaces/${n.spaceId}`;
  return null;
}
