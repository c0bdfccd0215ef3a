import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, download } from '../../api/client';
import { LANGS, type Lang, type Stocktaking, SUMMARY_LISTS, type SummaryItem, type SummaryList } from '../../api/types';
import { PublishDialog } from '../../components/PublishDialog';
import { ErrorNote, Loading, useAsync, useSubmit } from '../../components/ui';
import { TranslationReviews } from './TranslationReviews';
import { useLang } from '../../i18n';
import { formatDate } from '../../lib/format';
import { Link, usePageTitle } from '../../lib/router';

const wording = (i: SummaryItem) => i.statement;

interface Draft {
  introduction: string;
  participationText: string;
  regionsText: string;
  lists: Record<SummaryList, Array<{ id?: string; text: string; original: string; item?: SummaryItem }>>;
}

function toDraft(s: Stocktaking): Draft {
  const sec = s.sections;
  const lists = Object.fromEntries(
    SUMMARY_LISTS.map((l) => [
      l,
      sec[l].map((item) => ({ id: item.id, text: wording(item), original: wording(item), item })),
    ]),
  ) as Draft['lists'];
  return {
    introduction: sec.introduction ?? '',
    participationText: sec.participationText ?? participationSentence(s),
    regionsText: regionsSentence(s),
    lists,
  };
}

function participationSentence(s: Stocktaking): string {
  return s.participation.sentence;
}

/** The regions sentence as shown: the rapporteur's (in the language asked for) or the generated one. */
function regionsSentence(s: Stocktaking): string {
  return s.participation.regionsSentence ?? '';
}

/** The rapporteur's editor: structured sections with their sources, preview in three languages, publish, export. */
export default function StocktakingPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const uiLang = useLang();
  const [preview, setPreview] = useState<Lang>(uiLang);
  // the summary itself (headings included) reads in the preview language; the controls stay in the interface's
  const tp = i18n.getFixedT(preview);
  const res = useAsync(
    () =>
      call<Stocktaking>(api.GET('/api/v1/stocktaking/{id}', { params: { path: { id }, query: { lang: preview } } })),
    [id, preview],
  );
  const [draft, setDraft] = useState<Draft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [editing, setEditing] = useState(true);
  const [saved, setSaved] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  usePageTitle(t('stocktaking.editorTitle'));
  const s = res.data;
  useEffect(() => {
    if (s) {
      setDraft(toDraft(s));
      setDirty(false);
    }
  }, [s]);

  // each list is sent as it should now read (PATCH takes the sections at the top level); unchanged items keep their generated wording
  const edits = () => {
    if (!draft || !s) return {};
    const out: Record<string, unknown> = {};
    if (draft.introduction !== (s.sections.introduction ?? '')) out.introduction = draft.introduction || null;
    if (draft.participationText !== (s.sections.participationText ?? participationSentence(s)))
      out.participationText = draft.participationText || null;
    if (draft.regionsText !== regionsSentence(s)) out.regionsText = draft.regionsText || null;
    for (const l of SUMMARY_LISTS) {
      out[l] = draft.lists[l]
        .filter((x) => x.text.trim())
        .map((x) => (x.id ? (x.text !== x.original ? { id: x.id, text: x.text } : { id: x.id }) : { text: x.text }));
    }
    return out;
  };
  const save = useSubmit(async () => {
    const updated = await call<Stocktaking>(
      api.PATCH('/api/v1/stocktaking/{id}', {
        params: { path: { id } },
        body: { ...edits(), expectedVersion: s?.version },
      }),
    );
    if (updated && typeof updated === 'object' && 'id' in updated) res.setData(updated);
    else res.reload();
    setSaved(t('digest.saved'));
  });
  const publish = useSubmit(async () => {
    if (dirty)
      await call(
        api.PATCH('/api/v1/stocktaking/{id}', {
          params: { path: { id } },
          body: { ...edits(), expectedVersion: s?.version },
        }),
      );
    const updated = await call<Stocktaking>(api.POST('/api/v1/stocktaking/{id}/publish', { params: { path: { id } } }));
    setConfirming(false);
    if (updated && typeof updated === 'object' && 'id' in updated) res.setData(updated);
    else res.reload();
    setSaved(t('stocktaking.publishedDone'));
  });
  if (res.error) return <ErrorNote error={res.error} />;
  if (!s || !draft) return <Loading />;
  const change = (next: Draft) => {
    setDraft(next);
    setDirty(true);
    setSaved('');
  };
  const setItem = (l: SummaryList, i: number, text: string) =>
    change({ ...draft, lists: { ...draft.lists, [l]: draft.lists[l].map((x, j) => (j === i ? { ...x, text } : x)) } });
  const removeItem = (l: SummaryList, i: number) =>
    change({ ...draft, lists: { ...draft.lists, [l]: draft.lists[l].filter((_, j) => j !== i) } });
  const addItem = (l: SummaryList) =>
    change({ ...draft, lists: { ...draft.lists, [l]: [...draft.lists[l], { text: '', original: '' }] } });
  const get = (format: 'md' | 'html' | 'pdf' | 'docx') => {
    setDownloadError(null);
    download(
      `/api/v1/stocktaking/${id}/export?format=${format}&lang=${preview}`,
      `stocktaking-${preview}.${format}`,
    ).catch(setDownloadError);
  };
  const edit = editing;
  // readers of an unreviewed translation are told it is a machine's
  const unofficial = !!s.translation && s.translation.official === false;
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
      {s.warnings && s.warnings.length > 0 && (
        <ul className="note note-warn plain-list">
          {s.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      <div className="toolbar">
        <fieldset className="segmented">
          <legend>{t('stocktaking.previewIn')}</legend>
          {LANGS.map((l) => (
            <span key={l}>
              <input
                type="radio"
                id={`pv-${l}`}
                name="preview-lang"
                checked={preview === l}
                onChange={() => setPreview(l)}
              />
              <label htmlFor={`pv-${l}`} lang={l}>
                {t(`languages.native.${l}`)}
              </label>
            </span>
          ))}
        </fieldset>
        <button type="button" aria-pressed={!editing} onClick={() => setEditing(!editing)}>
          {editing ? t('stocktaking.preview') : t('stocktaking.edit')}
        </button>
      </div>
      <div className="summary" lang={preview}>
        <section className="summary-section" aria-labelledby="sec-intro">
          <h2 id="sec-intro">{tp('stocktaking.sections.introduction')}</h2>
          {edit ? (
            <div className="field">
              <label htmlFor="sum-intro">
                {t('stocktaking.sectionText', { title: t('stocktaking.sections.introduction') })}
              </label>
              <textarea
                id="sum-intro"
                rows={3}
                value={draft.introduction}
                onChange={(e) => change({ ...draft, introduction: e.target.value })}
              />
            </div>
          ) : (
            draft.introduction && <p>{draft.introduction}</p>
          )}
        </section>
        <section className="summary-section" aria-labelledby="sec-participation">
          <h2 id="sec-participation">{tp('stocktaking.sections.participation')}</h2>
          {edit ? (
            <div className="field">
              <label htmlFor="sum-participation">
                {t('stocktaking.sectionText', { title: t('stocktaking.sections.participation') })}
              </label>
              <textarea
                id="sum-participation"
                rows={3}
                value={draft.participationText}
                onChange={(e) => change({ ...draft, participationText: e.target.value })}
              />
            </div>
          ) : (
            <p>{draft.participationText}</p>
          )}
          {(regionsSentence(s) || draft.regionsText) &&
            (edit ? (
              <div className="field">
                <label htmlFor="sum-regions">{t('summaryRegions.label')}</label>
                <textarea
                  id="sum-regions"
                  rows={2}
                  value={draft.regionsText}
                  onChange={(e) => change({ ...draft, regionsText: e.target.value })}
                />
                <p className="hint">{t('summaryRegions.hint')}</p>
              </div>
            ) : (
              draft.regionsText && <p>{draft.regionsText}</p>
            ))}
        </section>
        {SUMMARY_LISTS.map((l) => (
          <section key={l} className="summary-section" aria-labelledby={`sec-${l}`}>
            <h2 id={`sec-${l}`}>{tp(`stocktaking.sections.${l}`)}</h2>
            {draft.lists[l].length === 0 && !edit && <p className="muted">{tp('stocktaking.emptySection')}</p>}
            <ol className="points">
              {draft.lists[l].map((x, i) => (
                <li key={x.id ?? `new-${i}`} className="point">
                  {edit ? (
                    <div className="field">
                      <label htmlFor={`item-${l}-${i}`}>
                        {t('stocktaking.itemLabel', { section: t(`stocktaking.sections.${l}`), number: i + 1 })}
                      </label>
                      <textarea
                        id={`item-${l}-${i}`}
                        rows={2}
                        value={x.text}
                        onChange={(e) => setItem(l, i, e.target.value)}
                      />
                    </div>
                  ) : (
                    <p>
                      {x.text}
                      {unofficial && x.item?.machineTranslated && x.text === x.original && (
                        <>
                          {' '}
                          <span className="badge pending">{tp('summaryReview.machineLabel')}</span>
                        </>
                      )}
                    </p>
                  )}
                  {x.item && (
                    <p className="sources">
                      {x.item.constituencies.map((c) => t(`constituency.${c}`, { defaultValue: c })).join(', ')}
                      {x.item.sources.length > 0 && (
                        <>
                          {' · '}
                          {tp('stocktaking.sources')}{' '}
                          {x.item.sources.slice(0, 6).map((src, k) => (
                            <span key={src}>
                              {k > 0 && ', '}
                              <a href={`/contributions/${src}`}>{tp('stocktaking.source', { number: k + 1 })}</a>
                            </span>
                          ))}
                          {x.item.sources.length > 6 && ` (+${x.item.sources.length - 6})`}
                        </>
                      )}
                    </p>
                  )}
                  {edit && (
                    <button type="button" className="link" onClick={() => removeItem(l, i)}>
                      {t('stocktaking.removeItem', { number: i + 1 })}
                    </button>
                  )}
                </li>
              ))}
            </ol>
            {edit && (
              <button type="button" onClick={() => addItem(l)}>
                {t('stocktaking.addItem')}
              </button>
            )}
          </section>
        ))}
        {s.annex.rows.length > 0 && (
          <section className="summary-section" aria-labelledby="sec-annex">
            <h2 id="sec-annex">{tp('stocktaking.sections.annex')}</h2>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('stocktaking.question')}</th>
                    {s.annex.constituencies.map((c) => (
                      <th key={c} scope="col">
                        {t(`constituency.${c}`, { defaultValue: c })}
                      </th>
                    ))}
                    <th scope="col">{t('figures.moderators')}</th>
                    <th scope="col">{t('stocktaking.total')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.annex.rows.map((r) => (
                    <tr key={r.spaceId}>
                      <th scope="row">{r.number}</th>
                      {s.annex.constituencies.map((c) => (
                        <td key={c}>{r.counts[c] ?? 0}</td>
                      ))}
                      <td>{r.moderators}</td>
                      <td>{r.total}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
      </div>
      <ErrorNote error={save.error} />
      <p role="status" className={saved ? 'note note-ok' : 'visually-hidden'}>
        {saved}
      </p>
      <div className="actions">
        <button type="button" disabled={save.busy || !dirty} onClick={() => void save.run()}>
          {t('common.save')}
        </button>
        <button type="button" className="primary" onClick={() => setConfirming(true)}>
          {t('stocktaking.publish')}
        </button>
      </div>
      {s.status === 'published' && <TranslationReviews id={id} version={s.publishedVersion ?? undefined} />}
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
      <PublishDialog
        open={confirming}
        title={t('stocktaking.publishTitle')}
        text={t('stocktaking.publishText')}
        confirm={t('stocktaking.publish')}
        busy={publish.busy}
        error={publish.error}
        onConfirm={() => void publish.run()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
