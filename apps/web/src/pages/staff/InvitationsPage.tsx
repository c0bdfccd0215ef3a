import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Roundtable } from '../../api/types';
import { ErrorNote, Loading, useAsync } from '../../components/ui';
import { useLang } from '../../i18n';
import { useAuth } from '../../lib/auth';
import { pick } from '../../lib/format';
import { Link, usePageTitle } from '../../lib/router';
import { InvitationList, InviteForm } from './Invitations';

/** Organiser's page for inviting members to a roundtable (all of it or some questions) and following the invitations. */
export default function InvitationsPage({ roundtableId }: { roundtableId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { user } = useAuth();
  const [version, setVersion] = useState(0);
  const res = useAsync(
    () => call<Roundtable>(api.GET('/api/v1/roundtables/{id}', { params: { path: { id: roundtableId } } })),
    [roundtableId],
  );
  const r = res.data;
  usePageTitle(r ? t('invitations.pageTitle', { number: r.number }) : undefined);
  if (!user?.isOrganiser) return <p className="note">{t('errors.forbidden')}</p>;
  if (res.error) return <ErrorNote error={res.error} />;
  if (!r) return <Loading />;
  const title = pick(r.title, lang);
  const spaces = (r.spaces ?? []).filter((s) => s.status !== 'archived').sort((a, b) => a.number - b.number);
  return (
    <>
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={`/roundtables/${r.id}`} lang={title.lang}>
              {t('consultation.roundtableNumber', { number: r.number })} · {title.text}
            </Link>
          </li>
        </ol>
      </nav>
      <h1>{t('invitations.pageTitle', { number: r.number })}</h1>
      <div className="panel">
        <InviteForm roundtableId={r.id} spaces={spaces} onSent={() => setVersion((v) => v + 1)} />
      </div>
      <div className="panel">
        <InvitationList roundtableId={r.id} spaces={r.spaces ?? []} version={version} />
      </div>
    </>
  );
}
