import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../api/client';
import { type AuthResult, CONSTITUENCIES, type Constituency, LANGS, type Lang } from '../api/types';
import { CountryPicker } from '../components/SearchPicker';
import { ErrorNote, useSubmit } from '../components/ui';
import { useLang } from '../i18n';
import { useAuth } from '../lib/auth';
import { Link, navigate, usePageTitle } from '../lib/router';

function afterSignIn() {
  const back = new URLSearchParams(location.search).get('next');
  navigate(
    back && back.startsWith('/')
      ? back
      : location.pathname === '/login' || location.pathname === '/register'
        ? '/'
        : location.pathname,
    {
      replace: true,
    },
  );
}

/**
 * How a sign-in or registration form is used inside another page (the invitation page):
 * the address it starts with, a heading one level down, and what happens once signed in
 * instead of the usual redirect.
 */
export interface EmbeddedAuth {
  initialEmail?: string;
  onSignedIn?: () => void | Promise<void>;
  embedded?: boolean;
}

export function LoginPage({
  redirected = false,
  initialEmail = '',
  onSignedIn,
  embedded = false,
}: { redirected?: boolean } & EmbeddedAuth) {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState<string | null>(null);
  usePageTitle(embedded ? undefined : t('auth.signInTitle'));
  const Heading = embedded ? 'h2' : 'h1';
  const submit = useSubmit(async () => {
    let result: AuthResult;
    try {
      result = await call<AuthResult>(
        api.POST('/api/v1/auth/login', { body: { email, password, ...(code ? { code } : {}) } }),
      );
    } catch (err) {
      // two-factor sign-in is on: ask for the code, then send the three together
      if (err instanceof ApiError && err.code === 'two_factor_required' && code === null) {
        setCode('');
        return;
      }
      throw err;
    }
    signIn(result);
    if (onSignedIn) await onSignedIn();
    else afterSignIn();
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  return (
    <section className="narrow">
      <Heading>{t('auth.signInTitle')}</Heading>
      {redirected && <p className="note">{t('auth.signInFirst')}</p>}
      <form onSubmit={onSubmit} className="stack">
        <div className="field">
          <label htmlFor="login-email">{t('auth.email')}</label>
          <input
            id="login-email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('auth.password')}</label>
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {code !== null && (
          <div className="field">
            <label htmlFor="login-code">{t('account.code')}</label>
            <p className="hint" id="login-code-hint">
              {t('account.codeHint')}
            </p>
            <input
              id="login-code"
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              autoFocus
              aria-describedby="login-code-hint"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </div>
        )}
        <ErrorNote error={submit.error} />
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('auth.signIn')}
        </button>
      </form>
      {!embedded && (
        <p>
          {t('auth.noAccount')} <Link to="/register">{t('auth.registerLink')}</Link>
        </p>
      )}
      <p>
        <Link to="/forgot-password">{t('account.forgot')}</Link>
      </p>
    </section>
  );
}

export function RegisterPage({ initialEmail = '', onSignedIn, embedded = false }: EmbeddedAuth = {}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { signIn } = useAuth();
  const [form, setForm] = useState({
    displayName: '',
    email: initialEmail,
    password: '',
    organisation: '',
    constituency: '' as Constituency | '',
    country: '',
    preferredLanguage: lang as Lang,
  });
  usePageTitle(embedded ? undefined : t('auth.registerTitle'));
  const Heading = embedded ? 'h2' : 'h1';
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const submit = useSubmit(async () => {
    const body = {
      displayName: form.displayName,
      email: form.email,
      password: form.password,
      constituency: form.constituency as Constituency,
      preferredLanguage: form.preferredLanguage,
      ...(form.organisation.trim() ? { organisation: form.organisation.trim() } : {}),
      ...(form.country.trim() ? { country: form.country.trim().toUpperCase() } : {}),
    };
    const result = await call<AuthResult>(api.POST('/api/v1/auth/register', { body }));
    signIn(result);
    if (onSignedIn) await onSignedIn();
    else afterSignIn();
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  return (
    <section className="narrow">
      <Heading>{t('auth.registerTitle')}</Heading>
      <p className="muted">{t('auth.registerIntro')}</p>
      <form onSubmit={onSubmit} className="stack">
        <div className="field">
          <label htmlFor="reg-name">{t('profile.displayName')}</label>
          <input id="reg-name" autoComplete="name" required value={form.displayName} onChange={set('displayName')} />
        </div>
        <div className="field">
          <label htmlFor="reg-email">{t('auth.email')}</label>
          <input id="reg-email" type="email" autoComplete="email" required value={form.email} onChange={set('email')} />
        </div>
        <div className="field">
          <label htmlFor="reg-password">{t('auth.password')}</label>
          <input
            id="reg-password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            aria-describedby="reg-password-hint"
            value={form.password}
            onChange={set('password')}
          />
          <p id="reg-password-hint" className="hint">
            {t('auth.passwordHint')}
          </p>
        </div>
        <ProfileFields form={form} set={set} idPrefix="reg" />
        <ErrorNote error={submit.error} />
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('auth.register')}
        </button>
      </form>
      {!embedded && (
        <p>
          {t('auth.haveAccount')} <Link to="/login">{t('auth.signInLink')}</Link>
        </p>
      )}
    </section>
  );
}

/** Organisation, constituency, country and language: shared by registration and settings. */
export function ProfileFields({
  form,
  set,
  idPrefix,
}: {
  form: { organisation: string; constituency: string; country: string; preferredLanguage: string };
  set: (
    key: 'organisation' | 'constituency' | 'country' | 'preferredLanguage',
  ) => (e: { target: { value: string } }) => void;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-org`}>
          {t('profile.organisation')} <span className="optional">{t('common.optional')}</span>
        </label>
        <input
          id={`${idPrefix}-org`}
          autoComplete="organization"
          value={form.organisation}
          onChange={set('organisation')}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-constituency`}>{t('profile.constituency')}</label>
        <select
          id={`${idPrefix}-constituency`}
          required
          value={form.constituency}
          onChange={set('constituency')}
          aria-describedby={`${idPrefix}-constituency-hint`}
        >
          <option value="" disabled>
            {t('common.choose')}
          </option>
          {CONSTITUENCIES.map((c) => (
            <option key={c} value={c}>
              {t(`constituency.${c}`)}
            </option>
          ))}
        </select>
        <p id={`${idPrefix}-constituency-hint`} className="hint">
          {t('profile.constituencyHint')}
        </p>
      </div>
      <CountryPicker
        id={`${idPrefix}-country`}
        label={
          <>
            {t('profile.country')} <span className="optional">{t('common.optional')}</span>
          </>
        }
        hint={t('searchPicker.countryHint')}
        value={form.country}
        onChange={(code) => set('country')({ target: { value: code } })}
      />
      <div className="field">
        <label htmlFor={`${idPrefix}-lang`}>{t('profile.language')}</label>
        <select id={`${idPrefix}-lang`} value={form.preferredLanguage} onChange={set('preferredLanguage')}>
          {LANGS.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`languages.native.${l}`)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
