import { createContext, use, type ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { en } from './strings.en.ts';
import { fr, type UiStrings } from './strings.fr.ts';

export type UiLocale = 'fr' | 'en';

// French without any provider: react-aria alone would follow the browser's language.
const UiLocaleContext = createContext<UiLocale>('fr');

export interface UiProviderProps {
  locale?: UiLocale;
  children: ReactNode;
}

/** Sets the language of the kit's own strings and of react-aria's (dates, numbers, announcements). */
export function UiProvider({ locale = 'fr', children }: UiProviderProps) {
  return (
    <UiLocaleContext value={locale}>
      <I18nProvider locale={locale === 'fr' ? 'fr-FR' : 'en-GB'}>{children}</I18nProvider>
    </UiLocaleContext>
  );
}

export function useUiStrings(): UiStrings {
  return use(UiLocaleContext) === 'en' ? en : fr;
}

export function useUiLocale(): UiLocale {
  return use(UiLocaleContext);
}

/** `fill('Page {page} sur {pages}', { page: 1, pages: 3 })`: the kit's few messages with variables. */
export function fill(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => String(vars[name] ?? placeholder));
}
