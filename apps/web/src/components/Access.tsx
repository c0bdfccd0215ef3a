import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Digest, Roundtable, Space, Stocktaking } from '../api/types';
import { useAuth } from '../lib/auth';
import { Link, navigate, usePageTitle } from '../lib/router';
import { ErrorNote, Loading, useAsync } from './ui';

/** Said instead of a staff page to someone who may not use it: no forms that would only fail. */
export function NotAllowed({ back, backLabel }: { back?: string; backLabel?: string }) {
  const { t } = useTranslation();
  usePageTitle(t('access.notAllowedTitle'));
  return (
    <section className="panel access-page" aria-labelledby="not-allowed-h">
      <h1 id="not-allowed-h">{t('access.notAllowedTitle')}</h1>
      <p>{t('access.notAllowedText')}</p>
      <p>
        <Link to={back ?? '/'}>{backLabel ?? t('nav.home')}</Link>
      </p>
    </section>
  );
}

/** A space's moderation (its moderators), a roundtable's stocktaking (its rapporteurs), a digest's or a summary's editor. */
type Scope = { kind: 'space' | 'roundtable' | 'digest' | 'stocktaking'; id: string };

/**
 * Shows a staff page only to the people it is for (organisers, the space's moderators, the
 * roundtable's rapporteurs). Others opening its address are told they may not, or, for a
 * published digest or summary, taken to the page members read it on.
 */
export function StaffOnly({ scope, children }: { scope: Scope; children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const res = useAsync(async (): Promise<{ allowed: boolean; back: string; backLabel: string; readable?: string }> => {
    switch (scope.kind) {
      case 'space': {
        const s = await call<Space>(api.GET('/api/v1/spaces/{id}', { params: { path: { id: scope.id } } }));
        return {
          allowed: !!user?.isOrganiser || s.myRole === 'moderator',
          back: `/spaces/${s.id}`,
          backLabel: t('access.backToQuestion'),
        };
      }
      case 'roundtable': {
        const r = await call<Roundtable>(api.GET('/api/v1/roundtables/{id}', { params: { path: { id: scope.id } } }));
        return {
          allowed: !!user?.isOrganiser || r.myRole === 'rapporteur',
          back: `/roundtables/${r.id}`,
          backLabel: t('access.backToRoundtable'),
        };
      }
      case 'digest': {
        const d = await call<Digest>(api.GET('/api/v1/digests/{id}', { params: { path: { id: scope.id } } }));
        const s = await call<Space>(api.GET('/api/v1/spaces/{id}', { params: { path: { id: d.spaceId } } }));
        return {
          allowed: !!user?.isOrganiser || s.myRole === 'moderator',
          back: `/spaces/${s.id}`,
          backLabel: t('access.backToQuestion'),
          readable: `/digests/${d.id}/read`,
        };
      }
      case 'stocktaking': {
        const st = await call<Stocktaking>(api.GET('/api/v1/stocktaking/{id}', { params: { path: { id: scope.id } } }));
        const r = await call<Roundtable>(
          api.GET('/api/v1/roundtables/{id}', { params: { path: { id: st.roundtableId } } }),
        );
        return {
          allowed: !!user?.isOrganiser || r.myRole === 'rapporteur',
          back: `/roundtables/${r.id}`,
          backLabel: t('access.backToRoundtable'),
          readable: `/stocktaking/${st.id}/read`,
        };
      }
    }
  }, [scope.kind, scope.id, user?.id]);
  const redirect = res.data && !res.data.allowed ? res.data.readable : undefined;
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);
  if (res.error) return <ErrorNote error={res.error} />;
  if (!res.data || redirect) return <Loading />;
  if (!res.data.allowed) return <NotAllowed back={res.data.back} backLabel={res.data.backLabel} />;
  return <>{children}</>;
}
