import { Button, SkipLink, UiProvider } from '@couronne/ui';
import { useCallback, useMemo, useState } from 'react';
import { ConsoleRoot } from './console-root.tsx';
import type { Viewer } from './console-context.tsx';
import { useKitT } from './kit-strings.ts';
import { LocaleSwitch, useStoredLocale } from './locale.tsx';
import { LoginPage } from './login-page.tsx';
import type { ConsoleModule } from './module.ts';
import { createSessionStore, type SessionStore } from './session.ts';
import { useConsoleSession } from './use-console-session.ts';

export interface StandaloneConsoleProps {
  module: ConsoleModule;
  /** Injected by tests; sessionStorage otherwise. */
  store?: SessionStore;
  fetch?: typeof globalThis.fetch;
}

/**
 * A module alone on its dev server, for development: the same login, session, client and providers as
 * in the shell, without the shell. The module is mounted at the root (basePath ``).
 */
export function StandaloneConsole({ module, store: givenStore, fetch }: StandaloneConsoleProps) {
  const store = useMemo(() => givenStore ?? createSessionStore(), [givenStore]);
  const [locale, setLocale] = useStoredLocale();
  const [notice, setNotice] = useState<'sessionExpired' | 'signedOut' | null>(null);
  const onExpired = useCallback(() => setNotice('sessionExpired'), []);
  const { session, client, logout } = useConsoleSession({ store, fetch, onExpired });

  return (
    <UiProvider locale={locale}>
      <ConsoleRoot client={client} viewer={session?.viewer ?? null} locale={locale}>
        <StandaloneLayout
          module={module}
          viewer={session?.viewer ?? null}
          notice={notice}
          onLogin={(next) => {
            setNotice(null);
            store.set(next);
          }}
          onLogout={() => {
            logout();
            setNotice('signedOut');
          }}
          locale={{ value: locale, onChange: setLocale }}
        />
      </ConsoleRoot>
    </UiProvider>
  );
}

interface StandaloneLayoutProps {
  module: ConsoleModule;
  viewer: Viewer | null;
  notice: 'sessionExpired' | 'signedOut' | null;
  onLogin: Parameters<typeof LoginPage>[0]['onSuccess'];
  onLogout: () => void;
  locale: { value: 'fr' | 'en'; onChange: (locale: 'fr' | 'en') => void };
}

function StandaloneLayout({ module, viewer, notice, onLogin, onLogout, locale }: StandaloneLayoutProps) {
  const t = useKitT();
  const { Root } = module;
  return (
    <>
      <SkipLink targetId="contenu" />
      <header className="cou-app-header">
        <p className="cou-app-header__title">
          <strong>{module.title}</strong> <span>{t('standaloneNotice')}</span>
        </p>
        <div className="cou-app-header__tools">
          {viewer && <span>{t('signedInAs', { name: viewer.displayName })}</span>}
          <LocaleSwitch locale={locale.value} onChange={locale.onChange} />
          {viewer && (
            <Button variant="secondary" onPress={onLogout}>
              {t('logout')}
            </Button>
          )}
        </div>
      </header>
      <main id="contenu" tabIndex={-1} className="cou-app-main">
        {viewer ? <Root basePath="" /> : <LoginPage onSuccess={onLogin} notice={notice && t(notice)} />}
      </main>
    </>
  );
}
