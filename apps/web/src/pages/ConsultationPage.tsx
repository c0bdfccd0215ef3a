import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Consultation, Multilingual, Roundtable } from '../api/types';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { PublishedSummaries } from '../components/Published';
import { EditConsultation, objectiveLines, RoundtableFields } from '../components/EditStructure';
import { compact, ErrorNote, Loading, useAsync, useSubmit } from '../components/ui';
import { useLang } from '../i18n';
import { useAuth } from '../lib/auth';
import { pick } from '../lib/format';
import { Link, navigate, usePageTitle } from '../lib/router';

export function ConsultationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { user } = useAuth();
  const res = useAsync(
    () => call<Consultation>(api.GET('/api/v1/consultations/{id}', { params: { path: { id } } })),
    [id],
  );
  const c = res.data;
  const title = pick(c?.title, lang);
  usePageTitle(title.text);
  if (res.error) return <ErrorNote error={res.error} />;
  if (!c) return <Loading />;
  const description = pick(c.description, lang);
  return (
    <>
      <Breadcrumbs items={[]} />
      <h1 lang={title.lang}>{title.text}</h1>
      {description.text && (
        <p className="lede" lang={description.lang}>
          {description.text}
        </p>
      )}
      {user?.isOrganiser && (
        <p className="staff-links">
          <Link to={`/consultations/${id}/figures`}>{t('consultationFigures.link')}</Link>
        </p>
      )}
      <h2>{t('consultation.roundtables')}</h2>
      {!c.roundtables?.length && <p>{t('consultation.noRoundtables')}</p>}
      <ol className="cards">
        {c.roundtables
          ?.slice()
          .sort((a, b) => a.number - b.number)
          .map((r) => {
            const rt = pick(r.title, lang);
            return (
              <li key={r.id} className="card">
                <h3>
                  <Link to={`/roundtables/${r.id}`}>
                    {t('consultation.roundtableNumber', { number: r.number })} — <span lang={rt.lang}>{rt.text}</span>
                  </Link>
                </h3>
                {r.objectives?.length > 0 && (
                  <>
                    <p className="label">{t('roundtable.objectives')}</p>
                    <ul className="objectives">
                      {r.objectives.map((o, i) => (
                        <li key={i}>{o}</li>
                      ))}
                    </ul>
                  </>
                )}
              </li>
            );
          })}
      </ol>
      {c.roundtables && c.roundtables.length > 0 && (
        <PublishedSummaries roundtables={c.roundtables.slice().sort((a, b) => a.number - b.number)} />
      )}
      {user?.isOrganiser && (
        <>
          <NewRoundtable consultationId={id} next={(c.roundtables?.length ?? 0) + 1} />
          <EditConsultation consultation={c} onSaved={res.setData} />
        </>
      )}
    </>
  );
}

function NewRoundtable({ consultationId, next }: { consultationId: string; next: number }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState(String(next));
  const [title, setTitle] = useState<Multilingual>({});
  const [objectives, setObjectives] = useState('');
  const submit = useSubmit(async () => {
    const created = await call<Roundtable>(
      api.POST('/api/v1/consultations/{id}/roundtables', {
        params: { path: { id: consultationId } },
        body: {
          number: Number(number),
          title: compact(title),
          objectives: objectiveLines(objectives),
        },
      }),
    );
    navigate(`/roundtables/${created.id}`);
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  return (
    <details className="panel">
      <summary>{t('organiser.newRoundtable')}</summary>
      <form onSubmit={onSubmit} className="stack">
        <RoundtableFields
          idPrefix="rt"
          number={[number, setNumber]}
          title={[title, setTitle]}
          objectives={[objectives, setObjectives]}
        />
        <ErrorNote error={submit.error} />
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('organiser.createRoundtable')}
        </button>
      </form>
    </details>
  );
}
