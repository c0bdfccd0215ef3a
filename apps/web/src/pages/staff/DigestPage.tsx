import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Digest, KeyPointDraft } from '../../api/types';
import { PublishDialog } from '../../components/PublishDialog';
import { ErrorNote, Loading, useAsync, useSubmit } from '../../components/ui';
import { useLang } from '../../i18n';
import { formatDate } from '../../lib/format';
import { Link, usePageTitle } from '../../lib/router';
import { DiscussedThreads, Figures } from './Figures';

/** The moderator's weekly digest of a space: figures and themes drafted by the platform, key points edited by hand. */
export default function DigestPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const res = useAsync(() => call<Digest>(api.GET('/api/v1/digests/{id}', { params: { path: { id } } })), [id]);
  const [points, setPoints] = useState<KeyPointDraft[]>([]);
  const [saved, setSaved] = useState('');
  const [dirty, setDirty] = useState(false);
  const [confirming, setConfirming] = useState(false);
  usePageTitle(t('digest.title'));
  const d = res.data;
  useEffect(() => {
    if (!d) return;
    setPoints(d.keyPoints);
    setDirty(false);
  }, [d]);
  // the api takes the points as they should now read (unknown fields are refused)
  const body = () => ({
    keyPoints: points
      .filter((p) => p.text.trim())
      .map((p) => ({ ...(p.id ? { id: p.id } : {}), text: p.text, priority: !!p.priority })),
    expectedVersion: d?.version,
  });
  const save = useSubmit(async () => {
    const updated = await call<Digest>(api.PATCH('/api/v1/digests/{id}', { params: { path: { id } }, body: body() }));
    res.setData(updated);
    setSaved(t('digest.saved'));
  });
  const publish = useSubmit(async () => {
    if (dirty) await call(api.PATCH('/api/v1/digests/{id}', { params: { path: { id } }, body: body() }));
    const updated = await call<Digest>(api.POST('/api/v1/digests/{id}/publish', { params: { path: { id } } }));
    setConfirming(false);
    if (updated && typeof updated === 'object' && 'id' in updated) res.setData(updated);
    else res.reload();
    setSaved(t('digest.publishedDone'));
  });
  if (res.error) return <ErrorNote error={res.error} />;
  if (!d) return <Loading />;
  const edit = (next: KeyPointDraft[]) => {
    setPoints(next);
    setSaved('');
    setDirty(true);
  };
  const move = (i: number, by: number) => {
    const next = points.slice();
    const [p] = next.splice(i, 1);
    next.splice(i + by, 0, p);
    edit(next);
  };
  const change = (i: number, patch: Partial<KeyPointDraft>) =>
    edit(points.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <>
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={`/spaces/${d.spaceId}`}>{t('digest.backToThread')}</Link>
          </li>
          <li>
            <Link to={`/spaces/${d.spaceId}/moderation`}>{t('moderation.title')}</Link>
          </li>
        </ol>
      </nav>
      <h1>{t('digest.editorTitle')}</h1>
      <p className="meta">
        {formatDate(d.periodStart, lang, false)} – {formatDate(d.periodEnd, lang, false)} ·{' '}
        <span className={`badge status-${d.status}`}>{t(`digest.status.${d.status}`, { defaultValue: d.status })}</span>
        {d.hasUnpublishedChanges && d.status === 'published' && <> · {t('digest.unpublishedChanges')}</>}
      </p>
      <Figures figures={d.figures} />
      <DiscussedThreads threads={d.threads} headingId="threads-h" />
      {d.translation?.status === 'unavailable' && (
        <p className="note note-warn" role="status">
          {t('digest.translationUnavailable', {
            languages: d.translation.untranslated.map((l) => t(`languages.${l}`, { defaultValue: l })).join(', '),
            provider: d.translation.provider,
          })}
        </p>
      )}
      {d.themes.length > 0 && (
        <section aria-labelledby="themes-h">
          <h2 id="themes-h">{t('digest.themes')}</h2>
          <ul className="themes">
            {d.themes.map((th) => (
              <li key={th.key}>
                <strong>{th.label}</strong> —{' '}
                {Object.keys(th.constituencies)
                  .map((c) => t(`constituency.${c}`, { defaultValue: c }))
                  .join(', ')}{' '}
                · {t('digest.contributionCount', { count: th.contributionIds.length })}
                {th.quotes[0] && (
                  <blockquote className="excerpt" lang={th.quotes[0].language}>
                    <p>“{th.quotes[0].text}”</p>
                    <footer>
                      {th.quotes[0].authorName}
                      {th.quotes[0].organisation ? `, ${th.quotes[0].organisation}` : ''}
                      {th.quotes[0].constituency
                        ? ` · ${t(`constituency.${th.quotes[0].constituency}`, { defaultValue: th.quotes[0].constituency })}`
                        : ''}
                    </footer>
                  </blockquote>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="points-h" className="panel">
        <h2 id="points-h">{t('digest.keyPoints')}</h2>
        <p className="hint">{t('digest.keyPointsHint')}</p>
        <ol className="points">
          {points.map((p, i) => (
            <li key={p.id ?? `new-${i}`} className="point">
              <div className="field">
                <label htmlFor={`point-${i}`}>{t('digest.point', { number: i + 1 })}</label>
                <textarea
                  id={`point-${i}`}
                  rows={2}
                  value={p.text}
                  onChange={(e) => change(i, { text: e.target.value })}
                />
              </div>
              <div className="actions">
                <span className="check">
                  <input
                    type="checkbox"
                    id={`prio-${i}`}
                    checked={!!p.priority}
                    onChange={(e) => change(i, { priority: e.target.checked })}
                  />
                  <label htmlFor={`prio-${i}`}>{t('digest.priority')}</label>
                </span>
                <button
                  type="button"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={t('digest.moveUp', { number: i + 1 })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  disabled={i === points.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={t('digest.moveDown', { number: i + 1 })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  onClick={() => edit(points.filter((_, j) => j !== i))}
                  aria-label={t('digest.remove', { number: i + 1 })}
                >
                  {t('common.remove')}
                </button>
                {p.sources && p.sources.length > 0 && (
                  <span className="sources">
                    {t('stocktaking.sources')}{' '}
                    {p.sources.slice(0, 5).map((s, k) => (
                      <span key={s}>
                        {k > 0 && ', '}
                        <a href={`/contributions/${s}`}>{t('stocktaking.source', { number: k + 1 })}</a>
                      </span>
                    ))}
                  </span>
                )}
              </div>
            </li>
          ))}
        </ol>
        <button type="button" onClick={() => edit([...points, { text: '' }])}>
          {t('digest.addPoint')}
        </button>
        <ErrorNote error={save.error ?? publish.error} />
        <p role="status" className={saved ? 'note note-ok' : 'visually-hidden'}>
          {saved}
        </p>
        <div className="actions">
          <button type="button" disabled={save.busy || !dirty} onClick={() => void save.run()}>
            {t('common.save')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={d.status === 'published' && !dirty && !d.hasUnpublishedChanges}
            onClick={() => setConfirming(true)}
          >
            {d.status === 'published' ? t('digest.publishChanges') : t('digest.publish')}
          </button>
        </div>
      </section>
      <PublishDialog
        open={confirming}
        title={t('digest.publishTitle')}
        text={t('digest.publishText')}
        confirm={t('digest.publish')}
        busy={publish.busy}
        error={publish.error}
        onConfirm={() => void publish.run()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
