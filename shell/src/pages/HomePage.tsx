import { Link } from '@couronne/console-kit';
import { PageHeader } from '@couronne/ui';
import { useT } from '../i18n.ts';
import type { RegistryModule } from '../registry/registry.ts';

export function HomePage({ modules }: { modules: readonly RegistryModule[] }) {
  const t = useT();
  return (
    <>
      <PageHeader title={t('homeTitle')} description={t('homeIntro')} />
      <section aria-labelledby="home-modules">
        <h2 id="home-modules">{t('homeModulesTitle')}</h2>
        <ul className="shell-module-list">
          {modules.map((module) => (
            <li key={module.id}>
              <Link href={module.route}>{module.title}</Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
