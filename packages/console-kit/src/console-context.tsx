import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';

export type Locale = 'fr' | 'en';

/** One role of the agent (`PORTAL`, `ADMIN`, …), limited to some communes (names) or, when empty, to none. */
export interface ViewerRole {
  role: string;
  communes: readonly string[];
}

/** The signed-in agent, from the session (login, then `viewer` on every start of the shell). */
export interface Viewer {
  displayName: string;
  email: string;
  roles: readonly ViewerRole[];
}

export interface NavigateOptions {
  /** Replace the current history entry instead of pushing one (redirects). */
  replace?: boolean;
}

export interface ConsoleContextValue {
  viewer: Viewer | null;
  locale: Locale;
  /** Current `location.pathname`. */
  path: string;
  /** Current `location.search`, with its `?`, or ``. */
  search: string;
  /** Client-side navigation through the History API: the back button and deep links keep working. */
  navigate: (to: string, options?: NavigateOptions) => void;
}

const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export interface ConsoleProviderProps {
  viewer?: Viewer | null;
  locale?: Locale;
  children: ReactNode;
}

function currentLocation() {
  return { path: window.location.pathname, search: window.location.search };
}

export function ConsoleProvider({ viewer = null, locale = 'fr', children }: ConsoleProviderProps) {
  const [location, setLocation] = useState(currentLocation);

  useEffect(() => {
    const onPopState = () => setLocation(currentLocation());
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const navigate = useCallback((to: string, options: NavigateOptions = {}) => {
    const url = new URL(to, window.location.href);
    if (url.origin !== window.location.origin) {
      window.location.assign(url.href);
      return;
    }
    const target = url.pathname + url.search + url.hash;
    const current = window.location.pathname + window.location.search + window.location.hash;
    if (target !== current) {
      if (options.replace) window.history.replaceState(null, '', target);
      else window.history.pushState(null, '', target);
    }
    setLocation(currentLocation());
  }, []);

  const value = useMemo(
    () => ({ viewer, locale, path: location.path, search: location.search, navigate }),
    [viewer, locale, location, navigate],
  );
  return <ConsoleContext value={value}>{children}</ConsoleContext>;
}

export function useConsole(): ConsoleContextValue {
  const value = use(ConsoleContext);
  if (!value) throw new Error('useConsole() must be used inside <ConsoleProvider>');
  return value;
}
