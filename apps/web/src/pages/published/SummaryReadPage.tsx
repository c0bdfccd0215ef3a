import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Roundtable, Stocktaking, SummaryItem } from '../../api/types';
import { SUMMARY_LISTS } from '../../api/types';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ErrorNote, Loading, useAsync } from '../../components/ui';
import { useLang } from '../../i18n';
import { useAuth } from '../../lib/auth';
import { formatDate, pick } from '../../lib/format';
import { Link, usePageTitle } from '../../lib/router';

const wording = (i: SummaryItem) => i.statement ?? i.text ?? i.phrased ?? i.sourceText ?? i.label ?? '';

/** A published stocktaking summary as members read it: in their language, machine translation said as such. */
export default function SummaryReadPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { user } = useAuth();
  const res = useAsync(async () => {
    const summary = await call<Stocktaking>(
      api.GET('/api/v1/stocktaking/{id}', { params: { path: { id }, query: { lang } } }),
    );
    const roundtable = await call<Roundtable>(
      api.GET('/api/v1/roundtables/{id}', { params: { path: { id: summary.roundtableId } } }),
    ).catch(() => null);
    return { summary, roundtable };
  }, [id, lang]);
  usePageTitle(t('published.summaryTitle'));
  if (res.error) return <ErrorNote error={res.error} />;
  if (!res.data) return <Loading />;
  const { summary: s, roundtable: r } = res.data;
  const rtTitle = pick(r?.title, lang);
  const tr = s.translation;
  // free text still in the language it was written in, or translated by machine and not reviewed
  const machine = !!tr && tr.status === 'done' && !tr.official;
  const pending = !!tr && tr.status !== 'done';
  const mayEdit = !!user && (user.isOrganiser || r?.myRole === 'rapporteur');
  const sec = s.sections;
  return (
    <>
      <Breadcrumbs
        items={
          r
            ? [
                {
                  to: `/roundtables/${r.id}`,
                  label: `${t('consultation.roundtableNumber', { number: r.number })} — ${rtTitle.text}`,
                  lang: rtTitle.lang,
                },
              ]
            : []
        }
      />
      <p className="eyebrow">{t('published.summaryTitle')}</p>
      <h1>
        {t('published.summaryOf', {
          period: `${formatDate(s.periodStart, lang, false)} – ${formatDate(s.periodEnd, lang, false)}`,
        })}
      </h1>
      <p className="meta">
        {s.publishedAt && t('published.publishedOn', { date: formatDate(s.publishedAt, lang, false) })}
        {mayEdit && (
          <>
            {' · '}
            <Link to={`/stocktaking/${s.id}`}>{t('published.openEditor')}</Link>
          </>
        )}
      </p>
      {machine && (
        <p className="note mt-notice" role="note">
          <span className="badge mt-badge">{t('published.machineTranslation')}</span>{' '}
          {t('published.machineNote', { language: t(`languages.${lang}`) })}
        </p>
      )}
      {tr?.official && <p className="note note-ok">{t('published.reviewed')}</p>}
      {pending && <p className="note">{t('published.translationPending', { language: t(`languages.${lang}`) })}</p>}
      <div className="summary" lang={lang}>
        {sec.introduction && (
          <section className="summary-section" aria-labelledby="read-intro">
            <h2 id="read-intro">{t('stocktaking.sections.introduction')}</h2>
            {sec.introduction.split(/\n{2,}/).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </section>
        )}
        <section className="summary-section" aria-labelledby="read-participation">
          <h2 id="read-participation">{t('stocktaking.sections.participation')}</h2>
          {s.participation?.sentence && <p>{s.participation.sentence}</p>}
          {s.participation?.regionsSentence && <p>{s.participation.regionsSentence}</p>}
          {s.participation?.moderatorsSentence && <p>{s.participation.moderatorsSentence}</p>}
        </section>
        {SUMMARY_LISTS.map((l) => (
          <section key={l} className="summary-section" aria-labelledby={`read-${l}`}>
            <h2 id={`read-${l}`}>{t(`stocktaking.sections.${l}`)}</h2>
            {(sec[l] ?? []).length === 0 ? (
              <p className="muted">{t('published.emptySection')}</p>
            ) : (
              <ol className="points">
                {sec[l].map((item) => (
                  <li key={item.id} className="point">
                    <p>
                      {wording(item)}
                      {item.machineTranslated && (
                        <>
                          {' '}
                          <span className="badge mt-badge">{t('published.machineTranslation')}</span>
                        </>
                      )}
                    </p>
                    {(item.constituencies?.length > 0 || item.sources?.length > 0) && (
                      <p className="sources">
                        {item.constituencies?.map((c) => t(`constituency.${c}`, { defaultValue: c })).join(', ')}
                        {item.sources?.length > 0 && (
                          <>
                            {item.constituencies?.length > 0 && ' · '}
                            {t('published.sources')}{' '}
                            {item.sources.slice(0, 6).map((src, k) => (
                              <span key={src}>
                                {k > 0 && ', '}
                                <a href={`/contributions/${src}`}>{t('published.source', { number: k + 1 })}</a>
                              </span>
                            ))}
                            {item.sources.length > 6 &&
                              ` ${t('published.moreSources', { count: item.sources.length - 6 })}`}
                          </>
                        )}
                      </p>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </section>
        ))}
      </div>
    </>
  );
}
