import { Link, useConsole } from '@couronne/console-kit';
import { SkipLink } from '@couronne/ui';
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n.ts';
import type { RegistryModule } from '../registry/registry.ts';

export interface ShellLayoutProps {
  modules: readonly RegistryModule[];
  activeModuleId: string | null;
  children: ReactNode;
}

/** Header and navigation stay rendered whatever happens in <main>: a failing module never blanks the console. */
export function ShellLayout({ modules, activeModuleId, children }: ShellLayoutProps) {
  const t = useT();
  const { path } = useConsole();
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(path);

  // After an in-app navigation, focus moves to the new content as it would on a page load (RGAA 12.x, 7.x).
  useEffect(() => {
    if (previousPath.current !== path) mainRef.current?.focus();
    previousPath.current = path;
  }, [path]);

  return (
    <>
      <SkipLink targetId="contenu" />
      <header className="shell-header">
        <div className="shell-header__inner">
          <Link href="/" className="shell-brand" aria-label={t('homeLinkLabel')} aria-current={path === '/' ? 'page' : undefined}>
            <span className="shell-brand__name">{t('appName')}</span>
            <span className="shell-brand__tagline">{t('appTagline')}</span>
          </Link>
          <nav aria-label={t('navigationLabel')} className="shell-nav">
            <ul>
              {modules.map((module) => (
                <li key={module.id}>
                  <Link href={module.route} aria-current={module.id === activeModuleId ? 'page' : undefined}>
                    {module.title}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="contenu" tabIndex={-1} ref={mainRef} className="shell-main">
        {children}
      </main>
    </>
  );
}
