import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { ErrorNote, useSubmit } from '../../components/ui';
import { useAuth } from '../../lib/auth';
import { Link, usePageTitle } from '../../lib/router';

/** Organiser tools that are not tied to one consultation. */
export default function AdminPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [result, setResult] = useState('');
  usePageTitle(t('admin.title'));
  const run = useSubmit(async () => {
    const out = await call<Record<string, unknown>>(api.POST('/api/v1/admin/digest-emails/run', { body: {} }));
    setResult(
      t('admin.digestRun', {
        detail: out
          ? Object.entries(out)
              .map(([k, v]) => `${k}: ${v}`)
              .join(', ')
          : '',
      }),
    );
  });
  if (!user?.isOrganiser) return <p className="note">{t('errors.forbidden')}</p>;
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <section className="panel" aria-labelledby="admin-digest-h">
        <h2 id="admin-digest-h">{t('admin.digestTitle')}</h2>
        <p>{t('admin.digestText')}</p>
        <ErrorNote error={run.error} />
        {result && (
          <p className="note note-ok" role="status">
            {result}
          </p>
        )}
        <button type="button" disabled={run.busy} onClick={() => void run.run()}>
          {t('admin.digestButton')}
        </button>
      </section>
      <section className="panel" aria-labelledby="admin-structure-h">
        <h2 id="admin-structure-h">{t('admin.structureTitle')}</h2>
        <p>{t('admin.structureText')}</p>
        <p>
          <Link to="/">{t('nav.consultations')}</Link> · <a href="/api/docs">{t('admin.apiDocs')}</a>
        </p>
      </section>
    </>
  );
}
