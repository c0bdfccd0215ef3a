import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { FLAG_REASONS, type FlagReason } from '../api/types';
import { Dialog, ErrorNote, useSubmit } from './ui';

export type ModerationAction =
  'approve' | 'reject' | 'hide' | 'restore' | 'pin' | 'unpin' | 'lock' | 'unlock' | 'resolve';
const NEEDS_REASON: ModerationAction[] = ['reject', 'hide'];

/**
 * A dialog that confirms a moderator's decision and asks for its reason (shown to the
 * member): `send` gets the trimmed reason, empty when none was given.
 */
function ReasonDialog({
  open,
  title,
  submitLabel,
  required,
  excerpt,
  send,
  onClose,
}: {
  open: boolean;
  title: string;
  submitLabel: string;
  required: boolean;
  excerpt?: string;
  send(reason: string): Promise<void>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const submit = useSubmit(async () => {
    await send(reason.trim());
    setReason('');
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  const close = () => {
    setReason('');
    submit.setError(null);
    onClose();
  };
  return (
    <Dialog title={title} open={open} onClose={close}>
      <form onSubmit={onSubmit} className="stack">
        {excerpt && <blockquote className="excerpt">{excerpt}</blockquote>}
        <div className="field">
          <label htmlFor={`${id}-reason`}>
            {t('moderation.reason')} {!required && <span className="optional">{t('common.optional')}</span>}
          </label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            required={required}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby={`${id}-hint`}
          />
          <p id={`${id}-hint`} className="hint">
            {t('moderation.reasonHint')}
          </p>
        </div>
        <ErrorNote error={submit.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={submit.busy}>
            {submitLabel}
          </button>
          <button type="button" onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Confirms a moderation decision and asks for its reason (required to reject or hide). */
export function ModerationDialog({
  target,
  onClose,
  onDone,
}: {
  target: { id: string; action: ModerationAction; excerpt?: string } | null;
  onClose(): void;
  onDone(action: ModerationAction): void;
}) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      open={!!target}
      title={target ? t(`moderation.confirm.${target.action}`) : ''}
      submitLabel={target ? t(`moderation.action.${target.action}`) : ''}
      required={target ? NEEDS_REASON.includes(target.action) : false}
      excerpt={target?.excerpt}
      onClose={onClose}
      send={async (reason) => {
        if (!target) return;
        const body = reason ? { action: target.action, reason } : { action: target.action };
        await call(api.POST('/api/v1/contributions/{id}/moderation', { params: { path: { id: target.id } }, body }));
        onDone(target.action);
      }}
    />
  );
}

/** Flags a contribution for the moderators, with a reason. */
export function FlagDialog({
  contributionId,
  onClose,
  onDone,
}: {
  contributionId: string | null;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState<FlagReason | ''>('');
  const [note, setNote] = useState('');
  const submit = useSubmit(async () => {
    if (!contributionId || !reason) return;
    await call(
      api.POST('/api/v1/contributions/{id}/flags', {
        params: { path: { id: contributionId } },
        body: note.trim() ? { reason, note: note.trim() } : { reason },
      }),
    );
    setReason('');
    setNote('');
    onDone();
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  const close = () => {
    submit.setError(null);
    onClose();
  };
  return (
    <Dialog title={t('flag.title')} open={!!contributionId} onClose={close}>
      <form onSubmit={onSubmit} className="stack">
        <p className="muted">{t('flag.intro')}</p>
        <fieldset>
          <legend>{t('flag.reason')}</legend>
          {FLAG_REASONS.map((r) => (
            <div className="radio" key={r}>
              <input
                type="radio"
                id={`${id}-${r}`}
                name={`${id}-reason`}
                value={r}
                checked={reason === r}
                required
                onChange={() => setReason(r)}
              />
              <label htmlFor={`${id}-${r}`}>{t(`flag.reasons.${r}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-note`}>
            {t('flag.note')} {reason !== 'other' && <span className="optional">{t('common.optional')}</span>}
          </label>
          <textarea
            id={`${id}-note`}
            rows={3}
            maxLength={1000}
            required={reason === 'other'}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <ErrorNote error={submit.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={submit.busy || !reason}>
            {t('flag.submit')}
          </button>
          <button type="button" onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Asks before deleting one's own contribution (replies stay). */
export function DeleteDialog({
  contributionId,
  onClose,
  onDone,
}: {
  contributionId: string | null;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit(async () => {
    if (!contributionId) return;
    await call(api.DELETE('/api/v1/contributions/{id}', { params: { path: { id: contributionId } } }));
    onDone();
  });
  return (
    <Dialog title={t('thread.deleteTitle')} open={!!contributionId} onClose={onClose}>
      <p>{t('thread.deleteText')}</p>
      <ErrorNote error={submit.error} />
      <div className="actions">
        <button type="button" className="danger" disabled={submit.busy} onClick={() => void submit.run()}>
          {t('thread.delete')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

/** Ends a member's suspension early, with the reason they are shown. */
export function LiftSuspensionDialog({
  spaceId,
  target,
  onClose,
  onDone,
}: {
  spaceId: string;
  target: { id: string; name: string } | null;
  onClose(): void;
  onDone(name: string): void;
}) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      open={!!target}
      title={target ? t('moderation.liftTitle', { name: target.name }) : ''}
      submitLabel={t('moderation.lift')}
      required
      onClose={onClose}
      send={async (reason) => {
        if (!target) return;
        await call(
          api.POST('/api/v1/spaces/{id}/suspensions/{suspensionId}/lift', {
            params: { path: { id: spaceId, suspensionId: target.id } },
            body: { reason },
          }),
        );
        onDone(target.name);
      }}
    />
  );
}
