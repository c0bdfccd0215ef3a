import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, endSession } from '../api/client';
import type { User } from '../api/types';
import { ErrorNote, useAsync, useSubmit } from '../components/ui';
import { useLang } from '../i18n';
import { useAuth } from '../lib/auth';
import { formatDate } from '../lib/format';

interface Session {
  id: string;
  device: string;
  lastUsedAt: string;
  current: boolean;
}
interface SecurityEvent {
  id: string;
  kind: string;
  device: string;
  at: string;
}

/** Settings → Security: signed-in devices, password, two-factor sign-in, the security log. */
export function SecuritySettings() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="security-h" className="panel" id="security">
      <h2 id="security-h">{t('account.securityTitle')}</h2>
      <EmailState />
      <Sessions />
      <PasswordChange />
      <TwoFactor />
      <SecurityLogList />
    </section>
  );
}

function EmailState() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [sent, setSent] = useState(false);
  const resend = useSubmit(async () => {
    await call(api.POST('/api/v1/me/email-verification'));
    setSent(true);
  });
  if (!user || user.emailVerified) return null;
  return (
    <div className="note note-warn">
      <p>{t('account.unverified')}</p>
      <ErrorNote error={resend.error} />
      <p role="status">{sent ? t('account.resent') : ''}</p>
      <button type="button" onClick={() => void resend.run()} disabled={resend.busy || sent}>
        {t('account.resendVerification')}
      </button>
    </div>
  );
}

function Sessions() {
  const { t } = useTranslation();
  const lang = useLang();
  const { signOut } = useAuth();
  const res = useAsync(() => call<{ items: Session[] }>(api.GET('/api/v1/me/sessions')), []);
  const end = useSubmit(async (id: string) => {
    await call(api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } } }));
    res.reload();
  });
  const everywhere = useSubmit(async () => {
    await call(api.DELETE('/api/v1/me/sessions'));
    await endSession();
    signOut();
  });
  return (
    <div className="stack">
      <h3>{t('account.sessionsTitle')}</h3>
      <ul className="plain-list" aria-label={t('account.sessionsTitle')}>
        {res.data?.items.map((s) => (
          <li key={s.id}>
            <span>{s.device || '—'}</span> ·{' '}
            <span>
              {s.current ? t('account.thisDevice') : t('account.lastUsed', { date: formatDate(s.lastUsedAt, lang) })}
            </span>{' '}
            {!s.current && (
              <button
                type="button"
                className="link"
                onClick={() => void end.run(s.id)}
                aria-label={`${t('account.signOutDevice')}: ${s.device}`}
              >
                {t('account.signOutDevice')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorNote error={res.error ?? end.error ?? everywhere.error} />
      <button type="button" onClick={() => void everywhere.run()} disabled={everywhere.busy}>
        {t('account.signOutEverywhere')}
      </button>
    </div>
  );
}

function PasswordChange() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const submit = useSubmit(async () => {
    await call(api.POST('/api/v1/me/password', { body: { currentPassword: current, newPassword: next } }));
    setDone(true);
    setCurrent('');
    setNext('');
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    void submit.run();
  };
  return (
    <form onSubmit={onSubmit} className="stack" aria-labelledby="password-h">
      <h3 id="password-h">{t('account.passwordTitle')}</h3>
      <div className="field">
        <label htmlFor="pw-current">{t('account.currentPassword')}</label>
        <input
          id="pw-current"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="pw-new">{t('account.newPassword')}</label>
        <p className="hint" id="pw-new-hint">
          {t('auth.passwordHint')}
        </p>
        <input
          id="pw-new"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          aria-describedby="pw-new-hint"
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
      </div>
      <ErrorNote error={submit.error} />
      <p role="status" className={done ? 'note note-ok' : 'visually-hidden'}>
        {done ? t('account.passwordChanged') : ''}
      </p>
      <button type="submit" disabled={submit.busy}>
        {t('account.passwordSave')}
      </button>
    </form>
  );
}

function TwoFactor() {
  const { t } = useTranslation();
  const { user, update } = useAuth();
  const [enrolment, setEnrolment] = useState<{ secret: string; qrCode: string } | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [recovery, setRecovery] = useState<string[] | null>(null);
  const refresh = async () => update(await call<User>(api.GET('/api/v1/me')));
  const start = useSubmit(async () =>
    setEnrolment(await call<{ secret: string; qrCode: string }>(api.POST('/api/v1/me/two-factor'))),
  );
  const confirm = useSubmit(async () => {
    const answer = await call<{ recoveryCodes: string[] }>(
      api.POST('/api/v1/me/two-factor/confirm', { body: { code } }),
    );
    setRecovery(answer.recoveryCodes);
    setEnrolment(null);
    await refresh();
  });
  const disable = useSubmit(async () => {
    await call(api.DELETE('/api/v1/me/two-factor', { body: { password } }));
    setPassword('');
    setRecovery(null);
    await refresh();
  });
  if (!user) return null;
  return (
    <div className="stack">
      <h3>{t('account.twoFactorTitle')}</h3>
      <p>{user.twoFactorEnabled ? t('account.twoFactorOn') : t('account.twoFactorOff')}</p>
      {!user.twoFactorEnabled && <p className="hint">{t('account.twoFactorStaff')}</p>}
      {recovery && (
        <div className="note note-ok">
          <h4>{t('account.recoveryTitle')}</h4>
          <p>{t('account.recoveryIntro')}</p>
          <ul aria-label={t('account.recoveryTitle')}>
            {recovery.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!user.twoFactorEnabled && !enrolment && (
        <button type="button" onClick={() => void start.run()} disabled={start.busy}>
          {t('account.twoFactorStart')}
        </button>
      )}
      <ErrorNote error={start.error} />
      {enrolment && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void confirm.run();
          }}
        >
          <p>{t('account.twoFactorScan')}</p>
          <img src={enrolment.qrCode} alt={t('account.qrAlt')} width={240} height={240} />
          <p className="hint">{t('account.twoFactorSecret', { secret: enrolment.secret })}</p>
          <div className="field">
            <label htmlFor="tf-code">{t('account.code')}</label>
            <input
              id="tf-code"
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </div>
          <ErrorNote error={confirm.error} />
          <button type="submit" className="primary" disabled={confirm.busy}>
            {t('account.twoFactorConfirm')}
          </button>
        </form>
      )}
      {user.twoFactorEnabled && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void disable.run();
          }}
        >
          <div className="field">
            <label htmlFor="tf-password">{t('account.passwordToConfirm')}</label>
            <input
              id="tf-password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <ErrorNote error={disable.error} />
          <button type="submit" disabled={disable.busy}>
            {t('account.twoFactorDisable')}
          </button>
        </form>
      )}
    </div>
  );
}

function SecurityLogList() {
  const { t } = useTranslation();
  const lang = useLang();
  const res = useAsync(
    () => call<{ items: SecurityEvent[] }>(api.GET('/api/v1/me/security-log', { params: { query: { limit: 20 } } })),
    [],
  );
  return (
    <div className="stack">
      <h3>{t('account.logTitle')}</h3>
      <ul className="plain-list" aria-label={t('account.logTitle')}>
        {res.data?.items.map((e) => (
          <li key={e.id}>
            {formatDate(e.at, lang)} — {t(`account.events.${e.kind}`, { defaultValue: e.kind })}
            {e.device ? ` · ${e.device}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
