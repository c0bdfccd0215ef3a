import { useTranslation } from 'react-i18next';
import { Link } from '../lib/router';
import { useNotifications } from '../lib/notifications';

/** The header's way to the member's notices, with how many are unread (kept live). */
export function NotificationBell({ current }: { current: boolean }) {
  const { t } = useTranslation();
  const { unread } = useNotifications();
  const count = unread ?? 0;
  // the link's name is its visible text ("Notifications 3") plus, for screen readers, "unread"
  return (
    <Link to="/notifications" className="bell" aria-current={current ? 'page' : undefined}>
      <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      <span className="bell-text">{t('notifications.bell')}</span>
      {count > 0 && (
        <>
          {' '}
          <span className="bell-count">{count > 99 ? '99+' : count}</span>
          <span className="visually-hidden"> {t('notifications.unreadSuffix', { count })}</span>
        </>
      )}
    </Link>
  );
}
