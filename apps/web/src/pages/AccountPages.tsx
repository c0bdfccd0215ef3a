import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../api/client';
import { ErrorNote, useSubmit } from '../components/ui';
import { Link, usePageTitle } from '../lib/router';

/** A used or expired emailed link, said in the reader's language (the api says it in English). */
function inReadersWords(err: unknown, linkUsed: string): unknown {
  return err instanceof ApiError && err.code === 'invalid_token' ? new ApiError(400, linkUsed, 'invalid_token') : err;
}

/** Asks for a password reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.forgotTitle'));
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const submit = useSubmit(async () => {
    await call(api.POST('/api/v1/auth/password-reset', { body: { email } }));
    setSent(true);
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  return (
    <section className="narrow">
      <h1>{t('account.forgotTitle')}</h1>
      <p>{t('account.forgotIntro')}</p>
      <form onSubmit={onSubmit} className="stack">
        <div className="field">
          <label htmlFor="forgot-email">{t('auth.email')}</label>
          <input
            id="forgot-email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <ErrorNote error={submit.error} />
        <p role="status" className={sent ? 'note note-ok' : 'visually-hidden'}>
          {sent ? t('account.forgotSent') : ''}
        </p>
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('account.forgotSend')}
        </button>
      </form>
    </section>
  );
}

/** The page a reset email links to: a new password, once. */
export function ResetPasswordPage({ token }: { token: string }) {
  const { t } = useTranslation();
  usePageTitle(t('account.resetTitle'));
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const submit = useSubmit(async () => {
    await call(api.POST('/api/v1/auth/password-reset/confirm', { body: { token, newPassword: password } })).catch(
      (err) => {
        throw inReadersWords(err, t('account.linkUsed'));
      },
    );
    setDone(true);
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  return (
    <section className="narrow">
      <h1>{t('account.resetTitle')}</h1>
      {done ? (
        <>
          <p role="status" className="note note-ok">
            {t('account.resetDone')}
          </p>
          <p>
            <Link to="/login">{t('auth.signInLink')}</Link>
          </p>
        </>
      ) : (
        <form onSubmit={onSubmit} className="stack">
          <div className="field">
            <label htmlFor="reset-password">{t('account.newPassword')}</label>
            <p className="hint" id="reset-password-hint">
              {t('auth.passwordHint')}
            </p>
            <input
              id="reset-password"
              type="password"
              autoComplete="new-password"
              required
              minLength={10}
              aria-describedby="reset-password-hint"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <ErrorNote error={submit.error} />
          <button type="submit" className="primary" disabled={submit.busy}>
            {t('account.resetSave')}
          </button>
        </form>
      )}
    </section>
  );
}

/** One confirmation per token, however often the page mounts (a token works once). */
const confirmations = new Map<string, Promise<unknown>>();

/** The page a verification email links to: confirms the address as it opens. */
export function VerifyEmailPage({ token }: { token: string }) {
  const { t } = useTranslation();
  usePageTitle(t('account.verifyTitle'));
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let pending = confirmations.get(token);
    if (!pending)
      confirmations.set(token, (pending = call(api.POST('/api/v1/auth/verify-email', { body: { token } }))));
    pending.then(
      () => setDone(true),
      (err) => setError(inReadersWords(err, t('account.linkUsed'))),
    );
  }, [token, t]);
  return (
    <section className="narrow">
      <h1>{t('account.verifyTitle')}</h1>
      {done && (
        <p role="status" className="note note-ok">
          {t('account.verifyDone')}
        </p>
      )}
      <ErrorNote error={error} />
      <p>
        <Link to="/">{t('invite.goHome')}</Link>
      </p>
    </section>
  );
}
