import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from './api/client';
import type { Lang, User } from './api/types';
import { LANGS } from './api/types';
import { NotAllowed, StaffOnly } from './components/Access';
import { NotificationBell } from './components/NotificationBell';
import { ErrorNote, Loading } from './components/ui';
import { setLanguage, useLang } from './i18n';
import { useAuth } from './lib/auth';
import { useModeratedQuestions } from './lib/moderated-questions';
import { Link, match, navigate, useLocation } from './lib/router';
import { closeLiveSocket } from './live/socket';
import { ConsultationPage } from './pages/ConsultationPage';
import { HomePage } from './pages/HomePage';
import { InvitePage } from './pages/InvitePage';
import { ForgotPasswordPage, ResetPasswordPage, VerifyEmailPage } from './pages/AccountPages';
import { LoginPage, RegisterPage } from './pages/AuthPages';
import { NotificationsPage } from './pages/NotificationsPage';
import { RoundtablePage } from './pages/RoundtablePage';
import { SettingsPage, UnsubscribePage } from './pages/SettingsPage';
import { ThreadPage } from './pages/ThreadPage';

// Staff pages load on demand: participants never download them.
const ModerationPage = lazy(() => import('./pages/staff/ModerationPage'));
const DigestPage = lazy(() => import('./pages/staff/DigestPage'));
const StocktakingListPage = lazy(() => import('./pages/staff/StocktakingListPage'));
const StocktakingPage = lazy(() => import('./pages/staff/StocktakingPage'));
const ManageSpacePage = lazy(() => import('./pages/staff/ManageSpacePage'));
const AdminPage = lazy(() => import('./pages/staff/AdminPage'));
const ConsultationFiguresPage = lazy(() => import('./pages/staff/ConsultationFiguresPage'));
const InvitationsPage = lazy(() => import('./pages/staff/InvitationsPage'));
// published digests and summaries as members read them
const DigestReadPage = lazy(() => import('./pages/published/DigestReadPage'));
const SummaryReadPage = lazy(() => import('./pages/published/SummaryReadPage'));
const ModerationOverviewPage = lazy(() => import('./pages/staff/ModerationOverviewPage'));

function Routes() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const { user, ready } = useAuth();
  if (!ready) return <Loading />;
  let m: Record<string, string> | null;
  if (path === '/login') return <LoginPage />;
  if (path === '/register') return <RegisterPage />;
  if (path === '/unsubscribe') return <UnsubscribePage />;
  if (path === '/forgot-password') return <ForgotPasswordPage />;
  if ((m = match('/reset-password/:token', path))) return <ResetPasswordPage token={m.token} />;
  if ((m = match('/verify-email/:token', path))) return <VerifyEmailPage token={m.token} />;
  // an invitation link works signed in or not: the page offers to sign in or register
  if ((m = match('/invite/:token', path))) return <InvitePage token={m.token} />;
  if (!user) return <LoginPage redirected={path !== '/'} />;
  if (path === '/' || path === '') return <HomePage />;
  if (path === '/settings') return <SettingsPage />;
  if (path === '/notifications') return <NotificationsPage />;
  if (path === '/admin') return user.isOrganiser ? <AdminPage /> : <NotAllowed />;
  if (path === '/moderation') return <ModerationOverviewPage />;
  if ((m = match('/consultations/:id', path))) return <ConsultationPage id={m.id} />;
  if ((m = match('/consultations/:id/figures', path))) return <ConsultationFiguresPage id={m.id} />;
  if ((m = match('/roundtables/:id', path))) return <RoundtablePage id={m.id} />;
  if ((m = match('/roundtables/:id/stocktaking', path)))
    return (
      <StaffOnly scope={{ kind: 'roundtable', id: m.id }}>
        <StocktakingListPage roundtableId={m.id} />
      </StaffOnly>
    );
  if ((m = match('/roundtables/:id/invitations', path))) return <InvitationsPage roundtableId={m.id} />;
  if ((m = match('/stocktaking/:id/read', path))) return <SummaryReadPage id={m.id} />;
  if ((m = match('/stocktaking/:id', path)))
    return (
      <StaffOnly scope={{ kind: 'stocktaking', id: m.id }}>
        <StocktakingPage id={m.id} />
      </StaffOnly>
    );
  if ((m = match('/spaces/:id', path))) return <ThreadPage id={m.id} />;
  if ((m = match('/spaces/:id/moderation', path)))
    return (
      <StaffOnly scope={{ kind: 'space', id: m.id }}>
        <ModerationPage spaceId={m.id} />
      </StaffOnly>
    );
  if ((m = match('/spaces/:id/manage', path)))
    return user.isOrganiser ? (
      <ManageSpacePage spaceId={m.id} />
    ) : (
      <NotAllowed back={`/spaces/${m.id}`} backLabel={t('access.backToQuestion')} />
    );
  if ((m = match('/digests/:id/read', path))) return <DigestReadPage id={m.id} />;
  if ((m = match('/digests/:id', path)))
    return (
      <StaffOnly scope={{ kind: 'digest', id: m.id }}>
        <DigestPage id={m.id} />
      </StaffOnly>
    );
  if ((m = match('/contributions/:id', path))) return <ContributionRedirect id={m.id} />;
  return <NotFound />;
}

/** A link to one contribution (summary sources) opens its thread at that contribution. */
function ContributionRedirect({ id }: { id: string }) {
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    call<{ spaceId: string }>(api.GET('/api/v1/contributions/{id}', { params: { path: { id } } }))
      .then((c) => navigate(`/spaces/${c.spaceId}#c-${id}`, { replace: true }))
      .catch(setError);
  }, [id]);
  return error ? <ErrorNote error={error} /> : <Loading />;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('errors.pageNotFound')}</h1>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </>
  );
}

/**
 * Saves the interface language to the profile one request at a time, and only the latest
 * choice: switching to French and straight back must leave English saved, whatever order
 * the answers come in.
 */
let languageSaves: Promise<void> = Promise.resolve();
let latestLanguage: Lang | null = null;
function saveLanguage(next: Lang, update: (user: User) => void): void {
  latestLanguage = next;
  languageSaves = languageSaves.then(async () => {
    if (latestLanguage !== next) return; // a later choice is saved in its own turn
    const saved = await call<User>(api.PATCH('/api/v1/me', { body: { preferredLanguage: next } })).catch(() => null);
    if (saved && latestLanguage === next) update(saved);
  });
}

function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLang();
  const { user, update } = useAuth();
  const change = (next: Lang) => {
    setLanguage(next);
    // the member's preference follows the switch, so digests and the next visit use it too
    if (user) saveLanguage(next, update);
  };
  return (
    <div className="lang-switch">
      <label htmlFor="ui-language">{t('nav.language')}</label>
      <select id="ui-language" value={lang} onChange={(e) => change(e.target.value as Lang)}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`languages.native.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function App() {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const { path } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  const moderated = useModeratedQuestions();
  // on a phone the links fold into a menu, so the page starts near the top
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [path]);

  // after a client-side navigation, focus moves to the new page (screen readers announce it)
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [path]);

  const out = () => {
    closeLiveSocket();
    signOut();
    navigate('/login');
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className={`site-header${menuOpen ? ' menu-open' : ''}`}>
        <div className="bar">
          <Link to="/" className="brand">
            Roundtable
          </Link>
          {user && (
            <span className="menu-bell">
              <NotificationBell current={path === '/notifications'} />
            </span>
          )}
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="site-menu"
            onClick={() => setMenuOpen((o) => !o)}
          >
            {t('findWay.menu')}
          </button>
          <div id="site-menu" className="menu">
            <nav aria-label={t('nav.label')}>
              <ul>
                {user ? (
                  <>
                    <li>
                      <Link to="/" aria-current={path === '/' ? 'page' : undefined}>
                        {t('nav.consultations')}
                      </Link>
                    </li>
                    <li className="bell-item">
                      <NotificationBell current={path === '/notifications'} />
                    </li>
                    {moderated && moderated.length > 0 && (
                      <li>
                        <Link to="/moderation" aria-current={path === '/moderation' ? 'page' : undefined}>
                          {t('findWay.overview')}
                        </Link>
                      </li>
                    )}
                    {user.isOrganiser && (
                      <li>
                        <Link to="/admin" aria-current={path === '/admin' ? 'page' : undefined}>
                          {t('nav.admin')}
                        </Link>
                      </li>
                    )}
                    <li>
                      <Link to="/settings" aria-current={path === '/settings' ? 'page' : undefined}>
                        {t('nav.settings')}
                      </Link>
                    </li>
                    <li>
                      <button type="button" className="link" onClick={out}>
                        {t('nav.signOut')}
                      </button>
                    </li>
                  </>
                ) : (
                  <>
                    <li>
                      <Link to="/login">{t('nav.signIn')}</Link>
                    </li>
                    <li>
                      <Link to="/register">{t('nav.register')}</Link>
                    </li>
                  </>
                )}
              </ul>
            </nav>
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Routes />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('footer.text')}</p>
      </footer>
    </>
  );
}
