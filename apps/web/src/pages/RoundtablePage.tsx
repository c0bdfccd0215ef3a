import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Consultation, Multilingual, Roundtable, Space } from '../api/types';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { PublishedSummaries } from '../components/Published';
import { EditRoundtable } from '../components/EditStructure';
import { RoleForm } from '../components/RoleForm';
import { compact, ErrorNote, Loading, MultilingualFields, useAsync, useSubmit } from '../components/ui';
import { useLang } from '../i18n';
import { useAuth } from '../lib/auth';
import { formatDate, fromLocalInput, pick } from '../lib/format';
import { Link, usePageTitle } from '../lib/router';

export function RoundtablePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { user } = useAuth();
  const res = useAsync(async () => {
    const roundtable = await call<Roundtable>(api.GET('/api/v1/roundtables/{id}', { params: { path: { id } } }));
    const consultation = await call<Consultation>(
      api.GET('/api/v1/consultations/{id}', { params: { path: { id: roundtable.consultationId } } }),
    ).catch(() => null);
    return { roundtable, consultation };
  }, [id]);
  const r = res.data?.roundtable;
  const title = pick(r?.title, lang);
  usePageTitle(title.text);
  if (res.error) return <ErrorNote error={res.error} />;
  if (!r) return <Loading />;
  const consultation = res.data?.consultation;
  const ct = pick(consultation?.title, lang);
  const staff = user?.isOrganiser || r.myRole === 'rapporteur';
  return (
    <>
      <Breadcrumbs
        items={consultation ? [{ to: `/consultations/${consultation.id}`, label: ct.text, lang: ct.lang }] : []}
      />
      <p className="eyebrow">{t('consultation.roundtableNumber', { number: r.number })}</p>
      <h1 lang={title.lang}>{title.text}</h1>
      {r.objectives?.length > 0 && (
        <section aria-labelledby="objectives-h" className="panel plain">
          <h2 id="objectives-h">{t('roundtable.objectives')}</h2>
          <ul className="objectives">
            {r.objectives.map((o, i) => {
              // the reader's language when the organiser gave it, else the objective as first written
              const own = r.objectiveTranslations?.[i]?.[lang];
              return (
                <li key={i} lang={own ? lang : undefined}>
                  {own || o}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <h2>{t('roundtable.questions')}</h2>
      {!r.spaces?.length && <p>{t('roundtable.noQuestions')}</p>}
      <ol className="cards">
        {r.spaces
          ?.slice()
          .sort((a, b) => a.number - b.number)
          .map((s) => (
            <QuestionCard key={s.id} space={s} />
          ))}
      </ol>
      <PublishedSummaries roundtables={[{ id: r.id, number: r.number }]} />
      {staff && (
        <p>
          <Link to={`/roundtables/${r.id}/stocktaking`} className="button">
            {t('stocktaking.open')}
          </Link>
        </p>
      )}
      {user?.isOrganiser && (
        <>
          <p>
            <Link to={`/roundtables/${r.id}/invitations`} className="button">
              {t('invitations.open')}
            </Link>
          </p>
          <NewQuestion roundtableId={r.id} next={(r.spaces?.length ?? 0) + 1} onCreated={res.reload} />
          <EditRoundtable roundtable={r} onSaved={res.reload} />
          {r.objectives.length > 0 && (
            <ObjectiveLanguages key={r.objectives.join('\n')} roundtable={r} onSaved={res.reload} />
          )}
          <details className="panel">
            <summary>{t('roles.roundtableTitle')}</summary>
            <RoleForm scope="roundtable" id={r.id} />
          </details>
        </>
      )}
    </>
  );
}

function QuestionCard({ space }: { space: Space }) {
  const { t } = useTranslation();
  const lang = useLang();
  const prompt = pick(space.prompt, lang);
  const a = space.activity;
  return (
    <li className="card" data-space={space.id}>
      <p className="eyebrow">{t('roundtable.questionNumber', { number: space.number })}</p>
      <p className="prompt" lang={prompt.lang}>
        <Link to={`/spaces/${space.id}`}>{prompt.text}</Link>
      </p>
      <p className="meta">
        <span className={`badge status-${space.status}`}>{t(`space.status.${space.status}`)}</span>{' '}
        <span className="moderation-plain">{t(`space.moderation.${space.moderation}`)}</span>
        {space.closesAt && <> · {t('space.closes', { date: formatDate(space.closesAt, lang, false) })}</>}
      </p>
      {a && (
        <p className="meta question-counts">
          <span>{t('findWay.contributions', { count: a.contributions })}</span>
          <span>{t('findWay.participants', { count: a.participants })}</span>
          <span>
            {a.lastActivityAt
              ? t('findWay.lastActivity', { date: formatDate(a.lastActivityAt, lang, false) })
              : t('findWay.noActivity')}
          </span>
        </p>
      )}
    </li>
  );
}

function NewQuestion({ roundtableId, next, onCreated }: { roundtableId: string; next: number; onCreated(): void }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState(String(next));
  const [prompt, setPrompt] = useState<Multilingual>({});
  const [moderation, setModeration] = useState<'pre' | 'post'>('post');
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [created, setCreated] = useState<Space | null>(null);
  const submit = useSubmit(async () => {
    const space = await call<Space>(
      api.POST('/api/v1/roundtables/{id}/spaces', {
        params: { path: { id: roundtableId } },
        body: {
          number: Number(number),
          prompt: compact(prompt),
          moderation,
          ...(opensAt ? { opensAt: fromLocalInput(opensAt) } : {}),
          ...(closesAt ? { closesAt: fromLocalInput(closesAt) } : {}),
        },
      }),
    );
    setCreated(space);
    setPrompt({});
    setNumber(String(space.number + 1));
    onCreated();
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  return (
    <details className="panel">
      <summary>{t('organiser.newQuestion')}</summary>
      <form onSubmit={onSubmit} className="stack">
        <div className="field">
          <label htmlFor="q-number">{t('organiser.number')}</label>
          <input
            id="q-number"
            type="number"
            min={1}
            required
            className="short"
            value={number}
            onChange={(e) => setNumber(e.target.value)}
          />
        </div>
        <MultilingualFields
          legend={t('organiser.prompt')}
          name="prompt"
          value={prompt}
          onChange={setPrompt}
          multiline
          required
        />
        <fieldset>
          <legend>{t('organiser.moderationMode')}</legend>
          <div className="radio">
            <input
              type="radio"
              id="q-mod-post"
              name="moderation"
              value="post"
              checked={moderation === 'post'}
              onChange={() => setModeration('post')}
            />
            <label htmlFor="q-mod-post">{t('organiser.postModeration')}</label>
          </div>
          <div className="radio">
            <input
              type="radio"
              id="q-mod-pre"
              name="moderation"
              value="pre"
              checked={moderation === 'pre'}
              onChange={() => setModeration('pre')}
            />
            <label htmlFor="q-mod-pre">{t('organiser.preModeration')}</label>
          </div>
        </fieldset>
        <div className="row">
          <div className="field">
            <label htmlFor="q-opens">
              {t('organiser.opensAt')} <span className="optional">{t('common.optional')}</span>
            </label>
            <input id="q-opens" type="datetime-local" value={opensAt} onChange={(e) => setOpensAt(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="q-closes">
              {t('organiser.closesAt')} <span className="optional">{t('common.optional')}</span>
            </label>
            <input id="q-closes" type="datetime-local" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} />
          </div>
        </div>
        <ErrorNote error={submit.error} />
        {created && (
          <p className="note note-ok" role="status">
            {t('organiser.questionCreated', { number: created.number })}{' '}
            <Link to={`/spaces/${created.id}`}>{t('organiser.openQuestion')}</Link>
          </p>
        )}
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('organiser.createQuestion')}
        </button>
      </form>
    </details>
  );
}

/** Organisers: each objective in English, French and Spanish; readers see their language's. */
function ObjectiveLanguages({ roundtable, onSaved }: { roundtable: Roundtable; onSaved(): void }) {
  const { t } = useTranslation();
  const [versions, setVersions] = useState<Multilingual[]>(
    roundtable.objectives.map((_, i) => roundtable.objectiveTranslations?.[i] ?? {}),
  );
  const [saved, setSaved] = useState(false);
  const submit = useSubmit(async () => {
    setSaved(false);
    await call<Roundtable>(
      api.PATCH('/api/v1/roundtables/{id}', {
        params: { path: { id: roundtable.id } },
        body: { objectives: roundtable.objectives, objectiveTranslations: versions.map((v) => compact(v)) },
      }),
    );
    setSaved(true);
    onSaved();
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  return (
    <details className="panel">
      <summary>{t('findWay.objectivesLanguages')}</summary>
      <form onSubmit={onSubmit} className="stack">
        <p className="hint">{t('findWay.objectivesLanguagesHint')}</p>
        {roundtable.objectives.map((o, i) => (
          <MultilingualFields
            key={i}
            legend={t('findWay.objectiveNumber', { number: i + 1, text: o })}
            name={`objective-${i + 1}`}
            value={versions[i] ?? {}}
            onChange={(v) => setVersions((all) => all.map((x, j) => (j === i ? v : x)))}
          />
        ))}
        <ErrorNote error={submit.error} />
        <p role="status" className={saved ? 'note note-ok' : 'visually-hidden'}>
          {saved ? t('structure.saved') : ''}
        </p>
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('findWay.saveObjectives')}
        </button>
      </form>
    </details>
  );
}
