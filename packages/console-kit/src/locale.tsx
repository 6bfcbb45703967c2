import { Button } from '@couronne/ui';
import { useCallback, useEffect, useState } from 'react';
import type { Locale } from './console-context.tsx';
import { useKitT } from './kit-strings.ts';

export const LOCALE_STORAGE_KEY = 'couronne.locale';

function readLocale(storage: Storage | null): Locale {
  return storage?.getItem(LOCALE_STORAGE_KEY) === 'en' ? 'en' : 'fr';
}

/** The console's language: French unless the agent chose English (kept in localStorage, not sensitive). */
export function useStoredLocale(storage: Storage | null = globalThis.localStorage ?? null): [Locale, (locale: Locale) => void] {
  const [locale, setLocaleState] = useState<Locale>(() => readLocale(storage));
  useEffect(() => {
    // Screen readers pick their voice from <html lang> (RGAA 8.3).
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback(
    (next: Locale) => {
      storage?.setItem(LOCALE_STORAGE_KEY, next);
      setLocaleState(next);
    },
    [storage],
  );
  return [locale, setLocale];
}

export interface LocaleSwitchProps {
  locale: Locale;
  onChange: (locale: Locale) => void;
}

/** « English » in French, « Français » in English: the name of the other language, in that language (lang). */
export function LocaleSwitch({ locale, onChange }: LocaleSwitchProps) {
  const t = useKitT();
  const other: Locale = locale === 'fr' ? 'en' : 'fr';
  return (
    <Button variant="secondary" className="cou-locale-switch" onPress={() => onChange(other)}>
      <span lang={other}>{t('localeSwitchTo')}</span>
    </Button>
  );
}
