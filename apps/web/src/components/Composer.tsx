import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { type Contribution, LANGS, type Lang } from '../api/types';
import { ErrorNote, useSubmit } from './ui';

/** Writes a contribution or a reply; the language is detected unless the author says. */
export function Composer({
  spaceId,
  parentId,
  onPosted,
  onCancel,
  autoFocus = false,
  preModerated,
  disabledReason,
}: {
  spaceId: string;
  parentId?: string;
  onPosted(c: Contribution): void;
  onCancel?(): void;
  autoFocus?: boolean;
  preModerated: boolean;
  /** Set while the member may not post (a suspension): the form stays in view, disabled, saying why. */
  disabledReason?: string | null;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [body, setBody] = useState('');
  // detected from the text unless the author says (a French post written with an English interface is French)
  const [language, setLanguage] = useState<Lang | ''>('');
  const [sent, setSent] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const submit = useSubmit(async () => {
    const created = await call<Contribution>(
      api.POST('/api/v1/spaces/{id}/contributions', {
        params: { path: { id: spaceId } },
        body: { body, ...(language ? { language } : {}), ...(parentId ? { parentId } : {}) },
      }),
    );
    setBody('');
    setSent(created.status === 'pending' ? t('composer.pending') : t('composer.posted'));
    onPosted(created);
    area.current?.focus();
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    void submit.run();
  };
  return (
    <form
      onSubmit={onSubmit}
      className="composer stack"
      aria-label={parentId ? t('composer.replyLabel') : t('composer.label')}
      // Escape closes a reply box (the reply button that opened it gets the focus back)
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel && !e.defaultPrevented) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-body`}>{parentId ? t('composer.reply') : t('composer.contribution')}</label>
        <textarea
          id={`${id}-body`}
          ref={area}
          rows={parentId ? 3 : 5}
          required
          maxLength={20000}
          autoFocus={autoFocus}
          disabled={!!disabledReason}
          value={body}
          lang={language || undefined}
          onChange={(e) => {
            setBody(e.target.value);
            setSent(null);
          }}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className={disabledReason ? 'note note-warn' : 'hint'}>
          {disabledReason ?? (preModerated ? t('composer.hintPre') : t('composer.hint'))}
        </p>
      </div>
      <div className="row end">
        <div className="field inline">
          <label htmlFor={`${id}-lang`}>{t('composer.writtenIn')}</label>
          <select
            id={`${id}-lang`}
            disabled={!!disabledReason}
            value={language}
            onChange={(e) => setLanguage(e.target.value as Lang | '')}
          >
            <option value="">{t('composer.detect')}</option>
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`languages.native.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={submit.busy || !!disabledReason}>
            {parentId ? t('composer.sendReply') : t('composer.send')}
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </div>
      <ErrorNote error={submit.error} />
      <p role="status" className={sent ? 'note note-ok' : 'visually-hidden'}>
        {sent}
      </p>
    </form>
  );
}
