import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../api/client';
import type { AcceptedInvitation, InvitationPreview } from '../api/types';
import { ErrorNote, Loading, useAsync, useSubmit } from '../components/ui';
import { setLanguage, useLang } from '../i18n';
import { useAuth } from '../lib/auth';
import { formatDate, pick } from '../lib/format';
import { Link, navigate, usePageTitle } from '../lib/router';
import { LoginPage, RegisterPage } from './AuthPages';

/**
 * `/invite/:token`, the page an invitation email links to. Anyone holding the link sees
 * what it opens and who sent it; a signed-in visitor accepts it; a visitor without an
 * account registers (the invited address filled in) or signs in, and the invitation is
 * accepted right after. Either way they land in the question (or the roundtable).
 */
export function InvitePage({ token }: { token: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { user, signOut } = useAuth();
  const [form, setForm] = useState<'register' | 'login'>('register');
  const [accepting, setAccepting] = useState(false);
  const [acceptError, setAcceptError] = useState<unknown>(null);
  const [languageSet, setLanguageSet] = useState(false);
  usePageTitle(t('invite.title'));
  const res = useAsync(
    () => call<InvitationPreview>(api.POST('/api/v1/invitations/lookup', { body: { token } })),
    [token],
  );
  const invitation = res.data;

  // a visitor who is not signed in reads the page (and registers) in the invitation's language
  useEffect(() => {
    if (!invitation || languageSet) return;
    if (!user) setLanguage(invitation.language);
    setLanguageSet(true);
  }, [invitation, user, languageSet]);

  const accept = async () => {
    setAccepting(true);
    setAcceptError(null);
    try {
      const done = await call<AcceptedInvitation>(api.POST('/api/v1/invitations/accept', { body: { token } }));
      navigate(done.landing.kind === 'space' ? `/spaces/${done.landing.id}` : `/roundtables/${done.landing.id}`, {
        replace: true,
      });
    } catch (err) {
      setAcceptError(err);
      setAccepting(false);
      res.reload();
    }
  };
  const acceptNow = useSubmit(accept);

  if (res.error) {
    const invalid = res.error instanceof ApiError && res.error.status === 404;
    return (
      <section className="narrow">
        <h1>{t('invite.title')}</h1>
        {invalid ? (
          <p className="note note-error" role="alert">
            {t('invite.invalid')}
          </p>
        ) : (
          <ErrorNote error={res.error} />
        )}
        <p>
          <Link to="/">{t('invite.goHome')}</Link>
        </p>
      </section>
    );
  }
  if (!invitation || !languageSet) return <Loading />;

  const consultation = pick(invitation.consultation.title, lang);
  const roundtable = pick(invitation.roundtable.title, lang);
  const inviter = invitation.invitedBy?.displayName ?? t('invite.organisers');
  const closed = invitation.status !== 'pending';

  return (
    <section className="narrow invitation">
      <h1>{t('invite.title')}</h1>
      <p className="eyebrow" lang={consultation.lang}>
        {consultation.text}
      </p>
      <p className="lead">
        {t('invite.lead', { inviter, role: t(`invite.role.${invitation.role}`) })}
        {invitation.invitedBy?.organisation ? ` (${invitation.invitedBy.organisation})` : ''}
      </p>
      <h2 lang={roundtable.lang}>
        {t('invite.roundtable', { number: invitation.roundtable.number, title: roundtable.text })}
      </h2>
      {invitation.spaces.length > 0 && (
        <>
          <p>{invitation.wholeRoundtable ? t('invite.wholeRoundtable') : t('invite.questions')}</p>
          <ul className="invited-questions">
            {invitation.spaces.map((s) => {
              const prompt = pick(s.prompt, lang);
              return (
                <li key={s.id} lang={prompt.lang}>
                  {prompt.text}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {invitation.message && (
        <figure className="invitation-note">
          <figcaption>{t('invite.note', { inviter })}</figcaption>
          <blockquote>{invitation.message}</blockquote>
        </figure>
      )}
      <p className="muted">
        {t('invite.sentTo', { email: invitation.email })}{' '}
        {invitation.expiresAt && !closed ? t('invite.expires', { date: formatDate(invitation.expiresAt, lang) }) : ''}
      </p>

      {closed ? (
        <>
          <p className="note note-error" role="alert">
            {t(`invite.${invitation.status}`)}
          </p>
          <p>
            <Link to="/">{t('invite.goHome')}</Link>
          </p>
        </>
      ) : accepting ? (
        <Loading />
      ) : user ? (
        <div className="stack">
          <p>{t('invite.signedInAs', { name: user.displayName, email: user.email })}</p>
          {(user.email ?? '').toLowerCase() !== invitation.email.toLowerCase() && (
            <p className="note">{t('invite.otherAddress', { email: invitation.email })}</p>
          )}
          <ErrorNote error={acceptError} />
          <p className="row">
            <button type="button" className="primary" disabled={acceptNow.busy} onClick={() => void acceptNow.run()}>
              {t('invite.accept')}
            </button>
            <button type="button" className="link" onClick={signOut}>
              {t('invite.notYou')}
            </button>
          </p>
        </div>
      ) : (
        <div className="stack">
          <ErrorNote error={acceptError} />
          <p>{form === 'register' ? t('invite.newHere') : t('invite.signInToAccept')}</p>
          {form === 'register' ? (
            <RegisterPage embedded initialEmail={invitation.email} onSignedIn={accept} />
          ) : (
            <LoginPage embedded initialEmail={invitation.email} onSignedIn={accept} />
          )}
          <p>
            <button type="button" className="link" onClick={() => setForm(form === 'register' ? 'login' : 'register')}>
              {form === 'register' ? t('invite.haveAccount') : t('invite.needAccount')}
            </button>
          </p>
        </div>
      )}
    </section>
  );
}
