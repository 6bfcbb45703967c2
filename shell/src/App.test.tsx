import { createSessionStore, type ConsoleModuleProps, type Session } from '@couronne/console-kit';
import { fakeGraphqlFetch, unauthenticatedResponse, type GraphqlRequest } from '@couronne/console-kit/testing';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App, returnPath } from './App.tsx';
import type { ModuleComponents } from './modules/module-components.ts';
import type { RegistryModule } from './registry/registry.ts';

const all: RegistryModule[] = [
  ['portal', 'mfe_portal', 'Portail famille', '/portail', 4101],
  ['intranet', 'mfe_intranet', 'Intranet', '/intranet', 4102],
  ['training', 'mfe_training', 'Inclusion numérique', '/formations', 4103],
  ['telehealth', 'mfe_telehealth', 'Télésanté', '/telesante', 4104],
].map(([id, name, title, route, port]) => ({
  id: String(id),
  name: String(name),
  title: String(title),
  route: String(route),
  entry: `http://127.0.0.1:${port}/mf-manifest.json`,
  exposedModule: './module',
}));
/** What consoleModules answers to Emma Roux (PORTAL + TRAINING). */
const emmasModules = all
  .filter((module) => module.id === 'portal' || module.id === 'training')
  .map(({ entry, ...module }) => ({ __typename: 'ConsoleModule', ...module, entryUrl: entry }));

const emma: Session = {
  token: 'cs_emma',
  expiresAt: '2999-01-01T00:00:00.000Z',
  viewer: { displayName: 'Emma Roux', email: 'emma.roux@capl.example', roles: [{ role: 'PORTAL', communes: [] }, { role: 'TRAINING', communes: [] }] },
};
const loginSuccess = {
  data: {
    login: {
      __typename: 'LoginSuccess',
      token: 'cs_again',
      expiresAt: '2999-01-01T00:00:00.000Z',
      agent: { __typename: 'Agent', displayName: 'Emma Roux', email: 'emma.roux@capl.example', roles: [] },
    },
  },
};

// Modules rendered in place, without federation: each root says where it is mounted and what it sees.
const components: ModuleComponents = {
  get: (module) =>
    function FakeRoot({ basePath }: ConsoleModuleProps) {
      return <h1>{`${module.title} sous ${basePath}`}</h1>;
    },
  drop: () => {},
};

type Responder = (request: GraphqlRequest) => unknown;
const defaultResponder: Responder = (request) =>
  request.operationName === 'Logout' ? { data: { logout: { __typename: 'LogoutSuccess' } } } : { data: { consoleModules: emmasModules } };

function renderApp({ session = emma as Session | null, respond = defaultResponder, loadKnownModules = async () => all } = {}) {
  const store = createSessionStore(null);
  if (session) store.set(session);
  const { fetch, requests } = fakeGraphqlFetch(respond);
  render(<App store={store} components={components} loadKnownModules={loadKnownModules} fetch={fetch} />);
  return { store, requests };
}

async function signIn(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('textbox', { name: 'Adresse e-mail' }), 'emma.roux@capl.example');
  await user.type(screen.getByLabelText('Mot de passe'), 'Couronne-demo-2026');
  await user.click(screen.getByRole('button', { name: 'Se connecter' }));
}

describe('App', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
    window.localStorage.clear();
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows exactly the viewer’s modules, asked with the session token', async () => {
    const { requests } = renderApp();
    const nav = await screen.findByRole('navigation', { name: 'Modules de la console' });
    await within(nav).findByRole('link', { name: 'Portail famille' });
    expect(within(nav).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Portail famille', '/portail'],
      ['Inclusion numérique', '/formations'],
    ]);
    expect(requests[0]?.operationName).toBe('ConsoleModules');
    expect(requests[0]?.authorization).toBe('Bearer cs_emma');
    const main = screen.getByRole('main');
    expect(within(main).getByRole('heading', { level: 1 }).textContent).toBe('Bienvenue sur la console Couronne');
    expect(screen.getByText('Connecté : Emma Roux')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Aller au contenu' }).getAttribute('href')).toBe(`#${main.id}`);
  });

  it('mounts the module of a deep link under its route', async () => {
    window.history.replaceState(null, '', '/formations/lieux/p1');
    renderApp();
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Inclusion numérique sous /formations');
    expect(screen.getByRole('link', { name: 'Inclusion numérique' }).getAttribute('aria-current')).toBe('page');
    await waitFor(() => expect(document.title).toBe('Inclusion numérique — Couronne'));
  });

  it('navigates between modules without reloading, moving focus to the content', async () => {
    const user = userEvent.setup();
    renderApp();
    const nav = await screen.findByRole('navigation', { name: 'Modules de la console' });
    await user.click(await within(nav).findByRole('link', { name: 'Portail famille' }));
    expect(window.location.pathname).toBe('/portail');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Portail famille sous /portail');
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('says « Accès refusé » on the route of a module the viewer may not open', async () => {
    window.history.replaceState(null, '', '/intranet/communes/02408');
    renderApp();
    expect(await screen.findByRole('heading', { level: 1, name: 'Accès refusé' })).toBeTruthy();
    expect(screen.getByText(/Vous n'avez pas accès au module Intranet\./)).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Accès refusé — Couronne'));
  });

  it('says « Page introuvable » for a path no module owns', async () => {
    window.history.replaceState(null, '', '/inconnu');
    renderApp();
    expect(await screen.findByRole('heading', { level: 1, name: 'Page introuvable' })).toBeTruthy();
  });

  it('sends a signed-out visitor to the login page, then back to the page asked for', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/formations/lieux?page=2');
    const { store } = renderApp({ session: null, respond: (request) => (request.operationName === 'Login' ? loginSuccess : defaultResponder(request)) });

    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion à la console' })).toBeTruthy();
    expect(window.location.pathname + window.location.search).toBe('/connexion?retour=%2Fformations%2Flieux%3Fpage%3D2');
    expect(screen.queryByRole('navigation', { name: 'Modules de la console' })).toBeNull();
    await signIn(user);

    expect(await screen.findByRole('heading', { level: 1, name: 'Inclusion numérique sous /formations' })).toBeTruthy();
    expect(window.location.pathname + window.location.search).toBe('/formations/lieux?page=2');
    expect(store.get()?.token).toBe('cs_again');
  });

  it('on an expired session, says so on the login page and returns to the same page after login', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/formations/lieux');
    let expired = true;
    const { store } = renderApp({
      respond: (request) => {
        if (request.operationName === 'Login') {
          expired = false;
          return loginSuccess;
        }
        return expired ? unauthenticatedResponse() : defaultResponder(request);
      },
    });

    expect(await screen.findByText('Votre session a expiré, reconnectez-vous.')).toBeTruthy();
    expect(store.get()).toBeNull();
    expect(window.location.search).toBe('?retour=%2Fformations%2Flieux');
    await signIn(user);
    expect(await screen.findByRole('heading', { level: 1, name: 'Inclusion numérique sous /formations' })).toBeTruthy();
    expect(window.location.pathname).toBe('/formations/lieux');
  });

  it('signs out: ends the session on the API, forgets it, shows the login page', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/portail');
    const { store, requests } = renderApp();
    await screen.findByRole('heading', { level: 1, name: 'Portail famille sous /portail' });
    await user.click(screen.getByRole('button', { name: 'Se déconnecter' }));

    expect(await screen.findByText('Vous êtes déconnecté.')).toBeTruthy();
    expect(window.location.pathname + window.location.search).toBe('/connexion');
    expect(store.get()).toBeNull();
    await waitFor(() => expect(requests.find((request) => request.operationName === 'Logout')?.authorization).toBe('Bearer cs_emma'));
  });

  it('switches to English: header, navigation and modules follow', async () => {
    const user = userEvent.setup();
    renderApp();
    await within(await screen.findByRole('navigation')).findByRole('link', { name: 'Portail famille' });
    await user.click(screen.getByRole('button', { name: 'English' }));
    const nav = screen.getByRole('navigation', { name: 'Console modules' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Family portal', 'Digital inclusion']);
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows a French error with Retry when the modules cannot be loaded', async () => {
    const user = userEvent.setup();
    let calls = 0;
    renderApp({
      respond: (request) => {
        calls += 1;
        if (calls === 1) throw new TypeError('Failed to fetch');
        return defaultResponder(request);
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("La liste des modules n'a pas pu être chargée.");
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    const nav = screen.getByRole('navigation', { name: 'Modules de la console' });
    expect(await within(nav).findByRole('link', { name: 'Portail famille' })).toBeTruthy();
  });
});

describe('returnPath', () => {
  it('returns to a path of the console only', () => {
    expect(returnPath('?retour=%2Fintranet%2Fcommunes%2F02408')).toBe('/intranet/communes/02408');
    expect(returnPath('')).toBe('/');
    expect(returnPath('?retour=https%3A%2F%2Fevil.example')).toBe('/');
    expect(returnPath('?retour=%2F%2Fevil.example')).toBe('/');
    expect(returnPath('?retour=%2F%5Cevil.example')).toBe('/');
    expect(returnPath('?retour=%2Fconnexion')).toBe('/');
  });
});
