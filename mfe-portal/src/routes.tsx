import type { ModuleRoute } from '@couronne/console-kit';
import { lazy } from 'react';

export const routes: readonly ModuleRoute[] = [
  {
    path: '/',
    Component: lazy(() => import('./screens/family-place-list/FamilyPlaceListScreen.tsx').then((m) => ({ default: m.FamilyPlaceListScreen }))),
  },
];
