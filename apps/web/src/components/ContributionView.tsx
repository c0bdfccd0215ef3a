import { type FormEvent, memo, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Contribution, Lang } from '../api/types';
import { useLang } from '../i18n';
import { countryName, formatDate } from '../lib/format';
import type { ThreadNode } from '../lib/thread';
import type { ModerationAction } from './ActionDialogs';
import { Composer } from './Composer';
import { ErrorNote, LanguageName, useSubmit } from './ui';

export interface ThreadContext {
  spaceId: string;
  meId: string;
  canModerate: boolean;
  canPost: boolean;
  preModerated: boolean;
  /** The language contributions are read in: the interface's, or the one a link asked for. */
  readingLang: Lang;
  unseen: Set<string>;
  onPosted(c: Contribution, options?: { focus?: boolean }): void;
  onChanged(c: Contribution): void;
  onModerate(c: Contribution, action: ModerationAction): void;
  onFlag(c: Contribution): void;
  onDelete(c: Contribution): void;
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i}>
          {p.split('\n').map((line, j) => (
            <span key={j}>
              {j > 0 && <br />}
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}

/**
 * The text in the reader's language: a translation when one is done (marked machine-made
 * or corrected by people, with the original one click away), else the original; each
 * with its `lang`. The author and the space's moderators may correct the translation.
 */
export function ContributionText({
  c,
  lang,
  canCorrect = false,
  onCorrected,
}: {
  c: Contribution;
  lang: Lang;
  canCorrect?: boolean;
  onCorrected?(c: Contribution): void;
}) {
  const { t } = useTranslation();
  const [showOriginal, setShowOriginal] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  if (c.body === null || c.body === undefined) return <p className="muted removed">{t('thread.removedText')}</p>;
  const tr = c.translations?.[lang];
  const differs = !!c.language && c.language !== lang;
  const translation =
    differs && tr?.status === 'done' && tr.text
      ? { text: tr.text, provider: tr.provider, machine: tr.machine !== false }
      : differs && c.text && c.text !== c.body
        ? { text: c.text, provider: tr?.provider, machine: tr?.machine !== false }
        : null;
  const original = c.bodyHtml ? (
    <div className="text" lang={c.language ?? undefined} dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
  ) : (
    <div className="text" lang={c.language ?? undefined}>
      <Paragraphs text={c.body} />
    </div>
  );
  if (!translation) {
    return (
      <>
        {original}
        {differs && tr?.status === 'pending' && (
          <p className="mt-note">{t('thread.translating', { language: t(`languages.${lang}`) })}</p>
        )}
      </>
    );
  }
  if (correcting) {
    return (
      <>
        {original}
        <CorrectionForm
          c={c}
          lang={lang}
          text={translation.text}
          onCancel={() => setCorrecting(false)}
          onDone={(updated) => {
            setCorrecting(false);
            onCorrected?.(updated);
          }}
        />
      </>
    );
  }
  // the server renders the translation's light Markdown as it does the original's
  const html = c.text === translation.text ? c.textHtml : null;
  const from = t(`languages.${c.language}`);
  return (
    <>
      {showOriginal ? (
        original
      ) : html ? (
        <div className="text translated" lang={lang} dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <div className="text translated" lang={lang}>
          <Paragraphs text={translation.text} />
        </div>
      )}
      <p className="mt-note">
        <span>
          {showOriginal
            ? t('thread.originalIn', { language: from })
            : translation.machine
              ? t('thread.machineTranslated', { language: from })
              : t('thread.correctedTranslation', { language: from })}
          {!showOriginal && translation.machine && translation.provider ? ` (${translation.provider})` : ''}
        </span>{' '}
        <button
          type="button"
          className="link"
          aria-pressed={showOriginal}
          onClick={() => setShowOriginal(!showOriginal)}
        >
          {showOriginal ? t('thread.showTranslation') : t('thread.showOriginal')}
        </button>
        {canCorrect && (
          <>
            {' '}
            <button type="button" className="link" onClick={() => setCorrecting(true)}>
              {t('thread.correctTranslation')}
            </button>
          </>
        )}
      </p>
    </>
  );
}

/** Translations people made of sentences close to this contribution's (the translation memory), best first. */
function useMemorySuggestions(id: string, lang: Lang): Array<{ source: string; target: string }> {
  const [found, setFound] = useState<Array<{ source: string; target: string }>>([]);
  useEffect(() => {
    let live = true;
    call<Array<{ suggestions: Array<{ source: string; target: string }> }>>(
      api.GET('/api/v1/contributions/{id}/translations/{lang}/suggestions', { params: { path: { id, lang } } }),
    )
      .then((sentences) => live && setFound(sentences.flatMap((s) => s.suggestions.slice(0, 1))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id, lang]);
  return found;
}

/** A text to rewrite in place (an edit, a corrected translation): save or cancel; Esc cancels. */
function TextForm({
  id,
  label,
  initial,
  lang,
  saveLabel,
  onSave,
  onCancel,
  children,
}: {
  id: string;
  label: string;
  initial: string;
  lang?: string;
  saveLabel: string;
  onSave(text: string): Promise<void>;
  onCancel(): void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const submit = useSubmit(() => onSave(value));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  return (
    <form onSubmit={onSubmit} className="stack" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <textarea
          id={id}
          rows={5}
          required
          autoFocus
          value={value}
          lang={lang}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      {children}
      <ErrorNote error={submit.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={submit.busy}>
          {saveLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function CorrectionForm({
  c,
  lang,
  text,
  onDone,
  onCancel,
}: {
  c: Contribution;
  lang: Lang;
  text: string;
  onDone(c: Contribution): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const suggestions = useMemorySuggestions(c.id, lang);
  const save = async (value: string) => {
    const path = { id: c.id, lang };
    await call(api.PUT('/api/v1/contributions/{id}/translations/{lang}', { params: { path }, body: { text: value } }));
    onDone(
      await call<Contribution>(
        api.GET('/api/v1/contributions/{id}', { params: { path: { id: c.id }, query: { lang } } }),
      ),
    );
  };
  return (
    <TextForm
      id={`correct-${c.id}`}
      label={t('thread.correctionLabel', { language: t(`languages.${lang}`) })}
      initial={text}
      lang={lang}
      saveLabel={t('thread.saveCorrection')}
      onSave={save}
      onCancel={onCancel}
    >
      {suggestions.length > 0 && (
        <div className="note">
          <p>{t('thread.memorySuggestions')}</p>
          <ul>
            {suggestions.map((s) => (
              <li key={s.source} lang={lang}>
                {s.target}
              </li>
            ))}
          </ul>
        </div>
      )}
    </TextForm>
  );
}

function EditForm({ c, onDone, onCancel }: { c: Contribution; onDone(c: Contribution): void; onCancel(): void }) {
  const { t } = useTranslation();
  const save = async (body: string) => {
    onDone(
      await call<Contribution>(
        api.PATCH('/api/v1/contributions/{id}', { params: { path: { id: c.id } }, body: { body } }),
      ),
    );
  };
  return (
    <TextForm
      id={`edit-${c.id}`}
      label={t('thread.editLabel')}
      initial={c.body ?? ''}
      lang={c.language ?? undefined}
      saveLabel={t('thread.saveEdit')}
      onSave={save}
      onCancel={onCancel}
    />
  );
}

function ContributionItem({ node, ctx, depth }: { node: ThreadNode; ctx: ThreadContext; depth: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const c = node.item;
  const [mode, setMode] = useState<'read' | 'reply' | 'edit'>('read');
  const replyButton = useRef<HTMLButtonElement>(null);
  const mine = c.authorId === ctx.meId;
  const removed = c.status === 'deleted' || (c.status === 'hidden' && !ctx.canModerate && !mine);
  const headingId = `h-${c.id}`;
  const live = c.status === 'published';
  const canReply = ctx.canPost && live && !c.locked;
  const a = c.author;
  return (
    <li
      className={`contribution depth-${Math.min(depth, 4)}${ctx.unseen.has(c.id) ? ' is-new' : ''}${c.pinned ? ' is-pinned' : ''}`}
    >
      <article id={`c-${c.id}`} aria-labelledby={headingId} tabIndex={-1} data-id={c.id} data-status={c.status}>
        {removed ? (
          <p className="muted removed" id={headingId}>
            {c.status === 'deleted' ? t('thread.deleted') : t('thread.hiddenPlaceholder')}
          </p>
        ) : (
          <>
            <header className="byline">
              <h3 id={headingId} className="author">
                {a?.displayName ?? t('thread.unknownAuthor')}
              </h3>
              {a?.organisation && <span className="org">{a.organisation}</span>}
              {a?.affiliationVerified && <span className="badge verified">✓ {t('account.verifiedMark')}</span>}
              <span className={`badge constituency c-${a?.constituency}`}>
                {t(`constituency.${a?.constituency ?? 'other'}`)}
              </span>
              {a?.isModerator && <span className="badge moderator">{t('thread.moderatorBadge')}</span>}
              {a?.country && <span className="country">{countryName(a.country, lang)}</span>}
              <time dateTime={c.createdAt}>{formatDate(c.createdAt, lang)}</time>
              {c.editedAt && <span className="muted">· {t('thread.edited')}</span>}
              {c.pinned && <span className="badge pinned">{t('thread.pinned')}</span>}
              {c.locked && <span className="badge locked">{t('thread.locked')}</span>}
              {c.status === 'pending' && <span className="badge pending">{t('thread.pending')}</span>}
              {c.status === 'hidden' && <span className="badge hidden">{t('thread.hidden')}</span>}
              {c.status === 'rejected' && <span className="badge hidden">{t('thread.rejected')}</span>}
              {ctx.unseen.has(c.id) && <span className="badge new">{t('thread.newBadge')}</span>}
            </header>
            {c.moderationReason && (c.status === 'hidden' || c.status === 'rejected') && (
              <p className="note note-warn">{t('thread.moderationReason', { reason: c.moderationReason })}</p>
            )}
            {mode === 'edit' ? (
              <EditForm
                c={c}
                onCancel={() => setMode('read')}
                onDone={(u) => {
                  ctx.onChanged(u);
                  setMode('read');
                }}
              />
            ) : (
              <ContributionText
                c={c}
                lang={ctx.readingLang}
                canCorrect={live && (mine || ctx.canModerate)}
                onCorrected={ctx.onChanged}
              />
            )}
            {mode !== 'edit' && (
              <div
                className="contribution-actions"
                role="group"
                aria-label={t('thread.actionsFor', { name: a?.displayName ?? '' })}
              >
                {canReply && (
                  <button
                    ref={replyButton}
                    type="button"
                    className="link"
                    aria-expanded={mode === 'reply'}
                    onClick={() => setMode(mode === 'reply' ? 'read' : 'reply')}
                  >
                    {t('thread.reply')}
                  </button>
                )}
                {mine && c.status !== 'deleted' && (
                  <>
                    <button type="button" className="link" onClick={() => setMode('edit')}>
                      {t('thread.edit')}
                    </button>
                    <button type="button" className="link" onClick={() => ctx.onDelete(c)}>
                      {t('thread.delete')}
                    </button>
                  </>
                )}
                {!mine && live && (
                  <button type="button" className="link" onClick={() => ctx.onFlag(c)}>
                    {t('thread.flag')}
                  </button>
                )}
                {ctx.canModerate && <ModeratorButtons c={c} onModerate={ctx.onModerate} />}
              </div>
            )}
            {mode === 'reply' && (
              <Composer
                spaceId={ctx.spaceId}
                parentId={c.id}
                autoFocus
                preModerated={ctx.preModerated}
                onCancel={() => {
                  // the reply button stays rendered: it takes the focus before the box holding it goes
                  replyButton.current?.focus();
                  setMode('read');
                }}
                onPosted={(r) => {
                  // the reply box closes: focus goes to the new reply rather than being lost
                  ctx.onPosted(r, { focus: true });
                  setMode('read');
                }}
              />
            )}
          </>
        )}
      </article>
      {node.replies.length > 0 && (
        <ol className="replies" aria-label={t('thread.repliesTo', { name: removed ? '' : (a?.displayName ?? '') })}>
          {node.replies.map((r) => (
            <MemoItem key={r.item.id} node={r} ctx={ctx} depth={depth + 1} />
          ))}
        </ol>
      )}
    </li>
  );
}

function ModeratorButtons({ c, onModerate }: { c: Contribution; onModerate: ThreadContext['onModerate'] }) {
  const { t } = useTranslation();
  const actions: ModerationAction[] = [];
  if (c.status === 'pending') actions.push('approve', 'reject');
  if (c.status === 'published') actions.push('hide', c.pinned ? 'unpin' : 'pin');
  if (c.status === 'hidden') actions.push('restore');
  if (c.status === 'published' && !c.parentId) actions.push(c.locked ? 'unlock' : 'lock');
  return (
    <>
      {actions.map((action) => (
        <button key={action} type="button" className="link mod" onClick={() => onModerate(c, action)}>
          {t(`moderation.action.${action}`)}
        </button>
      ))}
    </>
  );
}

const MemoItem = memo(ContributionItem);

export function ThreadList({ nodes, ctx, label }: { nodes: ThreadNode[]; ctx: ThreadContext; label: string }) {
  return (
    <ol className="thread" aria-label={label}>
      {nodes.map((n) => (
        <MemoItem key={n.item.id} node={n} ctx={ctx} depth={0} />
      ))}
    </ol>
  );
}

export { LanguageName };
