import { useConsole, type Locale } from './console-context.tsx';

/** A message, or its plural forms chosen by the `count` variable (French counts 0 and 1 as `one`). */
export type Message = string | { readonly one: string; readonly other: string };
export type Catalog = Readonly<Record<string, Message>>;
/** The English catalog must translate every French key. */
export type Translation<C extends Catalog> = { readonly [K in keyof C]: Message };
export type MessageVars = Readonly<Record<string, string | number>>;
export type Translate<K extends string> = (key: K, vars?: MessageVars) => string;

export interface Strings<K extends string> {
  /** French, the console's default language. */
  t: Translate<K>;
  forLocale: (locale: Locale) => Translate<K>;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

function cached<T>(cache: Map<Locale, T>, locale: Locale, create: () => T): T {
  let value = cache.get(locale);
  if (!value) {
    value = create();
    cache.set(locale, value);
  }
  return value;
}

function interpolate(template: string, vars: MessageVars, locale: Locale) {
  // Numbers are grouped the local way (« 39 271 habitants »); a missing variable stays visible.
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = vars[name];
    if (value === undefined) return placeholder;
    if (typeof value === 'number') {
      return cached(numberFormats, locale, () => new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB')).format(value);
    }
    return value;
  });
}

export function createStrings<C extends Catalog>(catalogs: { fr: C; en: Translation<C> }): Strings<Extract<keyof C, string>> {
  const forLocale = (locale: Locale): Translate<Extract<keyof C, string>> => {
    const catalog: Catalog = catalogs[locale];
    return (key, vars = {}) => {
      const message = catalog[key];
      // Only reachable from untyped callers: show the key rather than nothing.
      if (message === undefined) return key;
      let template: string;
      if (typeof message === 'string') {
        template = message;
      } else {
        const count = typeof vars.count === 'number' ? vars.count : 0;
        const rule = cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(count);
        template = rule === 'one' ? message.one : message.other;
      }
      return interpolate(template, vars, locale);
    };
  };
  const byLocale = { fr: forLocale('fr'), en: forLocale('en') };
  return { t: byLocale.fr, forLocale: (locale) => byLocale[locale] };
}

/** `t` in the console's current language. */
export function useStrings<K extends string>(strings: Strings<K>): Translate<K> {
  return strings.forLocale(useConsole().locale);
}
