import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConsoleProvider, useConsole } from './console-context.tsx';
import { matchRoute, ModuleRoutes, subPathOf, useModuleHref, type ModuleRoute, type RouteParams } from './module-routes.tsx';

const List = () => <p>liste</p>;
const Detail = ({ params }: { params: RouteParams }) => <p>détail {params.inseeCode}</p>;
const routes: ModuleRoute[] = [
  { path: '/', Component: List },
  { path: '/communes/:inseeCode', Component: Detail },
];

describe('subPathOf', () => {
  it('gives the path under the base path', () => {
    expect(subPathOf('/intranet', '/intranet')).toBe('/');
    expect(subPathOf('/intranet', '/intranet/communes/02408')).toBe('/communes/02408');
    expect(subPathOf('', '/communes')).toBe('/communes');
  });

  it('does not match a sibling path sharing the prefix', () => {
    expect(subPathOf('/intranet', '/intranetx')).toBeNull();
    expect(subPathOf('/intranet', '/portail')).toBeNull();
  });
});

describe('matchRoute', () => {
  it('matches static and parameter segments', () => {
    expect(matchRoute(routes, '/')?.route.Component).toBe(List);
    expect(matchRoute(routes, '/communes/02408')?.params).toEqual({ inseeCode: '02408' });
    expect(matchRoute(routes, '/communes')).toBeNull();
    expect(matchRoute(routes, '/places/1')).toBeNull();
  });
});

describe('ModuleRoutes', () => {
  beforeEach(() => window.history.replaceState(null, '', '/intranet'));

  function NavigateButton({ to }: { to: string }) {
    const { navigate } = useConsole();
    return <button onClick={() => navigate(to)}>go</button>;
  }

  it('renders the screen for the current path and follows navigation and the back button', async () => {
    render(
      <ConsoleProvider>
        <NavigateButton to="/intranet/communes/02408" />
        <ModuleRoutes basePath="/intranet" routes={routes} loading={<p>chargement</p>} notFound={<p>introuvable</p>} />
      </ConsoleProvider>,
    );
    expect(screen.getByText('liste')).toBeTruthy();

    act(() => screen.getByRole('button').click());
    expect(screen.getByText('détail 02408')).toBeTruthy();
    expect(window.location.pathname).toBe('/intranet/communes/02408');

    await act(async () => {
      window.history.back();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    });
    expect(screen.getByText('liste')).toBeTruthy();
  });

  it('shows notFound for an unknown path', () => {
    window.history.replaceState(null, '', '/intranet/nope');
    render(
      <ConsoleProvider>
        <ModuleRoutes basePath="/intranet" routes={routes} loading={<p>chargement</p>} notFound={<p>introuvable</p>} />
      </ConsoleProvider>,
    );
    expect(screen.getByText('introuvable')).toBeTruthy();
  });
});

describe('useModuleHref', () => {
  function DetailLink() {
    const href = useModuleHref();
    return <a href={href('/communes/02408')}>{href('/')}</a>;
  }

  it.each([
    ['/intranet', '/intranet/communes/02408', '/intranet'],
    ['', '/communes/02408', '/'],
  ])('builds links under the base path «%s»', (basePath, detail, root) => {
    window.history.replaceState(null, '', basePath || '/');
    render(
      <ConsoleProvider>
        <ModuleRoutes basePath={basePath} routes={[{ path: '/', Component: DetailLink }]} loading={null} notFound={null} />
      </ConsoleProvider>,
    );
    const link = screen.getByRole('link');
    expect(link.getAttribute('href')).toBe(detail);
    expect(link.textContent).toBe(root);
  });
});
