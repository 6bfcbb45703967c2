import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatEuroCents, formatInteger, formatPhoneNumber, formatTime, phoneHref } from './format.ts';

// Intl's French output uses a no-break space before € and a narrow no-break space between thousands.
const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('formatEuroCents', () => {
  it('formats cents as euros the French way', () => {
    expect(formatEuroCents(1234)).toBe(`12,34${NBSP}€`);
    expect(formatEuroCents(0)).toBe(`0,00${NBSP}€`);
    expect(formatEuroCents(123456789)).toBe(`1${NNBSP}234${NNBSP}567,89${NBSP}€`);
    expect(formatEuroCents(-550)).toBe(`-5,50${NBSP}€`);
  });

  it('refuses fractions of a cent', () => {
    expect(() => formatEuroCents(12.5)).toThrow(RangeError);
  });

  it('formats in English on demand', () => {
    expect(formatEuroCents(1234, 'en')).toBe('€12.34');
  });
});

describe('formatInteger', () => {
  it('groups thousands with a narrow no-break space', () => {
    expect(formatInteger(39271)).toBe(`39${NNBSP}271`);
    expect(formatInteger(999)).toBe('999');
    expect(formatInteger(1000000)).toBe(`1${NNBSP}000${NNBSP}000`);
  });
});

describe('dates in Europe/Paris', () => {
  it('shows an instant in Paris time, whatever the machine zone', () => {
    expect(formatDateTime('2025-01-15T23:30:00Z')).toBe('16 janvier 2025 à 00:30');
    expect(formatTime('2025-07-01T08:00:00Z')).toBe('10:00');
  });

  it('follows the switch to summer time (30 March 2025, 02:00 → 03:00)', () => {
    expect(formatTime('2025-03-30T00:30:00Z')).toBe('01:30');
    expect(formatTime('2025-03-30T01:30:00Z')).toBe('03:30');
    expect(formatDateTime(new Date('2025-03-30T01:00:00Z'))).toBe('30 mars 2025 à 03:00');
  });

  it('follows the switch back to winter time (26 October 2025)', () => {
    expect(formatTime('2025-10-26T00:30:00Z')).toBe('02:30');
    expect(formatTime('2025-10-26T01:30:00Z')).toBe('02:30');
  });

  it('shows the Paris calendar day of an instant', () => {
    expect(formatDate('2025-12-31T23:30:00Z')).toBe('1 janvier 2026');
  });

  it('shows a calendar date as that day, never shifted', () => {
    expect(formatDate('2025-03-30')).toBe('30 mars 2025');
    expect(formatDate('2025-03-30', 'en')).toBe('30 March 2025');
  });
});

describe('French phone numbers', () => {
  it('groups digits by pairs however the number was typed', () => {
    expect(formatPhoneNumber('0323221234')).toBe('03 23 22 12 34');
    expect(formatPhoneNumber('03.23.22.12.34')).toBe('03 23 22 12 34');
    expect(formatPhoneNumber('+33 3 23 22 12 34')).toBe('03 23 22 12 34');
    expect(formatPhoneNumber('0033612345678')).toBe('06 12 34 56 78');
  });

  it('leaves anything else as typed', () => {
    expect(formatPhoneNumber(' +44 20 7946 0958 ')).toBe('+44 20 7946 0958');
    expect(formatPhoneNumber('3949')).toBe('3949');
    expect(formatPhoneNumber('0023221234')).toBe('0023221234');
  });

  it('gives a tel: URI in international form', () => {
    expect(phoneHref('03 23 22 12 34')).toBe('tel:+33323221234');
    expect(phoneHref('3949')).toBeNull();
  });
});
