import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Notification, NotificationPage } from '../api/types';
import { ErrorNote, Loading, useSubmit } from '../components/ui';
import { useLang } from '../i18n';
import { formatDate, plainExcerpt } from '../lib/format';
import { notificationLink, notificationText } from '../lib/notification-text';
import { useNotificationListener, useNotifications } from '../lib/notifications';
import { Link, usePageTitle } from '../lib/router';

const PAGE = 30;

/** The member's notices, newest first; a notice arriving live goes on top. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { setUnread } = useNotifications();
  usePageTitle(t('notifications.title'));
  const [items, setItems] = useState<Notification[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');

  const load = useCallback(
    async (cursor?: string) => {
      setLoading(true);
      try {
        const page = await call<NotificationPage>(
          api.GET('/api/v1/me/notifications', { params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } }),
        );
        setItems((current) =>
          cursor ? [...current, ...page.items.filter((n) => !current.some((c) => c.id === n.id))] : page.items,
        );
        setNextCursor(page.nextCursor);
        setUnread(page.unread);
      } catch (err) {
        setError(err);
      } finally {
        setLoading(false);
      }
    },
    [setUnread],
  );
  useEffect(() => {
    void load();
  }, [load]);

  useNotificationListener((n) =>
    setItems((current) => (current.some((c) => c.id === n.id) ? current : [n, ...current])),
  );

  const mark = useSubmit(async (ids: string[] | 'all') => {
    const answer = await call<{ marked: number; unread: number }>(
      api.POST('/api/v1/me/notifications/read', { body: ids === 'all' ? { all: true } : { ids } }),
    );
    const at = new Date().toISOString();
    setItems((current) =>
      current.map((n) => (ids === 'all' || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? at } : n)),
    );
    setUnread(answer.unread);
    setStatus(ids === 'all' ? t('notifications.allRead') : t('notifications.markedRead'));
  });

  const anyUnread = items.some((n) => !n.readAt);
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      <p className="muted">{t('notifications.intro')}</p>
      {anyUnread && (
        <p>
          <button type="button" onClick={() => void mark.run('all')} disabled={mark.busy}>
            {t('notifications.markAllRead')}
          </button>
        </p>
      )}
      <ErrorNote error={error ?? mark.error} />
      <p role="status" className={status ? 'note note-ok' : 'visually-hidden'}>
        {status}
      </p>
      {loading && items.length === 0 ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="panel">{t('notifications.empty')}</p>
      ) : (
        <ul className="notifications" aria-label={t('notifications.title')}>
          {items.map((n) => (
            <NotificationItem
              key={n.id}
              notification={n}
              lang={lang}
              onRead={() => void mark.run([n.id])}
              busy={mark.busy}
            />
          ))}
        </ul>
      )}
      {nextCursor && (
        <p>
          <button type="button" onClick={() => void load(nextCursor)} disabled={loading}>
            {t('notifications.more')}
          </button>
        </p>
      )}
    </>
  );
}

function NotificationItem({
  notification: n,
  lang,
  onRead,
  busy,
}: {
  notification: Notification;
  lang: ReturnType<typeof useLang>;
  onRead(): void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const link = notificationLink(n);
  const linkText = n.summaryId
    ? t('notifications.openSummary')
    : n.digestId
      ? t('notifications.openDigest')
      : t('notifications.openThread');
  return (
    <li className={`notification ${n.readAt ? 'read' : 'unread'}`} data-type={n.type}>
      <p className="notification-head">
        {!n.readAt && <span className="badge new">{t('notifications.unread')}</span>}{' '}
        <time dateTime={n.createdAt} className="muted">
          {formatDate(n.createdAt, lang)}
        </time>
      </p>
      <p className="notification-text">{notificationText(n, t, lang)}</p>
      {n.reason && <p className="note note-warn">{t('notifications.reason', { reason: n.reason })}</p>}
      {n.excerpt && (
        <p className="muted excerpt">
          {t(n.type === 'reply' ? 'notifications.replyExcerpt' : 'notifications.excerpt', {
            excerpt: plainExcerpt(n.excerpt),
          })}
        </p>
      )}
      <p className="actions">
        {link && <Link to={link}>{linkText}</Link>}
        {!n.readAt && (
          <button type="button" className="link" onClick={onRead} disabled={busy}>
            {t('notifications.markRead')}
          </button>
        )}
      </p>
    </li>
  );
}
