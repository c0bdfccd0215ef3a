import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, download } from '../../api/client';
import { LANGS, type Lang, type Stocktaking, type SummarySection } from '../../api/types';
import { Dialog, ErrorNote, Loading, useAsync, useSubmit } from '../../components/ui';
import { useLang } from '../../i18n';
import { formatDate, pick } from '../../lib/format';
import { Link, usePageTitle } from '../../lib/router';

const BODY_KEYS = ['body', 'text', 'markdown', 'content'] as const;
const bodyKey = (s: SummarySection) => BODY_KEYS.find((k) => typeof s[k] === 'string') ?? 'body';
const sectionTitle = (s: SummarySection, lang: Lang) =>
  typeof s.title === 'object' && s.title ? pick(s.title, lang).text : (s.title as string | undefined) ?? s.heading ?? s.key ?? s.id ?? '';

/** Where a source points: a contribution in its space, one click away. */
function sourceHref(src: NonNullable<SummarySection['sources']>[number]): { href: string; label: string } | null {
  if (typeof src === 'string') return { href: `/contributions/${src}`, label: src.slice(0, 8) };
  const id = src.contributionId ?? src.id;
  if (!id) return null;
  return { href: src.spaceId ? `/spaces/${src.spaceId}#c-${id}` : `/contributions/${id}`, label: id.slice(0, 8) };
}

export default function StocktakingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const uiLang = useLang();
  const [preview, setPreview] = useState<Lang>(uiLang);
  const res = useAsync(() => call<Stocktaking>(api.GET('/api/v1/stocktaking/{id}', { params: { path: { id }, query: { lang: preview } } })), [id, preview]);
  const [sections, setSections] = useState<SummarySection[]>([]);
  const [editing, setEditing] = useState(true);
  const [saved, setSaved] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  usePageTitle(t('stocktaking.editorTitle'));
  const s = res.data;
  useEffect(() => {
    if (s) setSections(Array.isArray(s.sections) ? s.sections : []);
  }, [s]);
  const published = s?.status === 'published';
  const save = useSubmit(async () => {
    const updated = await call<Stocktaking>(api.PATCH('/api/v1/stocktaking/{id}', { params: { path: { id } }, body: { sections } }));
    res.setData(updated);
    setSaved(t('digest.saved'));
  });
  const publish = useSubmit(async () => {
    if (!published) await call(api.PATCH('/api/v1/stocktaking/{id}', { params: { path: { id } }, body: { sections } }));
    const updated = await call<Stocktaking>(api.POST('/api/v1/stocktaking/{id}/publish', { params: { path: { id } } }));
    setConfirming(false);
    if (updated && typeof updated === 'object' && 'id' in updated) res.setData(updated);
    else res.reload();
    setSaved(t('stocktaking.publishedDone'));
  });
  if (res.error) return <ErrorNote error={res.error} />;
  if (!s) return <Loading />;
  const get = (format: 'md' | 'html' | 'pdf' | 'docx') => {
    setDownloadError(null);
    download(`/api/v1/stocktaking/${id}/export?format=${format}&lang=${preview}`, `stocktaking-${preview}.${format}`).catch(setDownloadError);
  };
  return (
    <>
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={`/roundtables/${s.roundtableId}/stocktaking`}>{t('stocktaking.title')}</Link>
          </li>
        </ol>
      </nav>
      <h1>{t('stocktaking.editorTitle')}</h1>
      <p className="meta">
        {s.periodStart && `${formatDate(s.periodStart, uiLang, false)} – ${formatDate(s.periodEnd, uiLang, false)} · `}
        <span className={`badge status-${s.status}`}>{t(`digest.status.${s.status}`, { defaultValue: s.status })}</span>
      </p>
      <div className="toolbar">
        <fieldset className="segmented">
          <legend>{t('stocktaking.previewIn')}</legend>
          {LANGS.map((l) => (
            <span key={l}>
              <input type="radio" id={`pv-${l}`} name="preview-lang" checked={preview === l} onChange={() => setPreview(l)} />
              <label htmlFor={`pv-${l}`} lang={l}>
                {t(`languages.native.${l}`)}
              </label>
            </span>
          ))}
        </fieldset>
        {!published && (
          <button type="button" aria-pressed={!editing} onClick={() => setEditing(!editing)}>
            {editing ? t('stocktaking.preview') : t('stocktaking.edit')}
          </button>
        )}
      </div>
      <div className="summary" lang={preview}>
        {sections.map((sec, i) => {
          const key = bodyKey(sec);
          const text = String(sec[key] ?? '');
          const sources = (sec.sources ?? []).map(sourceHref).filter((x): x is { href: string; label: string } => !!x);
          return (
            <section key={sec.key ?? sec.id ?? i} className="summary-section" aria-labelledby={`sec-${i}`}>
              <h2 id={`sec-${i}`}>{sectionTitle(sec, preview)}</h2>
              {editing && !published ? (
                <div className="field">
                  <label htmlFor={`sec-body-${i}`}>{t('stocktaking.sectionText', { title: sectionTitle(sec, preview) })}</label>
                  <textarea
                    id={`sec-body-${i}`}
                    rows={Math.min(14, Math.max(4, text.split('\n').length + 1))}
                    value={text}
                    onChange={(e) => {
                      setSaved('');
                      setSections(sections.map((x, j) => (j === i ? { ...x, [key]: e.target.value } : x)));
                    }}
                  />
                </div>
              ) : (
                text.split(/\n{2,}/).map((p, k) => <p key={k}>{p}</p>)
              )}
              {sources.length > 0 && (
                <p className="sources">
                  {t('stocktaking.sources')}{' '}
                  {sources.map((src, k) => (
                    <span key={k}>
                      {k > 0 && ', '}
                      <a href={src.href}>{t('stocktaking.source', { number: k + 1 })}</a>
                    </span>
                  ))}
                </p>
              )}
            </section>
          );
        })}
      </div>
      <ErrorNote error={save.error} />
      <p role="status" className={saved ? 'note note-ok' : 'visually-hidden'}>
        {saved}
      </p>
      {!published && (
        <div className="actions">
          <button type="button" disabled={save.busy} onClick={() => void save.run()}>
            {t('common.save')}
          </button>
          <button type="button" className="primary" onClick={() => setConfirming(true)}>
            {t('stocktaking.publish')}
          </button>
        </div>
      )}
      <section aria-labelledby="dl-h" className="panel plain">
        <h2 id="dl-h">{t('stocktaking.download', { language: t(`languages.${preview}`) })}</h2>
        <div className="actions">
          {(['md', 'html', 'pdf', 'docx'] as const).map((f) => (
            <button key={f} type="button" onClick={() => get(f)}>
              {t(`stocktaking.formats.${f}`)}
            </button>
          ))}
        </div>
        <ErrorNote error={downloadError} />
      </section>
      <Dialog title={t('stocktaking.publishTitle')} open={confirming} onClose={() => setConfirming(false)}>
        <p>{t('stocktaking.publishText')}</p>
        <ErrorNote error={publish.error} />
        <div className="actions">
          <button type="button" className="primary" disabled={publish.busy} onClick={() => void publish.run()}>
            {t('stocktaking.publish')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
