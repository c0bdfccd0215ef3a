import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Digest, Lang, Roundtable, Space, Theme } from '../../api/types';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ErrorNote, Loading, useAsync } from '../../components/ui';
import { useLang } from '../../i18n';
import { useAuth } from '../../lib/auth';
import { formatDate, pick } from '../../lib/format';
import { Link, useLocation, usePageTitle } from '../../lib/router';
import { DiscussedThreads, Figures } from '../staff/Figures';

/**
 * A published moderator digest as members read it: key points and theme names in their
 * language (machine translation said as such, the wording as written one link or one line
 * away), figures, the most discussed threads.
 */
export default function DigestReadPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { user } = useAuth();
  const original = useLocation().query.get('original') === '1';
  const res = useAsync(async () => {
    const digest = await call<Digest>(
      api.GET('/api/v1/digests/{id}', { params: { path: { id }, query: original ? {} : { lang } } }),
    );
    const space = await call<Space>(api.GET('/api/v1/spaces/{id}', { params: { path: { id: digest.spaceId } } })).catch(
      () => null,
    );
    const roundtable = space
      ? await call<Roundtable>(
          api.GET('/api/v1/roundtables/{id}', { params: { path: { id: space.roundtableId } } }),
        ).catch(() => null)
      : null;
    return { digest, space, roundtable };
  }, [id, lang, original]);
  usePageTitle(t('published.digestTitle'));
  if (res.error) return <ErrorNote error={res.error} />;
  if (!res.data) return <Loading />;
  const { digest: d, space, roundtable } = res.data;
  const rtTitle = pick(roundtable?.title, lang);
  const mayEdit = !!user && (user.isOrganiser || space?.myRole === 'moderator');
  const crumbs = [
    ...(roundtable
      ? [
          {
            to: `/roundtables/${roundtable.id}`,
            label: `${t('consultation.roundtableNumber', { number: roundtable.number })} — ${rtTitle.text}`,
            lang: rtTitle.lang,
          },
        ]
      : []),
    ...(space ? [{ to: `/spaces/${space.id}`, label: t('roundtable.questionNumber', { number: space.number }) }] : []),
  ];
  const tr = d.readerTranslation;
  const written = t(`languages.${d.language}`);
  const machine = d.keyPoints.some((p) => p.machineTranslated);
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <p className="eyebrow">{t('published.digestTitle')}</p>
      <h1>
        {t('published.digestOf', {
          period: `${formatDate(d.periodStart, lang, false)} – ${formatDate(d.periodEnd, lang, false)}`,
        })}
      </h1>
      <p className="meta">
        {d.publishedAt && t('published.publishedOn', { date: formatDate(d.publishedAt, lang, false) })}
        {mayEdit && (
          <>
            {' · '}
            <Link to={`/digests/${d.id}`}>{t('published.openEditor')}</Link>
          </>
        )}
      </p>
      <section aria-labelledby="read-points-h" className="panel plain">
        <h2 id="read-points-h">{t('digest.keyPoints')}</h2>
        {machine && (
          <p className="note mt-notice" role="note">
            <span className="badge mt-badge">{t('published.machineTranslation')}</span>{' '}
            {t('published.machineNote', { language: t(`languages.${lang}`) })}{' '}
            <Link to={`/digests/${d.id}/read?original=1`}>{t('published.digestOriginal', { language: written })}</Link>
          </p>
        )}
        {tr?.status === 'pending' && (
          <p className="note">
            {t('published.digestTranslationPending', { language: t(`languages.${lang}`), written })}
          </p>
        )}
        {tr?.status === 'failed' && (
          <p className="note">
            {t('published.digestTranslationFailed', { language: t(`languages.${lang}`), written })}
          </p>
        )}
        {original && !tr && d.language !== lang && (
          <p className="note">
            {t('published.notTranslated', { language: written })}{' '}
            <Link to={`/digests/${d.id}/read`}>
              {t('published.digestTranslated', { language: t(`languages.${lang}`) })}
            </Link>
          </p>
        )}
        {d.keyPoints.length === 0 ? (
          <p className="muted">{t('published.emptySection')}</p>
        ) : (
          <ol className="points">
            {d.keyPoints.map((p, i) => (
              <li key={p.id ?? i} className="point" lang={p.language}>
                <p>
                  {p.priority && (
                    <>
                      <span className="badge" lang={lang}>
                        {t('digest.priority')}
                      </span>{' '}
                    </>
                  )}
                  {p.machineTranslated && (
                    <>
                      <span className="badge mt-badge" lang={lang}>
                        {t('published.machineTranslation')}
                      </span>{' '}
                    </>
                  )}
                  {p.text}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
      {d.themes.length > 0 && <DigestThemes themes={d.themes} lang={lang} />}
      <Figures figures={d.figures} />
      <DiscussedThreads threads={d.threads} headingId="read-threads-h" />
    </>
  );
}

/** The recurring themes, named in the reader's language where the worker has translated them, else as found. */
function DigestThemes({ themes, lang }: { themes: Theme[]; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="read-themes-h" className="panel plain">
      <h2 id="read-themes-h">{t('digest.themes')}</h2>
      <ul className="themes">
        {themes.map((th) => (
          <li key={th.key}>
            {th.translatedLabel ? (
              <>
                <strong lang={lang}>{th.translatedLabel}</strong>{' '}
                <span className="badge mt-badge" lang={lang}>
                  {t('published.machineTranslation')}
                </span>{' '}
                <span className="muted">
                  {t('published.labelAsWritten')} <span lang={th.labelLanguage}>{th.label}</span>
                </span>
              </>
            ) : (
              <strong lang={th.labelLanguage}>{th.label}</strong>
            )}{' '}
            —{' '}
            {Object.keys(th.constituencies)
              .map((c) => t(`constituency.${c}`, { defaultValue: c }))
              .join(', ')}{' '}
            · {t('digest.contributionCount', { count: th.contributionIds.length })}
          </li>
        ))}
      </ul>
    </section>
  );
}
