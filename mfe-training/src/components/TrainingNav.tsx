import { Link, subPathOf, useConsole } from '@couronne/console-kit';
import { useT } from '../i18n.ts';

type NavKey = 'navSessions' | 'navCatalogue' | 'navAgenda' | 'navStatistics' | 'navEquipment' | 'navPlaces';

/** Each section: its page, and the pages under it that belong to it (a session's page is part of « Séances »). */
const SECTIONS: readonly { key: NavKey; path: string; children?: RegExp }[] = [
  { key: 'navSessions', path: '/', children: /^\/seances\// },
  { key: 'navCatalogue', path: '/catalogue' },
  { key: 'navAgenda', path: '/agenda', children: /^\/agenda\// },
  { key: 'navStatistics', path: '/statistiques' },
  { key: 'navEquipment', path: '/equipements' },
  { key: 'navPlaces', path: '/lieux' },
];

/**
 * `moduleHref` of console-kit's useModuleHref, for a component outside ModuleRoutes (whose context
 * gives screens their base path): `/formations/catalogue` in the console, `/catalogue` standalone.
 */
export function moduleHref(basePath: string, subPath: string): string {
  if (basePath === '' || basePath === '/') return subPath;
  return subPath === '/' ? basePath : `${basePath}${subPath}`;
}

/**
 * The module's own navigation, above its screens. The current page is `aria-current="page"`; a page
 * under a section (a session, a report form) marks its section with `aria-current="true"`.
 */
export function TrainingNav({ basePath }: { basePath: string }) {
  const t = useT();
  const { path } = useConsole();
  const current = subPathOf(basePath, path) ?? '';
  return (
    <nav aria-label={t('navLabel')} className="cou-section-nav">
      <ul>
        {SECTIONS.map(({ key, path: sectionPath, children }) => {
          const ariaCurrent = current === sectionPath ? 'page' : children?.test(current) ? 'true' : undefined;
          return (
            <li key={key}>
              <Link href={moduleHref(basePath, sectionPath)} aria-current={ariaCurrent}>
                {t(key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
