import type { ModuleRoute } from '@couronne/console-kit';
import { lazy } from 'react';

export const routes: readonly ModuleRoute[] = [
  {
    path: '/',
    Component: lazy(() => import('./screens/health-centre-list/HealthCentreListScreen.tsx').then((m) => ({ default: m.HealthCentreListScreen }))),
  },
];
