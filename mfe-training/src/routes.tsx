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
    path: '/agenda',
    Component: lazy(() => import('./screens/advisor-agenda/AdvisorAgendaScreen.tsx').then((m) => ({ default: m.AdvisorAgendaScreen }))),
  },
  {
    path: '/agenda/:bookingId/compte-rendu',
    Component: lazy(() => import('./screens/activity-report/ActivityReportScreen.tsx').then((m) => ({ default: m.ActivityReportScreen }))),
  },
  {
    path: '/statistiques',
    Component: lazy(() => import('./screens/activity-statistics/ActivityStatisticsScreen.tsx').then((m) => ({ default: m.ActivityStatisticsScreen }))),
  },
  {
    path: '/equipements',
    Component: lazy(() => import('./screens/equipment-list/EquipmentListScreen.tsx').then((m) => ({ default: m.EquipmentListScreen }))),
  },
  {
    path: '/lieux',
    Component: lazy(() => import('./screens/digital-place-list/DigitalPlaceListScreen.tsx').then((m) => ({ default: m.DigitalPlaceListScreen }))),
  },
];
