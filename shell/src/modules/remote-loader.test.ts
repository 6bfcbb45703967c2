import { describe, expect, it, vi } from 'vitest';
import type { RegistryModule } from '../registry/registry.ts';
import { createRemoteLoader, type FederationRuntime } from './remote-loader.ts';
import { IncompatibleModuleError } from './shared-versions.ts';

const intranet: RegistryModule = {
  id: 'intranet',
  name: 'mfe_intranet',
  title: 'Intranet',
  route: '/intranet',
  entry: 'http://127.0.0.1:4102/mf-manifest.json',
  exposedModule: './module',
};
const providedVersions = { react: '19.3.1', '@couronne/ui': '0.1.0' };
const compatible = { shared: [{ name: 'react', version: '19.3.1', requiredVersion: '^19.3.1' }] };

function setup(exposed: unknown, manifest: unknown = compatible) {
  const runtime = {
    registerRemotes: vi.fn<FederationRuntime['registerRemotes']>(),
    loadRemote: vi.fn(async () => exposed),
  };
  const fetch = vi.fn(async () => Response.json(manifest));
  const loader = createRemoteLoader({ runtime: runtime as typeof runtime & FederationRuntime, providedVersions, fetch });
  return { runtime, fetch, loader };
}

const intranetModule = { id: 'intranet', title: 'Intranet', Root: () => null };

describe('createRemoteLoader', () => {
  it('reads the manifest, registers the remote by name and entry (forced), then loads the exposed module', async () => {
    const { runtime, fetch, loader } = setup({ default: intranetModule });
    const module = await loader.load(intranet);
    expect(fetch).toHaveBeenCalledWith(intranet.entry, expect.anything());
    expect(runtime.registerRemotes).toHaveBeenCalledWith([{ name: 'mfe_intranet', entry: intranet.entry }], { force: true });
    expect(runtime.loadRemote).toHaveBeenCalledWith('mfe_intranet/module');
    expect(module.Root).toBe(intranetModule.Root);
  });

  it('registers again only a remote whose entry moved', async () => {
    const { runtime, loader } = setup({ default: intranetModule });
    await loader.load(intranet);
    await loader.load(intranet);
    expect(runtime.registerRemotes).toHaveBeenCalledTimes(1);
    const moved = { ...intranet, entry: 'https://modules.example.org/intranet/mf-manifest.json' };
    await loader.load(moved);
    expect(runtime.registerRemotes).toHaveBeenLastCalledWith([{ name: 'mfe_intranet', entry: moved.entry }], { force: true });
  });

  it('refuses a remote requiring another version of a shared singleton, before registering or loading it', async () => {
    const { runtime, loader } = setup({ default: intranetModule }, { shared: [{ name: '@couronne/ui', version: '2.0.0', requiredVersion: '^2.0.0' }] });
    const error = await loader.load(intranet).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncompatibleModuleError);
    expect((error as IncompatibleModuleError).mismatches).toEqual([{ name: '@couronne/ui', required: '^2.0.0', provided: '0.1.0' }]);
    expect(runtime.registerRemotes).not.toHaveBeenCalled();
    expect(runtime.loadRemote).not.toHaveBeenCalled();
  });

  it('rejects a remote that does not export a ConsoleModule, or another module than expected', async () => {
    await expect(setup({ default: { id: 'intranet' } }).loader.load(intranet)).rejects.toThrow('does not export a ConsoleModule');
    await expect(setup(null).loader.load(intranet)).rejects.toThrow('does not export a ConsoleModule');
    await expect(setup({ default: { ...intranetModule, id: 'portal' } }).loader.load(intranet)).rejects.toThrow(
      'serves module "portal", the registry expects "intranet"',
    );
  });
});
