import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { type Consultation, CONSTITUENCIES } from '../../api/types';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ErrorNote, Loading, useAsync } from '../../components/ui';
import { useLang } from '../../i18n';
import { useAuth } from '../../lib/auth';
import { formatDate, pick } from '../../lib/format';
import { Link, usePageTitle } from '../../lib/router';

type ConsultationFigures = components['schemas']['ConsultationFiguresDto'];
const LANGUAGES = ['en', 'fr', 'es', 'unknown'];

/** Organisers: where a consultation stands, refreshed on demand. */
export default function ConsultationFiguresPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { user } = useAuth();
  const res = useAsync(async () => {
    const [consultation, figures] = await Promise.all([
      call<Consultation>(api.GET('/api/v1/consultations/{id}', { params: { path: { id } } })),
      call<ConsultationFigures>(api.GET('/api/v1/consultations/{id}/figures', { params: { path: { id } } })),
    ]);
    return { consultation, figures };
  }, [id]);
  const title = pick(res.data?.consultation.title, lang);
  usePageTitle(t('consultationFigures.title'));
  if (!user?.isOrganiser) return <p className="note">{t('errors.forbidden')}</p>;
  if (res.error) return <ErrorNote error={res.error} />;
  if (!res.data) return <Loading />;
  const { figures: f } = res.data;
  const headline: Array<[string, number]> = [
    ['members', f.members.total],
    ['contributors', f.contributions.contributors],
    ['published', f.contributions.byStatus.published ?? 0],
    ['publishedLast7Days', f.contributions.publishedLast7Days],
    ['pendingApproval', f.moderation.pendingApproval],
    ['openFlags', f.moderation.openFlags],
    ['translationsPending', f.translations.pending],
    ['translationsFailed', f.translations.failed],
    ['digestSubscribers', f.members.digestSubscribers],
  ];
  return (
    <>
      <Breadcrumbs items={[{ to: `/consultations/${id}`, label: title.text, lang: title.lang }]} />
      <h1>{t('consultationFigures.title')}</h1>
      <p className="muted">
        {t('consultationFigures.computedAt', { date: formatDate(f.computedAt, lang) })}{' '}
        <button type="button" className="link" onClick={res.reload} disabled={res.loading}>
          {t('consultationFigures.refresh')}
        </button>
      </p>
      <dl className="figures">
        {headline.map(([key, value]) => (
          <div key={key}>
            <dt>{t(`consultationFigures.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <CountsTable
        caption={t('consultationFigures.byConstituency')}
        rows={CONSTITUENCIES.map((c) => [
          t(`constituency.${c}`),
          f.members.byConstituency[c] ?? 0,
          f.contributions.contributorsByConstituency[c] ?? 0,
        ])}
        columns={[t('consultationFigures.members'), t('consultationFigures.contributors')]}
      />
      <CountsTable
        caption={t('consultationFigures.byLanguage')}
        rows={LANGUAGES.map((l) => [
          t(`languages.${l}`),
          f.members.byLanguage[l] ?? 0,
          f.contributions.publishedByLanguage[l] ?? 0,
        ])}
        columns={[t('consultationFigures.readers'), t('consultationFigures.written')]}
      />

      <div className="table-wrap">
        <table>
          <caption>{t('consultationFigures.questions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consultationFigures.question')}</th>
              <th scope="col">{t('organiser.status')}</th>
              <th scope="col">{t('consultationFigures.members')}</th>
              <th scope="col">{t('consultationFigures.published')}</th>
              <th scope="col">{t('consultationFigures.pendingApproval')}</th>
              <th scope="col">{t('consultationFigures.contributors')}</th>
              <th scope="col">{t('consultationFigures.lastContribution')}</th>
            </tr>
          </thead>
          <tbody>
            {f.spaces.map((s) => (
              <tr key={s.spaceId}>
                <th scope="row">
                  <Link to={`/spaces/${s.spaceId}`}>
                    {t('consultationFigures.questionRef', { roundtable: s.roundtableNumber, number: s.number })}
                  </Link>
                </th>
                <td>{t(`space.status.${s.status}`)}</td>
                <td>{s.members}</td>
                <td>{s.published}</td>
                <td>{s.pending}</td>
                <td>{s.contributors}</td>
                <td>{s.lastContributionAt ? formatDate(s.lastContributionAt, lang) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section className="panel plain" aria-labelledby="digest-run-h">
        <h2 id="digest-run-h">{t('consultationFigures.lastDigestRun')}</h2>
        {f.lastDigestRun ? (
          <p>
            {t('consultationFigures.digestRun', {
              date: formatDate(f.lastDigestRun.periodEnd, lang),
              sent: f.lastDigestRun.deliveries.sent ?? 0,
              bounced: f.lastDigestRun.deliveries.bounced ?? 0,
              empty: f.lastDigestRun.deliveries.empty ?? 0,
            })}
          </p>
        ) : (
          <p>{t('consultationFigures.noDigestRun')}</p>
        )}
      </section>
    </>
  );
}

/** Two counts per row (rows where both are 0 are left out), with a caption and column headings. */
function CountsTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: [string, string];
  rows: Array<[string, number, number]>;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{columns[0]}</th>
            <th scope="col">{columns[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows
            .filter(([, a, b]) => a || b)
            .map(([name, a, b]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{a}</td>
                <td>{b}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
