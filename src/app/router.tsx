import LinearProgress from '@mui/material/LinearProgress';
import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RouteErrorFallback } from './error-fallback';
import { Layout } from './layout';

/** Each section loads with its first visit, so opening the app does not download every screen. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): RouteObject['lazy'] {
  return async () => ({ Component: (await load())[name] });
}

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteErrorFallback />,
    // The first screen's code is still loading when the router starts: show progress, not nothing.
    hydrateFallbackElement: <LinearProgress aria-label="Loading the studio" />,
    children: [
      { index: true, element: <Navigate to="/wizards" replace /> },
      { path: 'wizards', lazy: page(() => import('../wizards/wizards-page'), 'WizardsPage') },
      { path: 'wizards/:scenario', lazy: page(() => import('../wizards/wizard-page'), 'WizardPage') },
      { path: 'spaces', lazy: page(() => import('../features/spaces/spaces-page'), 'SpacesPage') },
      {
        path: 'spaces/:spaceId',
        lazy: page(() => import('../features/spaces/space-page'), 'SpacePage'),
        children: [
          { index: true, lazy: page(() => import('../features/spaces/space-overview'), 'SpaceOverviewTab') },
          { path: 'profiles', lazy: page(() => import('../features/spaces/profiles-tab'), 'ProfilesTab') },
          { path: 'troubleshoot', lazy: page(() => import('../features/spaces/troubleshoot-tab'), 'TroubleshootTab') },
          { path: 'live', lazy: page(() => import('../features/spaces/live-tab'), 'LiveTab') },
        ],
      },
      { path: 'audit', lazy: page(() => import('../features/audit/audit-page'), 'AuditPage') },
      { path: 'profiles', lazy: page(() => import('../features/profile-catalog/profiles-page'), 'ProfilesPage') },
      { path: 'templates', lazy: page(() => import('../features/templates/templates-page'), 'TemplatesPage') },
      { path: 'system', lazy: page(() => import('../features/system/system-page'), 'SystemPage') },
      { path: 'user-spaces', lazy: page(() => import('../features/user-spaces/user-spaces-page'), 'UserSpacesPage') },
      { path: 'meetings', lazy: page(() => import('../features/meetings/meetings-page'), 'MeetingsPage') },
      { path: 'calls', lazy: page(() => import('../features/calls/calls-page'), 'CallsPage') },
      {
        path: 'history',
        lazy: page(() => import('../features/history/history-page'), 'HistoryPage'),
        children: [{ path: ':runId', lazy: page(() => import('../features/history/run-detail'), 'RunDetailPage') }],
      },
      { path: 'console', lazy: page(() => import('../features/api-console/console-page'), 'ConsolePage') },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
