import { isConsoleModule, type ConsoleModule } from '@couronne/console-kit';
import type { RegistryModule } from '../registry/registry.ts';
import { fetchManifest, findSharedMismatches, IncompatibleModuleError } from './shared-versions.ts';

/** The part of `@module-federation/enhanced/runtime` the shell uses; tests pass a fake. */
export interface FederationRuntime {
  registerRemotes: (remotes: { name: string; entry: string }[], options?: { force?: boolean }) => void;
  loadRemote: <T>(id: string) => Promise<T | null>;
}

export interface RemoteLoaderOptions {
  runtime: FederationRuntime;
  /** Version of each shared singleton the shell provides (`react` → `19.3.1`). */
  providedVersions: Readonly<Record<string, string>>;
  fetch?: typeof globalThis.fetch;
}

export interface RemoteLoader {
  /**
   * Reads the module's `mf-manifest.json`, refuses it (IncompatibleModuleError) when it requires a
   * shared version the shell does not provide, registers it with the federation runtime and loads it.
   */
  load: (module: RegistryModule) => Promise<ConsoleModule>;
}

export function createRemoteLoader({ runtime, providedVersions, fetch }: RemoteLoaderOptions): RemoteLoader {
  const registered = new Map<string, string>();
  const register = (module: RegistryModule) => {
    // Only a new or moved remote: re-registering an unchanged one makes the runtime warn and drop its cache.
    if (registered.get(module.name) === module.entry) return;
    // force: the API may point a known name at a new entry after a deployment.
    runtime.registerRemotes([{ name: module.name, entry: module.entry }], { force: true });
    registered.set(module.name, module.entry);
  };

  return {
    async load(module) {
      // Checked before registering: a refused remote gets none of its JavaScript fetched.
      const manifest = await fetchManifest(module.entry, fetch);
      const mismatches = findSharedMismatches(manifest, providedVersions);
      if (mismatches.length > 0) throw new IncompatibleModuleError(module.name, mismatches);
      register(module);

      const exposed = await runtime.loadRemote<{ default?: unknown }>(`${module.name}/${module.exposedModule.slice(2)}`);
      const candidate = exposed?.default;
      if (!isConsoleModule(candidate)) throw new Error(`${module.name}/${module.exposedModule} does not export a ConsoleModule as default`);
      // An entry pointing at another module's manifest would mount it under the wrong route.
      if (candidate.id !== module.id) throw new Error(`${module.entry} serves module "${candidate.id}", the registry expects "${module.id}"`);
      return candidate;
    },
  };
}
