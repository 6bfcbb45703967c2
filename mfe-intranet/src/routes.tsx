import type { ModuleRoute } from '@couronne/console-kit';
import { lazy } from 'react';

export const routes: readonly ModuleRoute[] = [
  {
    path: '/',
    Component: lazy(() => import('./screens/commune-list/CommuneListScreen.tsx').then((m) => ({ default: m.CommuneListScreen }))),
  },
  {
    path: '/communes/:inseeCode',
    Component: lazy(() => import('./screens/commune-detail/CommuneDetailScreen.tsx').then((m) => ({ default: m.CommuneDetailScreen }))),
  },
];
