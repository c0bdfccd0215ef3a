import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, call, getToken, setToken } from '../api/client';
import type { AuthResult, Lang, User } from '../api/types';
import { setLanguage } from '../i18n';

interface AuthState {
  user: User | null;
  /** false until the stored token has been checked */
  ready: boolean;
  signIn(result: AuthResult): void;
  signOut(): void;
  update(user: User): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(!getToken());

  useEffect(() => {
    if (!getToken()) return;
    call<User>(api.GET('/api/v1/me'))
      .then((me) => {
        setUser(me);
        setLanguage(me.preferredLanguage);
      })
      .catch(() => setToken(null))
      .finally(() => setReady(true));
  }, []);

  useEffect(() => {
    const out = () => setUser(null);
    window.addEventListener('rt:signed-out', out);
    return () => window.removeEventListener('rt:signed-out', out);
  }, []);

  const signIn = useCallback((result: AuthResult) => {
    setToken(result.accessToken);
    setUser(result.user);
    setLanguage(result.user.preferredLanguage as Lang);
  }, []);
  const signOut = useCallback(() => {
    setToken(null);
    setUser(null);
  }, []);
  const value = useMemo(() => ({ user, ready, signIn, signOut, update: setUser }), [user, ready, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
