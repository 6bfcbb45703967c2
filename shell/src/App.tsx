import { ConsoleRoot, subPathOf, useConsole, type Locale } from '@couronne/console-kit';
import { ErrorState, LoadingState, UiProvider } from '@couronne/ui';
import type { Client } from '@urql/core';
import { useEffect, type ReactNode } from 'react';
import { useT } from './i18n.ts';
import { ShellLayout } from './layout/ShellLayout.tsx';
import { ModuleBoundary } from './modules/ModuleBoundary.tsx';
import type { ModuleComponents } from './modules/module-components.ts';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import type { RegistryModule } from './registry/registry.ts';
import { useRegistry } from './registry/useRegistry.ts';

export interface AppProps {
  /** The urql client every module uses (one, so that a session added later reaches them all). */
  client: Client;
  /** Fetches the registry and registers the remotes; a GraphQL query later replaces the JSON file. */
  loadRegistry: () => Promise<RegistryModule[]>;
  components: ModuleComponents;
  locale?: Locale;
}

export function App({ client, loadRegistry, components, locale = 'fr' }: AppProps) {
  return (
    <UiProvider locale={locale}>
      <ConsoleRoot client={client} locale={locale}>
        <Shell loadRegistry={loadRegistry} components={components} />
      </ConsoleRoot>
    </UiProvider>
  );
}

function Shell({ loadRegistry, components }: Pick<AppProps, 'loadRegistry' | 'components'>) {
  const t = useT();
  const { path } = useConsole();
  const { state, retry } = useRegistry(loadRegistry);
  const modules = state.status === 'ready' ? state.modules : [];
  const active = modules.find((module) => subPathOf(module.route, path) !== null) ?? null;

  let content: ReactNode;
  let pageTitle: string | null = null;
  if (active) {
    content = <ModuleBoundary key={active.id} module={active} components={components} />;
    pageTitle = active.title;
  } else if (state.status === 'loading') {
    content = <LoadingState label={t('registryLoading')} />;
  } else if (state.status === 'failed') {
    content = <ErrorState title={t('registryError')} message={t('registryErrorHint')} onRetry={retry} retryLabel={t('retry')} />;
  } else if (path === '/') {
    content = <HomePage modules={modules} />;
  } else {
    content = <NotFoundPage />;
    pageTitle = t('notFoundTitle');
  }

  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} — ${t('appName')}` : t('appName');
  }, [pageTitle, t]);

  return (
    <ShellLayout modules={modules} activeModuleId={active?.id ?? null}>
      {content}
    </ShellLayout>
  );
}
