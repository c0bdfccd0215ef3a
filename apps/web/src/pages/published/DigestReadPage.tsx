import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Digest, Roundtable, Space } from '../../api/types';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ErrorNote, Loading, useAsync } from '../../components/ui';
import { useLang } from '../../i18n';
import { useAuth } from '../../lib/auth';
import { formatDate, pick, plainExcerpt } from '../../lib/format';
import { Link, usePageTitle } from '../../lib/router';
import { Figures } from '../staff/Figures';

/** The moderators write their digests in English: the platform drafts the key points in English. */
const DIGEST_LANGUAGE = 'en';

/** A published moderator digest as members read it: key points, figures, the most discussed threads and themes. */
export default function DigestReadPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { user } = useAuth();
  const res = useAsync(async () => {
    const digest = await call<Digest>(api.GET('/api/v1/digests/{id}', { params: { path: { id } } }));
    const space = await call<Space>(api.GET('/api/v1/spaces/{id}', { params: { path: { id: digest.spaceId } } })).catch(
      () => null,
    );
    const roundtable = space
      ? await call<Roundtable>(
          api.GET('/api/v1/roundtables/{id}', { params: { path: { id: space.roundtableId } } }),
        ).catch(() => null)
      : null;
    return { digest, space, roundtable };
  }, [id]);
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
  const untranslated = lang !== DIGEST_LANGUAGE;
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
        {untranslated && (
          <p className="note">{t('published.notTranslated', { language: t(`languages.${DIGEST_LANGUAGE}`) })}</p>
        )}
        {d.keyPoints.length === 0 ? (
          <p className="muted">{t('published.emptySection')}</p>
        ) : (
          <ol className="points" lang={DIGEST_LANGUAGE}>
            {d.keyPoints.map((p, i) => (
              <li key={p.id ?? i} className="point">
                <p>
                  {p.priority && (
                    <>
                      <span className="badge" lang={lang}>
                        {t('digest.priority')}
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
      {d.figures && <Figures figures={d.figures} />}
      {Array.isArray(d.threads) && d.threads.length > 0 && (
        <section aria-labelledby="read-threads-h">
          <h2 id="read-threads-h">{t('digest.threads')}</h2>
          <ol>
            {d.threads.map((th) => (
              <li key={th.contributionId}>
                <a href={`/contributions/${th.contributionId}`}>{plainExcerpt(th.excerpt)}</a> — {th.authorName} (
                {t(`constituency.${th.constituency}`, { defaultValue: th.constituency })}) ·{' '}
                {t('digest.replies', { count: th.replies })}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
