import type { Locale } from './console-context.tsx';

/** Every date and time of the platform is shown in the territory's time zone, whatever the browser's. */
export const TIME_ZONE = 'Europe/Paris';

const intlLocale = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function format<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, create: () => T): T {
  let value = formats.get(key);
  if (!value) {
    value = create();
    formats.set(key, value);
  }
  return value as T;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * « 30 mars 2025 ». Accepts an instant (Date or ISO string, shown in Europe/Paris) or a calendar date
 * `YYYY-MM-DD` (the API's Date scalar), which is shown as is, never shifted by a time zone.
 */
export function formatDate(value: Date | string, locale: Locale = 'fr'): string {
  if (typeof value === 'string' && CALENDAR_DATE.test(value)) {
    return format(`date-utc-${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' })).format(
      new Date(`${value}T00:00:00Z`),
    );
  }
  return format(`date-${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: TIME_ZONE })).format(
    new Date(value),
  );
}

/** « 30 mars 2025 à 03:30 », in Europe/Paris. */
export function formatDateTime(value: Date | string, locale: Locale = 'fr'): string {
  return format(
    `datetime-${locale}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }),
  ).format(new Date(value));
}

/** « 03:30 », in Europe/Paris. */
export function formatTime(value: Date | string, locale: Locale = 'fr'): string {
  return format(`time-${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short', timeZone: TIME_ZONE })).format(
    new Date(value),
  );
}

/** Money is stored in euro cents (Int): `formatEuroCents(1234)` → « 12,34 € ». */
export function formatEuroCents(cents: number, locale: Locale = 'fr'): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Euro amounts are whole cents, got ${cents}`);
  return format(`eur-${locale}`, () => new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'EUR' })).format(cents / 100);
}

/** « 39 271 »: French grouping (a narrow no-break space). */
export function formatInteger(value: number, locale: Locale = 'fr'): string {
  return format(`int-${locale}`, () => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 })).format(value);
}

function frenchNationalDigits(raw: string): string | null {
  const compact = raw.replace(/[\s.\-()]/g, '');
  const national = compact.replace(/^(?:\+33|0033)(?=[1-9]\d{8}$)/, '0');
  return /^0[1-9]\d{8}$/.test(national) ? national : null;
}

/** « 03 23 22 12 34 » for a French number, however it was typed; anything else is returned trimmed. */
export function formatPhoneNumber(raw: string): string {
  const national = frenchNationalDigits(raw);
  return national ? (national.match(/\d{2}/g) ?? []).join(' ') : raw.trim();
}

/** `tel:` URI of a French number (`tel:+33323221234`), or null when it is not one. */
export function phoneHref(raw: string): string | null {
  const national = frenchNationalDigits(raw);
  return national ? `tel:+33${national.slice(1)}` : null;
}
