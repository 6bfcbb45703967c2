import { Link, LocaleSwitch, useConsole, useKitT, type Locale } from '@couronne/console-kit';
import { Button, SkipLink } from '@couronne/ui';
import { useEffect, useRef, type ReactNode } from 'react';
import { useModuleTitle, useT } from '../i18n.ts';
import type { RegistryModule } from '../registry/registry.ts';

export interface ShellLayoutProps {
  /** The viewer's modules; null when signed out (no navigation then). */
  modules: readonly RegistryModule[] | null;
  activeModuleId: string | null;
  onLogout: () => void;
  onLocaleChange: (locale: Locale) => void;
  /** Prefixed to « Couronne » in the document title. */
  pageTitle: string | null;
  children: ReactNode;
}

/** Header and navigation stay rendered whatever happens in <main>: a failing module never blanks the console. */
export function ShellLayout({ modules, activeModuleId, onLogout, onLocaleChange, pageTitle, children }: ShellLayoutProps) {
  const t = useT();
  const kitT = useKitT();
  const title = useModuleTitle();
  const { path, viewer, locale } = useConsole();
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(path);

  // After an in-app navigation, focus moves to the new content as it would on a page load (RGAA 12.x, 7.x).
  useEffect(() => {
    if (previousPath.current !== path) mainRef.current?.focus();
    previousPath.current = path;
  }, [path]);

  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} — ${t('appName')}` : t('appName');
  }, [pageTitle, t]);

  return (
    <>
      <SkipLink targetId="contenu" />
      <header className="shell-header">
        <div className="shell-header__inner">
          <Link href="/" className="shell-brand" aria-label={t('homeLinkLabel')} aria-current={path === '/' ? 'page' : undefined}>
            <span className="shell-brand__name">{t('appName')}</span>
            <span className="shell-brand__tagline">{t('appTagline')}</span>
          </Link>
          {modules && (
            <nav aria-label={t('navigationLabel')} className="shell-nav">
              <ul>
                {modules.map((module) => (
                  <li key={module.id}>
                    <Link href={module.route} aria-current={module.id === activeModuleId ? 'page' : undefined}>
                      {title(module)}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div className="shell-account" role="group" aria-label={t('accountLabel')}>
            {viewer && <span className="shell-account__name">{kitT('signedInAs', { name: viewer.displayName })}</span>}
            <LocaleSwitch locale={locale} onChange={onLocaleChange} />
            {viewer && (
              <Button variant="secondary" onPress={onLogout}>
                {kitT('logout')}
              </Button>
            )}
          </div>
        </div>
      </header>
      <main id="contenu" tabIndex={-1} ref={mainRef} className="shell-main">
        {children}
      </main>
    </>
  );
}
