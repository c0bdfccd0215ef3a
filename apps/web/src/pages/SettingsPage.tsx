import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Constituency, Lang, MemberNotices, User } from '../api/types';
import { ErrorNote, useAsync, useSubmit } from '../components/ui';
import { setLanguage, useLang } from '../i18n';
import { useAuth } from '../lib/auth';
import { formatDate } from '../lib/format';
import { Link, useLocation, usePageTitle } from '../lib/router';
import { ProfileFields } from './AuthPages';
import { SecuritySettings } from './SecuritySettings';

export function SettingsPage() {
  const { t } = useTranslation();
  const { user, update } = useAuth();
  usePageTitle(t('settings.title'));
  const [form, setForm] = useState({
    displayName: user?.displayName ?? '',
    organisation: user?.organisation ?? '',
    constituency: user?.constituency ?? 'other',
    country: user?.country ?? '',
    preferredLanguage: user?.preferredLanguage ?? 'en',
    digest: user?.digest ?? 'weekly',
  });
  const [saved, setSaved] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    setSaved(false);
    setForm({ ...form, [key]: e.target.value });
  };
  const submit = useSubmit(async () => {
    const me = await call<User>(
      api.PATCH('/api/v1/me', {
        body: {
          displayName: form.displayName,
          ...(form.organisation.trim() ? { organisation: form.organisation.trim() } : {}),
          constituency: form.constituency as Constituency,
          ...(form.country.trim() ? { country: form.country.trim().toUpperCase() } : {}),
          preferredLanguage: form.preferredLanguage as Lang,
          digest: form.digest as 'weekly' | 'off',
        },
      }),
    );
    update(me);
    setLanguage(me.preferredLanguage);
    setSaved(true);
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  if (!user) return null;
  return (
    <section className="narrow">
      <h1>{t('settings.title')}</h1>
      <form onSubmit={onSubmit} className="stack">
        <div className="field">
          <label htmlFor="set-name">{t('profile.displayName')}</label>
          <input id="set-name" required value={form.displayName} onChange={set('displayName')} />
        </div>
        <ProfileFields form={form} set={set} idPrefix="set" />
        <fieldset>
          <legend>{t('settings.digest')}</legend>
          <p className="hint" id="digest-hint">
            {t('settings.digestHint')}
          </p>
          <div className="radio">
            <input
              type="radio"
              id="digest-weekly"
              name="digest"
              value="weekly"
              checked={form.digest === 'weekly'}
              onChange={set('digest')}
              aria-describedby="digest-hint"
            />
            <label htmlFor="digest-weekly">{t('settings.digestWeekly')}</label>
          </div>
          <div className="radio">
            <input
              type="radio"
              id="digest-off"
              name="digest"
              value="off"
              checked={form.digest === 'off'}
              onChange={set('digest')}
            />
            <label htmlFor="digest-off">{t('settings.digestOff')}</label>
          </div>
        </fieldset>
        <ErrorNote error={submit.error} />
        <p role="status" className={saved ? 'note note-ok' : 'visually-hidden'}>
          {saved ? t('settings.saved') : ''}
        </p>
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('settings.save')}
        </button>
      </form>
      <Notices />
      <SecuritySettings />
    </section>
  );
}

/** Warnings, suspensions and moderation decisions about the member, when the api offers them. */
function Notices() {
  const { t } = useTranslation();
  const lang = useLang();
  const res = useAsync(() => call<MemberNotices>(api.GET('/api/v1/me/moderation')).catch(() => null), []);
  const n = res.data;
  if (!n || (!n.warnings?.length && !n.suspensions?.length && !n.decisions?.length)) return null;
  return (
    <section aria-labelledby="notices-h" className="panel">
      <h2 id="notices-h">{t('settings.notices')}</h2>
      <ul className="plain-list">
        {n.suspensions?.map((s) => (
          <li key={s.id} className={s.liftedAt ? 'note' : 'note note-warn'}>
            {s.liftedAt
              ? t('settings.suspensionLifted', { date: formatDate(s.liftedAt, lang), reason: s.liftReason ?? '' })
              : t('settings.suspended', { date: formatDate(s.until, lang), reason: s.reason })}
          </li>
        ))}
        {n.warnings?.map((w) => (
          <li key={w.id} className="note">
            {t('settings.warned', { date: formatDate(w.createdAt, lang), reason: w.reason })}
          </li>
        ))}
        {n.decisions?.map((d) => (
          <li key={`${d.contributionId}-${d.at}`}>
            {t(`moderation.done.${d.action}`, { defaultValue: d.action })} —{' '}
            <Link to={`/spaces/${d.spaceId}`}>{formatDate(d.at, lang)}</Link>
            {d.reason ? ` · ${d.reason}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The page the digest email's unsubscribe link opens: one button, no sign-in needed. */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const { query } = useLocation();
  const token = query.get('token') ?? '';
  const [done, setDone] = useState(false);
  usePageTitle(t('unsubscribe.title'));
  const submit = useSubmit(async () => {
    await call(api.POST('/api/v1/unsubscribe', { params: { query: { token } } }));
    setDone(true);
  });
  useEffect(() => {
    document.getElementById('unsubscribe-button')?.focus();
  }, []);
  return (
    <section className="narrow">
      <h1>{t('unsubscribe.title')}</h1>
      {done ? (
        <p className="note note-ok" role="status">
          {t('unsubscribe.done')}
        </p>
      ) : (
        <>
          <p>{t('unsubscribe.text')}</p>
          <ErrorNote error={submit.error} />
          <button
            id="unsubscribe-button"
            type="button"
            className="primary"
            disabled={!token || submit.busy}
            onClick={() => void submit.run()}
          >
            {t('unsubscribe.confirm')}
          </button>
        </>
      )}
    </section>
  );
}
