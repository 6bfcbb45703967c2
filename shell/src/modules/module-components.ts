import type { ConsoleModuleProps } from '@couronne/console-kit';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { RegistryModule } from '../registry/registry.ts';
import type { RemoteLoader } from './remote-loader.ts';

export interface ModuleComponents {
  /** The module's root as a lazy component, created once and reused on every visit. */
  get: (module: RegistryModule) => ComponentType<ConsoleModuleProps>;
  /**
   * Forgets a failed load: React.lazy caches a rejected promise for good, so retrying needs a new lazy
   * component. The federation runtime keeps no failure (checked in Chromium: a manifest or remoteEntry
   * that failed once is fetched again on the next load).
   */
  drop: (module: RegistryModule) => void;
}

export class ModuleTimeoutError extends Error {
  override name = 'ModuleTimeoutError';
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new ModuleTimeoutError(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

export interface ModuleComponentsOptions {
  /** A remote that neither loads nor fails (a hung server) shows the fallback after this delay. */
  timeoutMs?: number;
}

export function createModuleComponents(loader: RemoteLoader, { timeoutMs = 15_000 }: ModuleComponentsOptions = {}): ModuleComponents {
  const components = new Map<string, LazyExoticComponent<ComponentType<ConsoleModuleProps>>>();
  return {
    get(module) {
      let component = components.get(module.id);
      if (!component) {
        component = lazy(async () => {
          const loaded = await withTimeout(loader.load(module), timeoutMs, `${module.name} did not load within ${timeoutMs} ms`);
          return { default: loaded.Root };
        });
        components.set(module.id, component);
      }
      return component;
    },
    drop(module) {
      components.delete(module.id);
    },
  };
}
