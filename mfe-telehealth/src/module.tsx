import { defineConsoleModule, ModuleRoutes, type ConsoleModuleProps } from '@couronne/console-kit';
import { EmptyState, LoadingState } from '@couronne/ui';
import { strings, useT } from './i18n.ts';
import { routes } from './routes.tsx';

function TelehealthRoot({ basePath }: ConsoleModuleProps) {
  const t = useT();
  return <ModuleRoutes basePath={basePath} routes={routes} loading={<LoadingState />} notFound={<EmptyState title={t('notFound')} />} />;
}

export default defineConsoleModule({ id: 'telehealth', title: strings.t('title'), Root: TelehealthRoot });
