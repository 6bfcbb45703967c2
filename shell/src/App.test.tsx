import { createGraphqlClient, type ConsoleModuleProps } from '@couronne/console-kit';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App.tsx';
import type { ModuleComponents } from './modules/module-components.ts';
import type { RegistryModule } from './registry/registry.ts';

const registry: RegistryModule[] = [
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

// Modules rendered in place, without federation: each root says where it is mounted.
const components: ModuleComponents = {
  get: (module) =>
    function FakeRoot({ basePath }: ConsoleModuleProps) {
      return <h1>{`${module.title} sous ${basePath}`}</h1>;
    },
  drop: () => {},
};

function renderApp(loadRegistry: () => Promise<RegistryModule[]>) {
  const client = createGraphqlClient({ url: '/graphql', fetch: vi.fn() });
  render(<App client={client} loadRegistry={loadRegistry} components={components} />);
}

describe('App', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));
  afterEach(() => vi.restoreAllMocks());

  it('lists the modules in the navigation and on the home page, with a skip link to main', async () => {
    renderApp(async () => registry);
    const nav = await screen.findByRole('navigation', { name: 'Modules de la console' });
    expect(within(nav).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Portail famille', '/portail'],
      ['Intranet', '/intranet'],
      ['Inclusion numérique', '/formations'],
      ['Télésanté', '/telesante'],
    ]);
    const main = screen.getByRole('main');
    expect(within(main).getByRole('heading', { level: 1 }).textContent).toBe('Bienvenue sur la console Couronne');
    expect(within(main).getAllByRole('link')).toHaveLength(4);
    expect(screen.getByRole('link', { name: 'Aller au contenu' }).getAttribute('href')).toBe(`#${main.id}`);
  });

  it('mounts the module of a deep link under its route', async () => {
    window.history.replaceState(null, '', '/intranet/communes/02408');
    renderApp(async () => registry);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Intranet sous /intranet');
    expect(screen.getByRole('link', { name: 'Intranet' }).getAttribute('aria-current')).toBe('page');
    await waitFor(() => expect(document.title).toBe('Intranet — Couronne'));
  });

  it('navigates between modules without reloading, moving focus to the content', async () => {
    const user = userEvent.setup();
    renderApp(async () => registry);
    const nav = await screen.findByRole('navigation', { name: 'Modules de la console' });
    await user.click(within(nav).getByRole('link', { name: 'Télésanté' }));
    expect(window.location.pathname).toBe('/telesante');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Télésanté sous /telesante');
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('shows a French error with Retry when the registry cannot be loaded', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const user = userEvent.setup();
    const loadRegistry = vi.fn<() => Promise<RegistryModule[]>>().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValue(registry);
    renderApp(loadRegistry);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("La liste des modules n'a pas pu être chargée.");
    expect(screen.getByRole('navigation', { name: 'Modules de la console' })).toBeTruthy();
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));

    const nav = screen.getByRole('navigation', { name: 'Modules de la console' });
    expect(await within(nav).findByRole('link', { name: 'Portail famille' })).toBeTruthy();
    expect(loadRegistry).toHaveBeenCalledTimes(2);
  });

  it('says « Page introuvable » for a path no module owns', async () => {
    window.history.replaceState(null, '', '/inconnu');
    renderApp(async () => registry);
    expect((await screen.findByRole('heading', { level: 1, name: 'Page introuvable' })).textContent).toBe('Page introuvable');
  });
});
