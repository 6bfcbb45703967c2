import type { ModuleRoute } from '@couronne/console-kit';
import { lazy } from 'react';

export const routes: readonly ModuleRoute[] = [
  {
    path: '/',
    Component: lazy(() => import('./screens/digital-place-list/DigitalPlaceListScreen.tsx').then((m) => ({ default: m.DigitalPlaceListScreen }))),
  },
];
