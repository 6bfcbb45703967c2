import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConsoleProvider, useConsole } from './console-context.tsx';
import { Link } from './link.tsx';

function CurrentPath() {
  return <output>{useConsole().path}</output>;
}

function renderLink() {
  render(
    <ConsoleProvider>
      <Link href="/formations?page=2">Formations</Link>
      <CurrentPath />
    </ConsoleProvider>,
  );
  return screen.getByRole('link', { name: 'Formations' });
}

describe('Link', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('is a real link', () => {
    expect(renderLink().getAttribute('href')).toBe('/formations?page=2');
  });

  it('navigates in place on a plain click', () => {
    const link = renderLink();
    const notPrevented = fireEvent.click(link);
    expect(notPrevented).toBe(false);
    expect(window.location.pathname + window.location.search).toBe('/formations?page=2');
    expect(screen.getByRole('status').textContent).toBe('/formations');
  });

  it('lets the browser handle a modified click (new tab)', () => {
    const link = renderLink();
    let preventedByLink: boolean | undefined;
    // Runs after React's handler; stops jsdom, which cannot open a tab, from attempting the navigation.
    const afterLink = (event: Event) => {
      preventedByLink = event.defaultPrevented;
      event.preventDefault();
    };
    document.addEventListener('click', afterLink);
    fireEvent.click(link, { ctrlKey: true });
    document.removeEventListener('click', afterLink);
    expect(preventedByLink).toBe(false);
    expect(window.location.pathname).toBe('/');
  });
});
