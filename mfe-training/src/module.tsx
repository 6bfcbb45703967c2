import { defineConsoleModule, ModuleRoutes, type ConsoleModuleProps } from '@couronne/console-kit';
import { EmptyState, LoadingState } from '@couronne/ui';
import { TrainingNav } from './components/TrainingNav.tsx';
import { strings, useT } from './i18n.ts';
import { routes } from './routes.tsx';

function TrainingRoot({ basePath }: ConsoleModuleProps) {
  const t = useT();
  return (
    <>
      <TrainingNav basePath={basePath} />
      <ModuleRoutes basePath={basePath} routes={routes} loading={<LoadingState />} notFound={<EmptyState title={t('notFound')} />} />
    </>
  );
}

export default defineConsoleModule({ id: 'training', title: strings.t('title'), Root: TrainingRoot });
