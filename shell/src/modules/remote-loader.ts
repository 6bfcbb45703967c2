import { isConsoleModule, type ConsoleModule } from '@couronne/console-kit';
import type { RegistryModule } from '../registry/registry.ts';

/** The part of `@module-federation/enhanced/runtime` the shell uses; tests pass a fake. */
export interface FederationRuntime {
  registerRemotes: (remotes: { name: string; entry: string }[], options?: { force?: boolean }) => void;
  loadRemote: <T>(id: string) => Promise<T | null>;
}

export interface RemoteLoader {
  /** Tells the federation runtime where each module's `mf-manifest.json` is. */
  register: (modules: readonly RegistryModule[]) => void;
  load: (module: RegistryModule) => Promise<ConsoleModule>;
}

export function createRemoteLoader(runtime: FederationRuntime): RemoteLoader {
  const registered = new Map<string, string>();
  return {
    register(modules) {
      // Only new or moved remotes: re-registering an unchanged one makes the runtime warn and drop its cache.
      const changed = modules.filter((module) => registered.get(module.name) !== module.entry);
      if (changed.length === 0) return;
      // force: a registry reloaded after a deployment may point a known name at a new entry.
      runtime.registerRemotes(
        changed.map((module) => ({ name: module.name, entry: module.entry })),
        { force: true },
      );
      for (const module of changed) registered.set(module.name, module.entry);
    },
    async load(module) {
      const exposed = await runtime.loadRemote<{ default?: unknown }>(`${module.name}/${module.exposedModule.slice(2)}`);
      const candidate = exposed?.default;
      if (!isConsoleModule(candidate)) throw new Error(`${module.name}/${module.exposedModule} does not export a ConsoleModule as default`);
      // A registry entry pointing at another module's manifest would mount it under the wrong route.
      if (candidate.id !== module.id) throw new Error(`${module.entry} serves module "${candidate.id}", the registry expects "${module.id}"`);
      return candidate;
    },
  };
}
