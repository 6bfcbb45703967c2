import {
  ConsoleRoot,
  LoginPage,
  subPathOf,
  useConsole,
  useConsoleSession,
  useKitT,
  useStoredLocale,
  type Locale,
  type Session,
  type SessionStore,
} from '@couronne/console-kit';
import { ErrorState, LoadingState, ToastRegion, UiProvider } from '@couronne/ui';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { useModuleTitle, useT } from './i18n.ts';
import { ShellLayout } from './layout/ShellLayout.tsx';
import { ModuleBoundary } from './modules/ModuleBoundary.tsx';
import type { ModuleComponents } from './modules/module-components.ts';
import { AccessDeniedPage } from './pages/AccessDeniedPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ConsoleModulesQuery, modulesFromApi, type RegistryModule } from './registry/registry.ts';
import { useRegistry } from './registry/useRegistry.ts';

export const LOGIN_PATH = '/connexion';

export interface AppProps {
  store: SessionStore;
  components: ModuleComponents;
  /** Every module of the console (public registry): tells « Accès refusé » from « Page introuvable ». */
  loadKnownModules: () => Promise<RegistryModule[]>;
  /** Injected by tests; the global fetch otherwise. */
  fetch?: typeof globalThis.fetch;
}

type EndReason = 'sessionExpired' | 'signedOut';

export function App({ store, components, loadKnownModules, fetch }: AppProps) {
  const [locale, setLocale] = useStoredLocale();
  const [endReason, setEndReason] = useState<EndReason | null>(null);
  const onExpired = useCallback(() => setEndReason('sessionExpired'), []);
  const { session, client, logout } = useConsoleSession({ store, fetch, onExpired });

  const onLogin = useCallback(
    (next: Session) => {
      setEndReason(null);
      store.set(next);
    },
    [store],
  );
  const onLogout = useCallback(() => {
    setEndReason('signedOut');
    logout();
  }, [logout]);

  return (
    <UiProvider locale={locale}>
      <ConsoleRoot client={client} viewer={session?.viewer ?? null} locale={locale}>
        <Shell
          endReason={endReason}
          onLogin={onLogin}
          onLogout={onLogout}
          onLocaleChange={setLocale}
          components={components}
          loadKnownModules={loadKnownModules}
        />
        <ToastRegion />
      </ConsoleRoot>
    </UiProvider>
  );
}

/** Where to go after login: the `retour` path kept when the agent was sent to the login page, if it is one of ours. */
export function returnPath(search: string): string {
  const target = new URLSearchParams(search).get('retour');
  // Same-origin paths only (`//evil.example` and `/\evil.example` are other origins to a browser).
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\') || target.startsWith(LOGIN_PATH)) return '/';
  return target;
}

interface ShellProps {
  endReason: EndReason | null;
  onLogin: (session: Session) => void;
  onLogout: () => void;
  onLocaleChange: (locale: Locale) => void;
  components: ModuleComponents;
  loadKnownModules: () => Promise<RegistryModule[]>;
}

function Shell({ endReason, onLogin, onLogout, onLocaleChange, components, loadKnownModules }: ShellProps) {
  const kitT = useKitT();
  const t = useT();
  const { viewer, path, search, navigate } = useConsole();

  // Signed out anywhere: to the login page, keeping the page to come back to. Signed in on the login
  // page: back to that page. `replace`: the back button never returns to a page that only redirects.
  useEffect(() => {
    if (!viewer && path !== LOGIN_PATH) {
      navigate(path === '/' ? LOGIN_PATH : `${LOGIN_PATH}?retour=${encodeURIComponent(path + search)}`, { replace: true });
    } else if (viewer && path === LOGIN_PATH) {
      navigate(returnPath(search), { replace: true });
    }
  }, [viewer, path, search, navigate]);

  const logout = () => {
    navigate(LOGIN_PATH);
    onLogout();
  };

  if (!viewer) {
    return (
      <ShellLayout modules={null} activeModuleId={null} onLogout={logout} onLocaleChange={onLocaleChange} pageTitle={t('loginPageTitle')}>
        <LoginPage onSuccess={onLogin} notice={endReason && kitT(endReason)} />
      </ShellLayout>
    );
  }
  return <SignedInShell components={components} loadKnownModules={loadKnownModules} onLogout={logout} onLocaleChange={onLocaleChange} />;
}

interface SignedInShellProps {
  components: ModuleComponents;
  loadKnownModules: () => Promise<RegistryModule[]>;
  onLogout: () => void;
  onLocaleChange: (locale: Locale) => void;
}

function SignedInShell({ components, loadKnownModules, onLogout, onLocaleChange }: SignedInShellProps) {
  const t = useT();
  const title = useModuleTitle();
  const { path } = useConsole();
  const [result, reexecute] = useQuery({ query: ConsoleModulesQuery });
  const modules = result.data ? modulesFromApi(result.data) : null;
  const active = modules?.find((module) => subPathOf(module.route, path) !== null) ?? null;
  const needsKnownModules = modules !== null && !active && path !== '/' && path !== LOGIN_PATH;
  const known = useRegistry(loadKnownModules, needsKnownModules);

  let content: ReactNode;
  let pageTitle: string | null = null;
  if (active) {
    content = <ModuleBoundary key={active.id} module={active} components={components} />;
    pageTitle = title(active);
  } else if (result.error && !result.data) {
    content = (
      <ErrorState title={t('registryError')} message={t('registryErrorHint')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} retryLabel={t('retry')} />
    );
  } else if (!modules || (needsKnownModules && known.status === 'loading')) {
    content = <LoadingState label={t('registryLoading')} />;
  } else if (path === '/' || path === LOGIN_PATH) {
    content = <HomePage modules={modules} />;
  } else {
    const denied = known.status === 'ready' ? known.modules.find((module) => subPathOf(module.route, path) !== null) : undefined;
    if (denied) {
      content = <AccessDeniedPage title={title(denied)} />;
      pageTitle = t('accessDeniedTitle');
    } else {
      content = <NotFoundPage />;
      pageTitle = t('notFoundTitle');
    }
  }

  return (
    <ShellLayout modules={modules ?? []} activeModuleId={active?.id ?? null} onLogout={onLogout} onLocaleChange={onLocaleChange} pageTitle={pageTitle}>
      {content}
    </ShellLayout>
  );
}
