import { ErrorState, LoadingState } from '@couronne/ui';
import { Component, Suspense, useState, type ReactNode } from 'react';
import { useT } from '../i18n.ts';
import type { RegistryModule } from '../registry/registry.ts';
import type { ModuleComponents } from './module-components.ts';

interface ErrorBoundaryProps {
  fallback: ReactNode;
  children: ReactNode;
}

// React itself logs what the boundary catches (console.error), with the component stack.
class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export interface ModuleBoundaryProps {
  module: RegistryModule;
  components: ModuleComponents;
}

/**
 * Mounts one module, isolated: while it loads a skeleton shows, and if it cannot be loaded (server down,
 * timeout) or crashes while rendering, only this slot shows a French fallback with Retry.
 */
export function ModuleBoundary({ module, components }: ModuleBoundaryProps) {
  const t = useT();
  const [attempt, setAttempt] = useState(0);
  const Root = components.get(module);

  const retry = () => {
    components.drop(module);
    setAttempt((n) => n + 1);
  };

  const fallback = (
    <ErrorState
      title={t('moduleUnavailable', { title: module.title })}
      message={t('moduleUnavailableHint')}
      onRetry={retry}
      retryLabel={t('retry')}
    />
  );
  return (
    <ErrorBoundary key={attempt} fallback={fallback}>
      <Suspense fallback={<LoadingState label={t('moduleLoading', { title: module.title })} />}>
        <Root basePath={module.route} />
      </Suspense>
    </ErrorBoundary>
  );
}
