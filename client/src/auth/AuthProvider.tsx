import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { endpoints } from '../api/endpoints';
import { ApiError, UNAUTHENTICATED_EVENT } from '../api/http';
import { queryClient } from '../api/queryClient';
import type { Language, UserDto } from '../api/types';
import { LANGUAGES } from '../i18n';
import { fetchCountry } from '../prefs/country';
import { usePrefs } from '../prefs/PreferencesProvider';

export type AuthState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; user: UserDto };

interface AuthContextValue {
  state: AuthState;
  login: (email: string, password: string) => Promise<UserDto>;
  /** Signs in the user another call has just opened a session for (the first run's setup answers like a login). */
  adopt: (user: UserDto) => void;
  logout: () => Promise<void>;
  /** Switches the UI language and, when signed in, remembers it on the user (PATCH /api/auth/me). */
  switchLanguage: (language: Language) => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const { setLanguage, setCountry } = usePrefs();
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  // The session is an httpOnly cookie, so the only way to know whether we are signed in is to ask.
  useEffect(() => {
    const ctrl = new AbortController();
    endpoints.auth.me(ctrl.signal).then(
      (user) => setState({ status: 'signed-in', user }),
      (err: unknown) => {
        if (!(err instanceof DOMException)) setState({ status: 'anonymous' });
      },
    );
    return () => ctrl.abort();
  }, []);

  useEffect(() => {
    // What was read for one user must not show to the next: the cache goes with the session.
    const onExpired = () => {
      queryClient.clear();
      setState({ status: 'anonymous' });
    };
    window.addEventListener(UNAUTHENTICATED_EVENT, onExpired);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, onExpired);
  }, []);

  const adopt = useCallback(
    (user: UserDto) => {
      if (LANGUAGES.includes(user.language)) setLanguage(user.language);
      setState({ status: 'signed-in', user });
    },
    [setLanguage],
  );

  const login = useCallback(
    async (email: string, password: string) => {
      const res = await endpoints.auth.login(email, password);
      adopt(res.user);
      return res.user;
    },
    [adopt],
  );

  const logout = useCallback(async () => {
    try {
      await endpoints.auth.logout();
    } catch (err) {
      // An already-expired session is still a successful sign-out from the user's point of view.
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
    } finally {
      queryClient.clear();
      setState({ status: 'anonymous' });
    }
  }, []);

  const signedIn = state.status === 'signed-in';
  // The country the instance serves (month names, currency, phone and ID hints), once signed in.
  useEffect(() => {
    if (!signedIn) return;
    const ctrl = new AbortController();
    fetchCountry(ctrl.signal).then(
      (country) => country && setCountry(country),
      () => {
        /* the last known country stays */
      },
    );
    return () => ctrl.abort();
  }, [signedIn, setCountry]);
  const switchLanguage = useCallback(
    (language: Language) => {
      setLanguage(language);
      if (!signedIn) return;
      endpoints.auth.setLanguage(language).then(
        (user) => setState({ status: 'signed-in', user }),
        () => {
          /* the local choice already applies; the server copy is a convenience */
        },
      );
    },
    [setLanguage, signedIn],
  );

  const value = useMemo(
    () => ({ state, login, adopt, logout, switchLanguage }),
    [state, login, adopt, logout, switchLanguage],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for components rendered under RequireAuth. */
export function useUser(): UserDto {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useUser without a signed-in user');
  return state.user;
}
