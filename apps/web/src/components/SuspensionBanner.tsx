import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { MemberNotices, Sanction } from '../api/types';
import { useLang } from '../i18n';
import { formatDate } from '../lib/format';
import { useNotificationListener } from '../lib/notifications';
import { liveSocket } from '../live/socket';

const SANCTION_NOTICES = new Set(['suspended', 'suspension_lifted']);

/**
 * The member's running suspension in this space (its own or the consultation's), read
 * from GET /me/moderation and read again the moment a suspension notice or the socket's
 * `space:removed` arrives; it ends by itself at its `until`.
 */
export function useSuspension(spaceId: string, consultationId: string | undefined): Sanction | null {
  const [suspension, setSuspension] = useState<Sanction | null>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    if (!consultationId) return;
    let live = true;
    call<MemberNotices>(api.GET('/api/v1/me/moderation'))
      .then((notices) => {
        if (!live) return;
        const now = Date.now();
        const running = notices.suspensions
          .filter(
            (s) =>
              s.until &&
              Date.parse(s.until) > now &&
              (s.spaceId === spaceId || (s.spaceId === null && s.consultationId === consultationId)),
          )
          .sort((a, b) => Date.parse(b.until!) - Date.parse(a.until!));
        setSuspension(running[0] ?? null);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [spaceId, consultationId, tick]);

  // the suspension ends at its own time, without a notice
  useEffect(() => {
    if (!suspension?.until) return;
    const timer = setTimeout(
      reload,
      Math.min(Math.max(0, Date.parse(suspension.until) - Date.now()) + 500, 2 ** 31 - 1),
    );
    return () => clearTimeout(timer);
  }, [suspension, reload]);

  useNotificationListener((n) => {
    if (SANCTION_NOTICES.has(n.type)) reload();
  });
  useEffect(() => {
    const socket = liveSocket();
    const onRemoved = (notice: { spaceId?: string; reason?: string }) => notice?.reason === 'suspended' && reload();
    socket?.on('space:removed', onRemoved);
    return () => {
      socket?.off('space:removed', onRemoved);
    };
  }, [reload]);

  return suspension;
}

/** Says plainly that the member is suspended here, why, and until when (their own clock and language). */
export function SuspensionBanner({ suspension }: { suspension: Sanction }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section className="suspension-banner" role="status" aria-labelledby="suspension-h">
      <h2 id="suspension-h">{t('notifications.suspendedTitle')}</h2>
      <p>{t('notifications.suspendedUntil', { until: formatDate(suspension.until, lang) })}</p>
      {suspension.spaceId === null && <p>{t('notifications.suspendedWhole')}</p>}
      <p>{t('notifications.suspendedReason', { reason: suspension.reason })}</p>
    </section>
  );
}
