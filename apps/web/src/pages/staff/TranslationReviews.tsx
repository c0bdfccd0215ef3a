import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../../api/client';
import { LANGS, type Lang } from '../../api/types';
import { ErrorNote, Loading, useAsync, useSubmit } from '../../components/ui';
import { useLang } from '../../i18n';
import { formatDate } from '../../lib/format';

/** A published summary's machine translation into one language, text by text, as the review route returns it. */
interface TranslationReview {
  version: number;
  language: Lang;
  status: 'pending' | 'done' | 'failed';
  review: 'reviewed' | 'accepted' | null;
  official: boolean;
  reviewedAt: string | null;
  texts: Array<{ key: string; source: string; sourceLanguage: Lang; machine: string | null; corrected: string | null }>;
}

const POLL_MS = 3000;

async function load(id: string, lang: Lang): Promise<TranslationReview | null> {
  try {
    return await call<TranslationReview>(
      api.GET('/api/v1/stocktaking/{id}/translations/{lang}', { params: { path: { id, lang } } }),
    );
  } catch (err) {
    // no translation into the summary's own language
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

/**
 * The rapporteur's review of a published summary's French and Spanish (or English)
 * versions: which languages are reviewed, and per language the machine translation of
 * each text beside the original, to correct and mark reviewed, or accept as it is. Only
 * reviewed or accepted versions are official.
 */
export function TranslationReviews({ id, version }: { id: string; version: number | undefined }) {
  const { t } = useTranslation();
  const uiLang = useLang();
  const all = useAsync(async () => {
    const found = await Promise.all(LANGS.map((l) => load(id, l)));
    return found.filter((r): r is TranslationReview => r !== null);
  }, [id, version]);
  const [chosen, setChosen] = useState<Lang | null>(null);
  const reviews = all.data;
  const current = reviews?.find((r) => r.language === chosen) ?? reviews?.[0];
  // a translation still being made is looked at again until it is done
  const waiting = !!reviews?.some((r) => r.status === 'pending');
  const { reload } = all;
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [waiting, reviews, reload]);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [done, setDone] = useState('');
  // the texts to edit start from the server's when the language, the version or its review changes (not on every poll)
  const shown = current ? `${current.language}|${current.version}|${current.status}|${current.reviewedAt}` : '';
  useEffect(() => {
    setDrafts(Object.fromEntries((current?.texts ?? []).map((x) => [x.key, x.corrected ?? x.machine ?? ''])));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown]);
  const send = useSubmit(async (accept: boolean) => {
    if (!current) return;
    const corrections = accept
      ? []
      : current.texts
          .filter((x) => drafts[x.key]?.trim() && drafts[x.key].trim() !== (x.corrected ?? x.machine ?? '').trim())
          .map((x) => ({ key: x.key, text: drafts[x.key] }));
    await call(
      api.POST('/api/v1/stocktaking/{id}/translations/{lang}/review', {
        params: { path: { id, lang: current.language } },
        body: { corrections, accept: true },
      }),
    );
    setDone(
      t(accept ? 'summaryReview.acceptedDone' : 'summaryReview.reviewedDone', {
        language: t(`languages.${current.language}`),
      }),
    );
    all.reload();
  });
  if (all.error) return <ErrorNote error={all.error} />;
  if (!reviews) return <Loading />;
  if (reviews.length === 0) return null;
  const state = (r: TranslationReview) =>
    r.status !== 'done'
      ? t(`summaryReview.status.${r.status}`)
      : r.review
        ? t(`summaryReview.review.${r.review}`, { date: r.reviewedAt ? formatDate(r.reviewedAt, uiLang, false) : '' })
        : t('summaryReview.review.none');
  return (
    <section aria-labelledby="review-h" className="panel plain translation-review">
      <h2 id="review-h">{t('summaryReview.title')}</h2>
      <p>{t('summaryReview.intro')}</p>
      <ul className="plain-list review-states">
        {reviews.map((r) => (
          <li key={r.language}>
            <strong lang={r.language}>{t(`languages.native.${r.language}`)}</strong>{' '}
            <span className={`badge ${r.official ? 'moderator' : 'pending'}`}>
              {r.official ? t('summaryReview.official') : t('summaryReview.machine')}
            </span>{' '}
            {state(r)}
          </li>
        ))}
      </ul>
      <fieldset className="segmented">
        <legend>{t('summaryReview.language')}</legend>
        {reviews.map((r) => (
          <span key={r.language}>
            <input
              type="radio"
              id={`rv-${r.language}`}
              name="review-lang"
              checked={current?.language === r.language}
              onChange={() => {
                setChosen(r.language);
                setDone('');
              }}
            />
            <label htmlFor={`rv-${r.language}`} lang={r.language}>
              {t(`languages.native.${r.language}`)}
            </label>
          </span>
        ))}
      </fieldset>
      {current && current.status !== 'done' && <p className="note">{state(current)}</p>}
      {current && current.status === 'done' && (
        <>
          <ol className="points review-texts">
            {current.texts.map((x, i) => (
              <li key={x.key} className="point">
                <p className="review-source" lang={x.sourceLanguage}>
                  <span className="muted">
                    {t('summaryReview.original', { language: t(`languages.${x.sourceLanguage}`) })}
                  </span>{' '}
                  {x.source}
                </p>
                <div className="field">
                  <label htmlFor={`rv-${current.language}-${i}`}>
                    {t('summaryReview.textLabel', { number: i + 1, language: t(`languages.${current.language}`) })}
                  </label>
                  <textarea
                    id={`rv-${current.language}-${i}`}
                    lang={current.language}
                    rows={2}
                    value={drafts[x.key] ?? ''}
                    onChange={(e) => setDrafts({ ...drafts, [x.key]: e.target.value })}
                  />
                  {x.corrected && <p className="hint">{t('summaryReview.corrected')}</p>}
                </div>
              </li>
            ))}
          </ol>
          <ErrorNote error={send.error} />
          <p role="status" className={done ? 'note note-ok' : 'visually-hidden'}>
            {done}
          </p>
          <div className="actions">
            <button type="button" className="primary" disabled={send.busy} onClick={() => void send.run(false)}>
              {t('summaryReview.markReviewed', { language: t(`languages.${current.language}`) })}
            </button>
            <button type="button" disabled={send.busy} onClick={() => void send.run(true)}>
              {t('summaryReview.accept')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
