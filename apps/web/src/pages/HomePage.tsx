import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Consultation, ConsultationList, Lang, Multilingual } from '../api/types';
import { LANGS } from '../api/types';
import { TimeZonePicker } from '../components/SearchPicker';
import { compact, ErrorNote, Loading, MultilingualFields, useAsync, useSubmit } from '../components/ui';
import { useLang } from '../i18n';
import { useAuth } from '../lib/auth';
import { useModeratedQuestions } from '../lib/moderated-questions';
import { formatDate, pick } from '../lib/format';
import { Link, navigate, usePageTitle } from '../lib/router';

type Status = 'upcoming' | 'open' | 'closed';
const STATUSES: Status[] = ['open', 'upcoming', 'closed'];
/** Other people's consultations shown at first, and added by each "show more". */
const OTHERS_PER_STEP = 20;

/**
 * Every consultation the member may see, page after page: the search box, the filters and
 * "yours" work on the whole list, not on its first page.
 */
async function allConsultations(): Promise<ConsultationList> {
  const items: Consultation[] = [];
  let cursor: string | undefined;
  do {
    const page = await call<ConsultationList>(
      api.GET('/api/v1/consultations', { params: { query: { limit: 100, cursor } } }),
    );
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { items, nextCursor: null };
}

/** Every language's title and description, lower-cased and without accents, for the search box. */
function haystack(c: Consultation): string {
  return normalise(LANGS.flatMap((l: Lang) => [c.title[l] ?? '', c.description?.[l] ?? '']).join(' '));
}
const normalise = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const moderated = useModeratedQuestions();
  const [query, setQuery] = useState('');
  const [show, setShow] = useState<'all' | 'mine'>('all');
  const [status, setStatus] = useState<Status | ''>('');
  // everyone else's come a step at a time; a new search or filter starts again from one step
  const [othersShown, setOthersShown] = useState(OTHERS_PER_STEP);
  useEffect(() => setOthersShown(OTHERS_PER_STEP), [query, show, status]);
  usePageTitle(t('home.title'));
  const list = useAsync(allConsultations, []);

  const shown = useMemo(() => {
    const words = normalise(query).split(/\s+/).filter(Boolean);
    return (list.data?.items ?? []).filter((c) => {
      if (show === 'mine' && !c.activity?.mine) return false;
      if (status && c.activity?.status !== status) return false;
      const text = haystack(c);
      return words.every((w) => text.includes(w));
    });
  }, [list.data, query, show, status]);
  const mine = shown.filter((c) => c.activity?.mine);
  const others = shown.filter((c) => !c.activity?.mine);

  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lede">{t('home.intro')}</p>
      {(user?.isOrganiser || (moderated && moderated.length > 0)) && (
        <div className="home-actions">
          {moderated && moderated.length > 0 && (
            <Link to="/moderation" className="button">
              {t('findWay.overviewTitle')}
            </Link>
          )}
          {user?.isOrganiser && <NewConsultation />}
        </div>
      )}
      {list.loading && !list.data && <Loading />}
      <ErrorNote error={list.error} />
      {list.data && list.data.items.length === 0 && <p>{t('home.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <>
          <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
            <div className="field">
              <label htmlFor="home-search">{t('findWay.search')}</label>
              <input
                id="home-search"
                type="search"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                aria-describedby="home-search-hint"
              />
              <p id="home-search-hint" className="hint">
                {t('findWay.searchHint')}
              </p>
            </div>
            <fieldset className="segmented-field">
              <legend>{t('findWay.show')}</legend>
              <div className="segmented">
                {(['all', 'mine'] as const).map((v) => (
                  <span key={v}>
                    <input
                      type="radio"
                      id={`home-show-${v}`}
                      name="home-show"
                      value={v}
                      checked={show === v}
                      onChange={() => setShow(v)}
                    />
                    <label htmlFor={`home-show-${v}`}>{t(v === 'all' ? 'findWay.showAll' : 'findWay.showMine')}</label>
                  </span>
                ))}
              </div>
            </fieldset>
            <div className="field">
              <label htmlFor="home-status">{t('findWay.status')}</label>
              <select id="home-status" value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
                <option value="">{t('findWay.anyStatus')}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`findWay.statusLabel.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </form>
          <p className="meta" role="status">
            {shown.length === 0 ? t('findWay.noMatch') : t('findWay.shown', { count: shown.length })}
          </p>
          {mine.length > 0 && (
            <section aria-labelledby="home-mine-h">
              <h2 id="home-mine-h">{t('findWay.mineTitle')}</h2>
              <ConsultationCards items={mine} />
            </section>
          )}
          {others.length > 0 && (
            <section aria-labelledby="home-others-h">
              <h2 id="home-others-h">{mine.length > 0 ? t('findWay.othersTitle') : t('home.title')}</h2>
              <ConsultationCards items={others.slice(0, othersShown)} />
              {others.length > othersShown && (
                <p>
                  <button type="button" onClick={() => setOthersShown((n) => n + OTHERS_PER_STEP)}>
                    {t('findWay.showMore', { count: Math.min(OTHERS_PER_STEP, others.length - othersShown) })}
                  </button>{' '}
                  <span className="meta">{t('findWay.notShown', { count: others.length - othersShown })}</span>
                </p>
              )}
            </section>
          )}
        </>
      )}
    </>
  );
}

function ConsultationCards({ items }: { items: Consultation[] }) {
  return (
    <ul className="cards">
      {items.map((c) => (
        <ConsultationCard key={c.id} consultation={c} />
      ))}
    </ul>
  );
}

function ConsultationCard({ consultation: c }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const lang = useLang();
  const title = pick(c.title, lang);
  const description = pick(c.description, lang);
  const a = c.activity;
  const dates =
    a?.opensAt && a.closesAt
      ? t('findWay.dates', { from: formatDate(a.opensAt, lang, false), to: formatDate(a.closesAt, lang, false) })
      : a?.opensAt && a.status === 'upcoming'
        ? t('findWay.opensOn', { date: formatDate(a.opensAt, lang, false) })
        : a?.closesAt
          ? t('findWay.until', { date: formatDate(a.closesAt, lang, false) })
          : null;
  return (
    <li className="card consultation-card" data-consultation={c.id}>
      <h3 lang={title.lang}>
        <Link to={`/consultations/${c.id}`}>{title.text}</Link>
      </h3>
      {a && (
        <p className="meta">
          <span className={`badge phase-${a.status}`}>{t(`findWay.statusLabel.${a.status}`)}</span>
          {a.mine && (
            <>
              {' '}
              <span className="badge mine">{t('findWay.yours')}</span>
            </>
          )}
          {dates && <> · {dates}</>}
        </p>
      )}
      {description.text && (
        <p lang={description.lang} className="clamp">
          {description.text}
        </p>
      )}
      {a && (
        <p className="meta activity">
          <span>{t('findWay.questions', { count: a.questions })}</span>
          <span>{t('findWay.recent', { count: a.contributionsLast7Days })}</span>
          <span>
            {a.lastActivityAt
              ? t('findWay.lastActivity', { date: formatDate(a.lastActivityAt, lang, false) })
              : t('findWay.noActivity')}
          </span>
          {a.unreadNotifications > 0 && (
            <span>
              <Link to="/notifications">{t('findWay.unread', { count: a.unreadNotifications })}</Link>
            </span>
          )}
        </p>
      )}
    </li>
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
      api.POST('/api/v1/consultations', {
        body: { title: compact(title), timezone, ...(Object.keys(desc).length ? { description: desc } : {}) },
      }),
    );
    navigate(`/consultations/${created.id}`);
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  return (
    <details className="panel new-consultation">
      <summary>{t('organiser.newConsultation')}</summary>
      <form onSubmit={onSubmit} className="stack">
        <MultilingualFields legend={t('organiser.title')} name="title" value={title} onChange={setTitle} required />
        <MultilingualFields
          legend={t('organiser.description')}
          name="description"
          value={description}
          onChange={setDescription}
          multiline
        />
        <TimeZonePicker
          id="c-timezone"
          label={t('organiser.timezone')}
          hint={t('organiser.timezoneHint')}
          value={timezone}
          onChange={setTimezone}
        />
        <ErrorNote error={submit.error} />
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('organiser.createConsultation')}
        </button>
      </form>
    </details>
  );
}
