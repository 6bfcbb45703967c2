import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConsoleProvider } from './console-context.tsx';
import { createStrings, useStrings } from './i18n.ts';

const fr = {
  title: 'Communes',
  count: { one: '{count} commune', other: '{count} communes' },
  inhabitants: '{name} compte {population} habitants',
  frenchOnly: 'Seulement en français',
} as const;
const en = {
  title: 'Municipalities',
  count: { one: '{count} municipality', other: '{count} municipalities' },
  inhabitants: '{name} has {population} inhabitants',
  frenchOnly: 'Only in French',
};
const strings = createStrings({ fr, en });

describe('createStrings', () => {
  it('speaks French by default', () => {
    expect(strings.t('title')).toBe('Communes');
  });

  it('interpolates variables and groups numbers the local way', () => {
    expect(strings.t('inhabitants', { name: 'Laon', population: 24876 })).toBe('Laon compte 24\u202f876 habitants');
    expect(strings.forLocale('en')('inhabitants', { name: 'Laon', population: 24876 })).toBe('Laon has 24,876 inhabitants');
  });

  it('chooses the plural form by count, with French counting 0 and 1 as singular', () => {
    expect(strings.t('count', { count: 0 })).toBe('0 commune');
    expect(strings.t('count', { count: 1 })).toBe('1 commune');
    expect(strings.t('count', { count: 38 })).toBe('38 communes');
    expect(strings.forLocale('en')('count', { count: 0 })).toBe('0 municipalities');
    expect(strings.forLocale('en')('count', { count: 1 })).toBe('1 municipality');
  });

  it('leaves a missing variable visible', () => {
    expect(strings.t('inhabitants', { name: 'Laon' })).toBe('Laon compte {population} habitants');
  });
});

describe('useStrings', () => {
  function Title() {
    const t = useStrings(strings);
    return <h1>{t('title')}</h1>;
  }

  it('follows the console locale', () => {
    render(
      <ConsoleProvider locale="en">
        <Title />
      </ConsoleProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Municipalities');
  });

  it('defaults to French', () => {
    render(
      <ConsoleProvider>
        <Title />
      </ConsoleProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Communes');
  });
});
