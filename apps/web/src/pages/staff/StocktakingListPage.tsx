import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Roundtable, Stocktaking, StocktakingList } from '../../api/types';
import { ErrorNote, useAsync, useSubmit } from '../../components/ui';
import { useLang } from '../../i18n';
import { formatDate, pick } from '../../lib/format';
import { Link, navigate, usePageTitle } from '../../lib/router';

/** A roundtable's stocktaking summaries: compile a new one from the published moderator digests. */
export default function StocktakingListPage({ roundtableId }: { roundtableId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rt = useAsync(
    () => call<Roundtable>(api.GET('/api/v1/roundtables/{id}', { params: { path: { id: roundtableId } } })),
    [roundtableId],
  );
  // not in the contract; shown when the api offers it
  const list = useAsync(
    () =>
      call<StocktakingList>(
        api.GET('/api/v1/roundtables/{id}/stocktaking', { params: { path: { id: roundtableId } } }),
      ).catch(() => null),
    [roundtableId],
  );
  const items = list.data?.items ?? [];
  const today = new Date();
  const [start, setStart] = useState(new Date(today.getTime() - 28 * 86400_000).toISOString().slice(0, 10));
  const [end, setEnd] = useState(today.toISOString().slice(0, 10));
  usePageTitle(t('stocktaking.title'));
  const submit = useSubmit(async () => {
    const created = await call<Stocktaking>(
      api.POST('/api/v1/roundtables/{id}/stocktaking', {
        params: { path: { id: roundtableId } },
        body: {
          periodStart: new Date(`${start}T00:00:00`).toISOString(),
          periodEnd: new Date(`${end}T23:59:59`).toISOString(),
        },
      }),
    );
    navigate(`/stocktaking/${created.id}`);
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  const title = pick(rt.data?.title, lang);
  return (
    <>
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={`/roundtables/${roundtableId}`} lang={title.lang}>
              {rt.data ? `${t('consultation.roundtableNumber', { number: rt.data.number })} — ${title.text}` : '…'}
            </Link>
          </li>
        </ol>
      </nav>
      <h1>{t('stocktaking.title')}</h1>
      <p className="lede">{t('stocktaking.intro')}</p>
      {items.length > 0 && (
        <ul className="plain-list">
          {items.map((s) => (
            <li key={s.id}>
              <Link to={`/stocktaking/${s.id}`}>
                {formatDate(s.periodStart, lang, false)} – {formatDate(s.periodEnd, lang, false)}
              </Link>{' '}
              <span className="badge">{t(`digest.status.${s.status}`, { defaultValue: s.status })}</span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} className="stack panel">
        <h2>{t('stocktaking.compileTitle')}</h2>
        <div className="row">
          <div className="field">
            <label htmlFor="st-start">{t('digest.periodStart')}</label>
            <input id="st-start" type="date" required value={start} onChange={(e) => setStart(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="st-end">{t('digest.periodEnd')}</label>
            <input id="st-end" type="date" required value={end} onChange={(e) => setEnd(e.target.value)} />
          </div>
        </div>
        <ErrorNote error={submit.error} />
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('stocktaking.compile')}
        </button>
      </form>
    </>
  );
}
