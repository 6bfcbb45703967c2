import { useCallback, useEffect, useState } from 'react';
import type { RegistryModule } from './registry.ts';

export type RegistryState = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; modules: RegistryModule[] };

export function useRegistry(loadRegistry: () => Promise<RegistryModule[]>) {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<RegistryState>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    loadRegistry().then(
      (modules) => current && setState({ status: 'ready', modules }),
      (error: unknown) => {
        console.error('Couronne: the module registry could not be loaded', error);
        if (current) setState({ status: 'failed' });
      },
    );
    return () => {
      current = false;
    };
  }, [loadRegistry, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
