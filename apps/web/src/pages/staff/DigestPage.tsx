import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Digest, KeyPoint } from '../../api/types';
import { Dialog, ErrorNote, Loading, useAsync, useSubmit } from '../../components/ui';
import { useLang } from '../../i18n';
import { formatDate } from '../../lib/format';
import { Link, usePageTitle } from '../../lib/router';
import { Figures } from './Figures';

const asPoint = (p: KeyPoint | string): KeyPoint => (typeof p === 'string' ? { text: p } : p);

/** The moderator's weekly digest of a space: figures and themes drafted by the platform, key points edited by hand. */
export default function DigestPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const res = useAsync(() => call<Digest>(api.GET('/api/v1/digests/{id}', { params: { path: { id }, query: { lang } } })), [id, lang]);
  const [points, setPoints] = useState<KeyPoint[]>([]);
  const [stringPoints, setStringPoints] = useState(false);
  const [saved, setSaved] = useState('');
  const [confirming, setConfirming] = useState(false);
  usePageTitle(t('digest.title'));
  const d = res.data;
  useEffect(() => {
    if (!d) return;
    const raw = Array.isArray(d.keyPoints) ? d.keyPoints : [];
    setStringPoints(raw.length > 0 && raw.every((p) => typeof p === 'string'));
    setPoints(raw.map(asPoint));
  }, [d]);
  const published = d?.status === 'published';
  const body = () => ({ keyPoints: stringPoints ? points.map((p) => p.text) : points });
  const save = useSubmit(async () => {
    const updated = await call<Digest>(api.PATCH('/api/v1/digests/{id}', { params: { path: { id } }, body: body() }));
    res.setData(updated);
    setSaved(t('digest.saved'));
  });
  const publish = useSubmit(async () => {
    await call(api.PATCH('/api/v1/digests/{id}', { params: { path: { id } }, body: body() }));
    const updated = await call<Digest>(api.POST('/api/v1/digests/{id}/publish', { params: { path: { id } } }));
    setConfirming(false);
    if (updated && typeof updated === 'object' && 'id' in updated) res.setData(updated);
    else res.reload();
    setSaved(t('digest.publishedDone'));
  });
  if (res.error) return <ErrorNote error={res.error} />;
  if (!d) return <Loading />;
  const move = (i: number, by: number) => {
    const next = points.slice();
    const [p] = next.splice(i, 1);
    next.splice(i + by, 0, p);
    setPoints(next);
    setSaved('');
  };
  const change = (i: number, patch: Partial<KeyPoint>) => {
    setPoints(points.map((p, j) => (j === i ? { ...p, ...patch } : p)));
    setSaved('');
  };
  return (
    <>
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={`/spaces/${d.spaceId}/moderation`}>{t('moderation.title')}</Link>
          </li>
        </ol>
      </nav>
      <h1>{t('digest.title')}</h1>
      <p className="meta">
        {formatDate(d.periodStart, lang, false)} – {formatDate(d.periodEnd, lang, false)} ·{' '}
        <span className={`badge status-${d.status}`}>{t(`digest.status.${d.status}`, { defaultValue: d.status })}</span>
      </p>
      {d.figures && <Figures figures={d.figures} />}
      {Array.isArray(d.themes) && d.themes.length > 0 && (
        <section aria-labelledby="themes-h">
          <h2 id="themes-h">{t('digest.themes')}</h2>
          <ul>
            {d.themes.map((th, i) => (
              <li key={i}>
                {th.label ?? th.phrase ?? th.text}
                {th.constituencies?.length ? ` — ${th.constituencies.map((c) => t(`constituency.${c}`, { defaultValue: c })).join(', ')}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {Array.isArray(d.quotes) && d.quotes.length > 0 && (
        <section aria-labelledby="quotes-h">
          <h2 id="quotes-h">{t('digest.quotes')}</h2>
          {d.quotes.map((q, i) => (
            <blockquote key={i} className="excerpt">
              <p>{q.text}</p>
              <footer>
                {typeof q.author === 'string' ? q.author : q.author?.displayName}
                {q.constituency ? ` · ${t(`constituency.${q.constituency}`, { defaultValue: q.constituency })}` : ''}
              </footer>
            </blockquote>
          ))}
        </section>
      )}
      <section aria-labelledby="points-h" className="panel">
        <h2 id="points-h">{t('digest.keyPoints')}</h2>
        <p className="hint">{t('digest.keyPointsHint')}</p>
        <ol className="points">
          {points.map((p, i) => (
            <li key={i} className="point">
              <div className="field">
                <label htmlFor={`point-${i}`}>{t('digest.point', { number: i + 1 })}</label>
                <textarea id={`point-${i}`} rows={2} value={p.text} readOnly={published} onChange={(e) => change(i, { text: e.target.value })} />
              </div>
              {!published && (
                <div className="actions">
                  {!stringPoints && (
                    <span className="check">
                      <input type="checkbox" id={`prio-${i}`} checked={!!p.priority} onChange={(e) => change(i, { priority: e.target.checked })} />
                      <label htmlFor={`prio-${i}`}>{t('digest.priority')}</label>
                    </span>
                  )}
                  <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('digest.moveUp', { number: i + 1 })}>
                    ↑
                  </button>
                  <button type="button" disabled={i === points.length - 1} onClick={() => move(i, 1)} aria-label={t('digest.moveDown', { number: i + 1 })}>
                    ↓
                  </button>
                  <button type="button" onClick={() => setPoints(points.filter((_, j) => j !== i))} aria-label={t('digest.remove', { number: i + 1 })}>
                    {t('common.remove')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
        {!published && (
          <>
            <button type="button" onClick={() => setPoints([...points, { text: '' }])}>
              {t('digest.addPoint')}
            </button>
            <ErrorNote error={save.error ?? publish.error} />
            <p role="status" className={saved ? 'note note-ok' : 'visually-hidden'}>
              {saved}
            </p>
            <div className="actions">
              <button type="button" disabled={save.busy} onClick={() => void save.run()}>
                {t('common.save')}
              </button>
              <button type="button" className="primary" onClick={() => setConfirming(true)}>
                {t('digest.publish')}
              </button>
            </div>
          </>
        )}
      </section>
      <Dialog title={t('digest.publishTitle')} open={confirming} onClose={() => setConfirming(false)}>
        <p>{t('digest.publishText')}</p>
        <ErrorNote error={publish.error} />
        <div className="actions">
          <button type="button" className="primary" disabled={publish.busy} onClick={() => void publish.run()}>
            {t('digest.publish')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
