import { useEffect, useState } from 'react';
import type { RegistryModule } from './registry.ts';

export type RegistryState = { status: 'idle' } | { status: 'loading' } | { status: 'failed' } | { status: 'ready'; modules: RegistryModule[] };

/**
 * Every module of the console, loaded once when first `needed` (a path no module of the viewer owns).
 * A failure is logged and ends as `failed`: the page then says « Page introuvable ».
 */
export function useRegistry(loadRegistry: () => Promise<RegistryModule[]>, needed: boolean): RegistryState {
  const [state, setState] = useState<RegistryState>({ status: 'idle' });
  const started = state.status !== 'idle';

  useEffect(() => {
    if (!needed || started) return;
    setState({ status: 'loading' });
    loadRegistry().then(
      (modules) => setState({ status: 'ready', modules }),
      (error: unknown) => {
        console.error('Couronne: the module registry could not be loaded', error);
        setState({ status: 'failed' });
      },
    );
  }, [loadRegistry, needed, started]);

  return needed && state.status === 'idle' ? { status: 'loading' } : state;
}
