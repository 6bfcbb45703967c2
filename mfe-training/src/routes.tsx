import type { ModuleRoute } from '@couronne/console-kit';
import { lazy } from 'react';

export const routes: readonly ModuleRoute[] = [
  {
    path: '/',
    Component: lazy(() => import('./screens/session-calendar/SessionCalendarScreen.tsx').then((m) => ({ default: m.SessionCalendarScreen }))),
  },
  {
    path: '/seances/:id',
    Component: lazy(() => import('./screens/session-detail/SessionDetailScreen.tsx').then((m) => ({ default: m.SessionDetailScreen }))),
  },
  {
    path: '/catalogue',
    Component: lazy(() => import('./screens/course-catalogue/CourseCatalogueScreen.tsx').then((m) => ({ default: m.CourseCatalogueScreen }))),
  },
  {
    path: '/lieux',
    Component: lazy(() => import('./screens/digital-place-list/DigitalPlaceListScreen.tsx').then((m) => ({ default: m.DigitalPlaceListScreen }))),
  },
];
