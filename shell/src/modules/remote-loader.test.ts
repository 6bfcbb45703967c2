import { describe, expect, it, vi } from 'vitest';
import type { RegistryModule } from '../registry/registry.ts';
import { createRemoteLoader, type FederationRuntime } from './remote-loader.ts';

const intranet: RegistryModule = {
  id: 'intranet',
  name: 'mfe_intranet',
  title: 'Intranet',
  route: '/intranet',
  entry: 'http://127.0.0.1:4102/mf-manifest.json',
  exposedModule: './module',
};

function fakeRuntime(exposed: unknown) {
  const runtime = {
    registerRemotes: vi.fn<FederationRuntime['registerRemotes']>(),
    loadRemote: vi.fn(async () => exposed),
  };
  return runtime as typeof runtime & FederationRuntime;
}

describe('createRemoteLoader', () => {
  it('registers each module by federation name and manifest URL, forcing updates', () => {
    const runtime = fakeRuntime(null);
    createRemoteLoader(runtime).register([intranet]);
    expect(runtime.registerRemotes).toHaveBeenCalledWith([{ name: 'mfe_intranet', entry: 'http://127.0.0.1:4102/mf-manifest.json' }], {
      force: true,
    });
  });

  it('registers again only a remote that is new or whose entry moved', () => {
    const runtime = fakeRuntime(null);
    const loader = createRemoteLoader(runtime);
    loader.register([intranet]);
    loader.register([intranet]);
    expect(runtime.registerRemotes).toHaveBeenCalledTimes(1);

    const moved = { ...intranet, entry: 'https://modules.example.org/intranet/mf-manifest.json' };
    loader.register([moved]);
    expect(runtime.registerRemotes).toHaveBeenLastCalledWith([{ name: 'mfe_intranet', entry: moved.entry }], { force: true });
  });

  it("loads the exposed module and returns its default export's contract", async () => {
    const Root = () => null;
    const runtime = fakeRuntime({ default: { id: 'intranet', title: 'Intranet', Root } });
    const module = await createRemoteLoader(runtime).load(intranet);
    expect(runtime.loadRemote).toHaveBeenCalledWith('mfe_intranet/module');
    expect(module.Root).toBe(Root);
  });

  it('rejects a remote that does not export a ConsoleModule', async () => {
    await expect(createRemoteLoader(fakeRuntime({ default: { id: 'intranet' } })).load(intranet)).rejects.toThrow('does not export a ConsoleModule');
    await expect(createRemoteLoader(fakeRuntime(null)).load(intranet)).rejects.toThrow('does not export a ConsoleModule');
  });

  it('rejects a remote that is another module than the registry says', async () => {
    const runtime = fakeRuntime({ default: { id: 'portal', title: 'Portail famille', Root: () => null } });
    await expect(createRemoteLoader(runtime).load(intranet)).rejects.toThrow('serves module "portal", the registry expects "intranet"');
  });
});
