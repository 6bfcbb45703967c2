import { ConsoleProvider, type ConsoleModule, type ConsoleModuleProps } from '@couronne/console-kit';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RegistryModule } from '../registry/registry.ts';
import { createModuleComponents } from './module-components.ts';
import { ModuleBoundary } from './ModuleBoundary.tsx';
import type { RemoteLoader } from './remote-loader.ts';
import { IncompatibleModuleError } from './shared-versions.ts';

const portal: RegistryModule = {
  id: 'portal',
  name: 'mfe_portal',
  title: 'Portail famille',
  route: '/portail',
  entry: 'http://127.0.0.1:4101/mf-manifest.json',
  exposedModule: './module',
};

function PortalRoot({ basePath }: ConsoleModuleProps) {
  return <p>Portail monté sous {basePath}</p>;
}
const portalModule: ConsoleModule = { id: 'portal', title: 'Portail famille', Root: PortalRoot };

function fakeLoader(load: RemoteLoader['load']) {
  return { load: vi.fn(load) };
}

function renderBoundary(loader: RemoteLoader, timeoutMs?: number) {
  const components = createModuleComponents(loader, { timeoutMs });
  return render(
    <ConsoleProvider>
      <ModuleBoundary module={portal} components={components} />
    </ConsoleProvider>,
  );
}

describe('ModuleBoundary', () => {
  // React logs the errors the boundary catches; the tests check what the user sees.
  beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => {}));
  afterEach(() => vi.restoreAllMocks());

  it('shows a skeleton while loading, then mounts the module under its route', async () => {
    let resolve!: (module: ConsoleModule) => void;
    renderBoundary(fakeLoader(() => new Promise((r) => (resolve = r))));
    expect(screen.getByRole('status').textContent).toBe('Chargement du module Portail famille…');
    await act(async () => resolve(portalModule));
    expect(screen.getByText('Portail monté sous /portail')).toBeTruthy();
  });

  it('shows the French fallback when the remote cannot be loaded, and Retry loads it again', async () => {
    const user = userEvent.setup();
    let calls = 0;
    const loader = fakeLoader(async () => {
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to fetch http://127.0.0.1:4101/mf-manifest.json');
      return portalModule;
    });
    renderBoundary(loader);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Le module Portail famille est momentanément indisponible.');
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));

    expect(await screen.findByText('Portail monté sous /portail')).toBeTruthy();
    expect(loader.load).toHaveBeenCalledTimes(2);
  });

  it('catches a module that crashes while rendering, and Retry remounts it', async () => {
    const user = userEvent.setup();
    let broken = true;
    function FlakyRoot() {
      if (broken) throw new Error('render crash');
      return <p>Portail rétabli</p>;
    }
    renderBoundary(fakeLoader(async () => ({ ...portalModule, Root: FlakyRoot })));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Le module Portail famille est momentanément indisponible.');
    broken = false;
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByText('Portail rétabli')).toBeTruthy();
  });

  it('refuses a module built against other shared versions, naming them in French', async () => {
    const mismatches = [{ name: '@couronne/ui', required: '^2.0.0', provided: '0.1.0' }];
    renderBoundary(fakeLoader(() => Promise.reject(new IncompatibleModuleError('mfe_portal', mismatches))));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Le module Portail famille ne peut pas être ouvert : il n'est pas compatible avec cette version de la console.");
    expect(alert.textContent).toContain('Ce module requiert @couronne/ui version ^2.0.0 ; la console fournit 0.1.0.');
    expect(within(alert).getByRole('button', { name: 'Réessayer' })).toBeTruthy();
  });

  it('gives up on a remote that hangs', async () => {
    renderBoundary(
      fakeLoader(() => new Promise(() => {})),
      20,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('Le module Portail famille est momentanément indisponible.');
  });
});
