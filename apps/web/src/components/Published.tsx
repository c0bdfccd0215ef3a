import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Digest, Lang, Stocktaking, Theme } from '../api/types';
import { useLang } from '../i18n';
import { formatDate } from '../lib/format';
import { Link } from '../lib/router';
import { useAsync } from './ui';

const period = (start: string | undefined, end: string | undefined, lang: ReturnType<typeof useLang>) =>
  `${formatDate(start, lang, false)} – ${formatDate(end, lang, false)}`;

/** The published moderator digests of a question, newest first; nothing when there are none. */
export function PublishedDigests({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  // members get the published digests only, in their language; someone who may not read them gets no section
  const res = useAsync(
    () =>
      call<{ items: Digest[] }>(
        api.GET('/api/v1/spaces/{id}/digests', { params: { path: { id: spaceId }, query: { lang } } }),
      ).catch(() => null),
    [spaceId, lang],
  );
  const items = (res.data?.items ?? []).filter((d) => d.status === 'published' || d.publishedAt);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="published-digests-h" className="panel plain published-list">
      <h2 id="published-digests-h">{t('published.digestsTitle')}</h2>
      <p className="hint">{t('published.digestsIntro')}</p>
      <ul className="plain-list">
        {items.map((d) => (
          <li key={d.id}>
            <Link to={`/digests/${d.id}/read`}>
              {t('published.digestOf', { period: period(d.periodStart, d.periodEnd, lang) })}
            </Link>
            <DigestThemeNames themes={d.themes} lang={lang} />
          </li>
        ))}
      </ul>
    </section>
  );
}

const THEMES_LISTED = 5;

/** A digest's first themes, named in the reader's language where translated (said so), else as found. */
function DigestThemeNames({ themes, lang }: { themes: Theme[]; lang: Lang }) {
  const { t } = useTranslation();
  const shown = themes.slice(0, THEMES_LISTED);
  if (shown.length === 0) return null;
  return (
    <p className="meta">
      {t('published.digestThemes')}{' '}
      {shown.map((th, i) => (
        <span key={th.key}>
          {i > 0 && ' · '}
          <span lang={th.translatedLabel ? lang : th.labelLanguage}>{th.translatedLabel ?? th.label}</span>
        </span>
      ))}
      {themes.length > shown.length && ' …'}
      {shown.some((th) => th.translatedLabel) && (
        <>
          {' '}
          <span className="badge mt-badge">{t('published.machineTranslation')}</span>
        </>
      )}
    </p>
  );
}

/** The published stocktaking summaries of one or more roundtables, newest first; nothing when there are none. */
export function PublishedSummaries({ roundtables }: { roundtables: Array<{ id: string; number: number }> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const key = roundtables.map((r) => r.id).join(',');
  const res = useAsync(async () => {
    const lists = await Promise.all(
      roundtables.map((r) =>
        call<{ items: Stocktaking[] }>(
          api.GET('/api/v1/roundtables/{id}/stocktaking', { params: { path: { id: r.id }, query: { lang } } }),
        )
          .then((l) =>
            l.items
              .filter((s) => s.status === 'published' || s.publishedVersion)
              .map((s) => ({ summary: s, roundtable: r })),
          )
          .catch(() => []),
      ),
    );
    return lists.flat();
  }, [key, lang]);
  const items = res.data ?? [];
  if (items.length === 0) return null;
  const many = roundtables.length > 1;
  return (
    <section aria-labelledby="published-summaries-h" className="panel plain published-list">
      <h2 id="published-summaries-h">{t('published.summariesTitle')}</h2>
      <p className="hint">{t('published.summariesIntro')}</p>
      <ul className="plain-list">
        {items.map(({ summary: s, roundtable: r }) => (
          <li key={s.id}>
            <Link to={`/stocktaking/${s.id}/read`}>
              {many && `${t('consultation.roundtableNumber', { number: r.number })} · `}
              {t('published.summaryOf', { period: period(s.periodStart, s.periodEnd, lang) })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
