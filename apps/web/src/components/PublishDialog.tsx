import { useTranslation } from 'react-i18next';
import { Dialog, ErrorNote } from './ui';

/** Asks before publishing a digest or a summary: what publishing does, then publish or cancel. */
export function PublishDialog({
  open,
  title,
  text,
  confirm,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  text: string;
  confirm: string;
  busy: boolean;
  error: unknown;
  onConfirm(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} open={open} onClose={onClose}>
      <p>{text}</p>
      <ErrorNote error={error} />
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
