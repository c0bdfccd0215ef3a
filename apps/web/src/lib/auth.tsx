import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { endSession, renewSession, setToken } from '../api/client';
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
  const [ready, setReady] = useState(false);

  // a page load is signed in when this device's refresh cookie still opens its session
  useEffect(() => {
    renewSession()
      .then((answer) => {
        if (!answer) return;
        const me = answer.user as User;
        setUser(me);
        setLanguage(me.preferredLanguage);
      })
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
    setUser(null);
    void endSession();
  }, []);
  const value = useMemo(() => ({ user, ready, signIn, signOut, update: setUser }), [user, ready, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
