import { createStrings, useConsole, useStrings } from '@couronne/console-kit';
import type { RegistryModule } from './registry/registry.ts';
import { en } from './strings.en.ts';
import { fr } from './strings.fr.ts';

export const strings = createStrings({ fr, en });

export const useT = () => useStrings(strings);

const englishTitleKeys: Readonly<Record<string, keyof typeof fr>> = {
  portal: 'modulePortal',
  intranet: 'moduleIntranet',
  training: 'moduleTraining',
  telehealth: 'moduleTelehealth',
};

/**
 * A module's title in the console's language: the API's (French) title, or the shell's English one for
 * the modules it knows; a module added later keeps its French title in English until translated here.
 */
export function useModuleTitle(): (module: Pick<RegistryModule, 'id' | 'title'>) => string {
  const { locale } = useConsole();
  const t = useT();
  return (module) => {
    const key = englishTitleKeys[module.id];
    return locale === 'fr' || !key ? module.title : t(key);
  };
}
