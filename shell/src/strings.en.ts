import type { Translation } from '@couronne/console-kit';
import type { fr } from './strings.fr.ts';

export const en: Translation<typeof fr> = {
  appName: 'Couronne',
  appTagline: 'Console of the Pays de Laon agglomeration',
  homeLinkLabel: 'Couronne, console home',
  navigationLabel: 'Console modules',
  homeTitle: 'Welcome to the Couronne console',
  homeIntro: 'Choose a module.',
  homeModulesTitle: 'Modules',
  registryLoading: 'Loading modules…',
  registryError: 'The list of modules could not be loaded.',
  registryErrorHint: 'Check your connection, then try again.',
  moduleLoading: 'Loading the {title} module…',
  moduleUnavailable: 'The {title} module is temporarily unavailable.',
  moduleUnavailableHint: 'The rest of the console still works. Try again in a moment.',
  retry: 'Try again',
  notFoundTitle: 'Page not found',
  notFoundText: 'The address does not match any page of the console.',
  backHome: 'Back to the home page',
};
