import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { LANGS, type Lang, type Multilingual } from '../api/types';

/** Runs a loader when its dependencies change; `reload()` runs it again. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload, setData: (data: T) => setState({ data, loading: false }) };
}

/** The message to show for a failed call, in the interface language. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      // the api's error code has a sentence of its own in each language: never its raw text
      if (error.code && i18n.exists(`apiErrors.${error.code}`)) return t(`apiErrors.${error.code}`);
      if (error.status === 0) return t('errors.network');
      if (error.status === 401) return t('errors.signIn');
      if (error.status === 403) return `${t('errors.forbidden')} ${error.message}`;
      if (error.status === 404) return t('errors.notFound');
      if (error.status === 429) return `${t('errors.tooFast')} ${error.message}`;
      return error.message;
    }
    return t('errors.unexpected');
  };
}

export function ErrorNote({ error }: { error: unknown }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <p className="note note-error" role="alert">
      {text(error)}
    </p>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

/** A form submit that tracks its own busy state and error. */
export function useSubmit<A extends unknown[]>(action: (...args: A) => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(
    async (...args: A) => {
      setBusy(true);
      setError(null);
      try {
        await action(...args);
        return true;
      } catch (err) {
        setError(err);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [action],
  );
  return { run, busy, error, setError };
}

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, Escape
 * closes it, and focus returns to what opened it.
 */
export function Dialog({
  title,
  open,
  onClose,
  children,
}: {
  title: string;
  open: boolean;
  onClose(): void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const opener = document.activeElement as HTMLElement | null;
      dialog.showModal();
      return () => opener?.focus?.();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      {open && (
        <>
          <h2 id={titleId}>{title}</h2>
          {children}
        </>
      )}
    </dialog>
  );
}

export function LanguageName({ lang }: { lang: Lang | null | undefined }) {
  const { t } = useTranslation();
  return <>{lang ? t(`languages.${lang}`) : t('languages.unknown')}</>;
}

/** Three inputs (or textareas) for a text in English, French and Spanish. */
export function MultilingualFields({
  legend,
  value,
  onChange,
  multiline = false,
  required = false,
  name,
}: {
  legend: string;
  value: Multilingual;
  onChange(value: Multilingual): void;
  multiline?: boolean;
  required?: boolean;
  name: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="multilingual">
      <legend>{legend}</legend>
      {LANGS.map((lang) => (
        <div className="field" key={lang}>
          <label htmlFor={`${id}-${lang}`}>{t(`languages.${lang}`)}</label>
          {multiline ? (
            <textarea
              id={`${id}-${lang}`}
              name={`${name}-${lang}`}
              lang={lang}
              rows={3}
              value={value[lang] ?? ''}
              required={required && lang === 'en'}
              onChange={(e) => onChange({ ...value, [lang]: e.target.value })}
            />
          ) : (
            <input
              id={`${id}-${lang}`}
              name={`${name}-${lang}`}
              lang={lang}
              value={value[lang] ?? ''}
              required={required && lang === 'en'}
              onChange={(e) => onChange({ ...value, [lang]: e.target.value })}
            />
          )}
        </div>
      ))}
    </fieldset>
  );
}

/** Removes empty languages from a multilingual value before sending it. */
export function compact(value: Multilingual): Multilingual {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v && v.trim())) as Multilingual;
}

/** How long a confirmation stays in view before it goes by itself. */
const TOAST_MS = 8000;

/**
 * A confirmation that stays in view wherever the reader is on the page (a report sent, a
 * decision taken), also announced to screen readers; it goes after a while or when dismissed.
 */
export function Toast({ message, onDismiss }: { message: string; onDismiss(): void }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(onDismiss, TOAST_MS);
    return () => clearTimeout(timer);
  }, [message, onDismiss]);
  return (
    <div role="status" aria-live="polite">
      {message && (
        <p className="note note-ok toast">
          <span>{message}</span>
          <button type="button" className="link" onClick={onDismiss}>
            {t('common.dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
