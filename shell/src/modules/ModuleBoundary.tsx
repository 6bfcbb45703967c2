import { ErrorState, LoadingState } from '@couronne/ui';
import { Component, Suspense, useState, type ReactNode } from 'react';
import { useModuleTitle, useT } from '../i18n.ts';
import type { RegistryModule } from '../registry/registry.ts';
import type { ModuleComponents } from './module-components.ts';
import { IncompatibleModuleError } from './shared-versions.ts';

interface ErrorBoundaryProps {
  fallback: (error: unknown) => ReactNode;
  children: ReactNode;
}

// React itself logs what the boundary catches (console.error), with the component stack.
class ErrorBoundary extends Component<ErrorBoundaryProps, { error: unknown; failed: boolean }> {
  override state = { error: null as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback(this.state.error) : this.props.children;
  }
}

export interface ModuleBoundaryProps {
  module: RegistryModule;
  components: ModuleComponents;
}

/**
 * Mounts one module, isolated: while it loads a skeleton shows, and if it cannot be loaded (server down,
 * timeout), needs shared versions the console does not provide, or crashes while rendering, only this
 * slot shows a French fallback with Retry.
 */
export function ModuleBoundary({ module, components }: ModuleBoundaryProps) {
  const t = useT();
  const title = useModuleTitle()(module);
  const [attempt, setAttempt] = useState(0);
  const Root = components.get(module);

  const retry = () => {
    components.drop(module);
    setAttempt((n) => n + 1);
  };

  const fallback = (error: unknown) =>
    error instanceof IncompatibleModuleError ? (
      <ErrorState
        title={t('moduleIncompatible', { title })}
        message={error.mismatches.map((m) => t('moduleIncompatibleDetail', { name: m.name, required: m.required, provided: m.provided })).join(' ')}
        onRetry={retry}
        retryLabel={t('retry')}
      />
    ) : (
      <ErrorState title={t('moduleUnavailable', { title })} message={t('moduleUnavailableHint')} onRetry={retry} retryLabel={t('retry')} />
    );
  return (
    <ErrorBoundary key={attempt} fallback={fallback}>
      <Suspense fallback={<LoadingState label={t('moduleLoading', { title })} />}>
        <Root basePath={module.route} />
      </Suspense>
    </ErrorBoundary>
  );
}
