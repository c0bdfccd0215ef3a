import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Consultation, ConsultationList, Multilingual } from '../api/types';
import { compact, ErrorNote, Loading, MultilingualFields, useAsync, useSubmit } from '../components/ui';
import { useLang } from '../i18n';
import { useAuth } from '../lib/auth';
import { pick } from '../lib/format';
import { Link, navigate, usePageTitle } from '../lib/router';

export function HomePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { user } = useAuth();
  usePageTitle(t('home.title'));
  const list = useAsync(() => call<ConsultationList>(api.GET('/api/v1/consultations', { params: { query: { limit: 100 } } })), []);
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lede">{t('home.intro')}</p>
      {list.loading && !list.data && <Loading />}
      <ErrorNote error={list.error} />
      {list.data && list.data.items.length === 0 && <p>{t('home.none')}</p>}
      <ul className="cards">
        {list.data?.items.map((c) => {
          const title = pick(c.title, lang);
          const description = pick(c.description, lang);
          return (
            <li key={c.id} className="card">
              <h2 lang={title.lang}>
                <Link to={`/consultations/${c.id}`}>{title.text}</Link>
              </h2>
              {description.text && <p lang={description.lang}>{description.text}</p>}
            </li>
          );
        })}
      </ul>
      {user?.isOrganiser && <NewConsultation />}
    </>
  );
}

function NewConsultation() {
  const { t } = useTranslation();
  const [title, setTitle] = useState<Multilingual>({});
  const [description, setDescription] = useState<Multilingual>({});
  const [timezone, setTimezone] = useState(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const submit = useSubmit(async () => {
    const desc = compact(description);
    const created = await call<Consultation>(
      api.POST('/api/v1/consultations', { body: { title: compact(title), timezone, ...(Object.keys(desc).length ? { description: desc } : {}) } }),
    );
    navigate(`/consultations/${created.id}`);
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  return (
    <details className="panel">
      <summary>{t('organiser.newConsultation')}</summary>
      <form onSubmit={onSubmit} className="stack">
        <MultilingualFields legend={t('organiser.title')} name="title" value={title} onChange={setTitle} required />
        <MultilingualFields legend={t('organiser.description')} name="description" value={description} onChange={setDescription} multiline />
        <div className="field">
          <label htmlFor="c-timezone">{t('organiser.timezone')}</label>
          <input id="c-timezone" required value={timezone} onChange={(e) => setTimezone(e.target.value)} aria-describedby="c-timezone-hint" />
          <p id="c-timezone-hint" className="hint">
            {t('organiser.timezoneHint')}
          </p>
        </div>
        <ErrorNote error={submit.error} />
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('organiser.createConsultation')}
        </button>
      </form>
    </details>
  );
}
