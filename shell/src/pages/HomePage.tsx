import { Link, useConsole } from '@couronne/console-kit';
import { PageHeader } from '@couronne/ui';
import { useModuleTitle, useT } from '../i18n.ts';
import type { RegistryModule } from '../registry/registry.ts';

export function HomePage({ modules }: { modules: readonly RegistryModule[] }) {
  const t = useT();
  const title = useModuleTitle();
  const { viewer } = useConsole();
  return (
    <>
      <PageHeader title={t('homeTitle')} description={t('homeGreeting', { name: viewer?.displayName ?? '' })} />
      <section aria-labelledby="home-modules">
        <h2 id="home-modules">{t('homeModulesTitle')}</h2>
        {modules.length === 0 ? (
          <p>{t('homeNoModule')}</p>
        ) : (
          <ul className="shell-module-list">
            {modules.map((module) => (
              <li key={module.id}>
                <Link href={module.route}>{title(module)}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
