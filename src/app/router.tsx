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
    children: [
      { index: true, element: <Navigate to="/wizards" replace /> },
      { path: 'wizards', lazy: page(() => import('../wizards/wizards-page'), 'WizardsPage') },
      { path: 'wizards/:scenario', lazy: page(() => import('../wizards/wizard-page'), 'WizardPage') },
      { path: 'spaces', lazy: page(() => import('../spaces/spaces-page'), 'SpacesPage') },
      {
        path: 'spaces/:spaceId',
        lazy: page(() => import('../spaces/space-page'), 'SpacePage'),
        children: [
          { index: true, lazy: page(() => import('../spaces/space-overview'), 'SpaceOverviewTab') },
          { path: 'profiles', lazy: page(() => import('../spaces/profiles-tab'), 'ProfilesTab') },
          { path: 'troubleshoot', lazy: page(() => import('../spaces/troubleshoot-tab'), 'TroubleshootTab') },
          { path: 'live', lazy: page(() => import('../spaces/live-tab'), 'LiveTab') },
        ],
      },
      { path: 'profiles', lazy: page(() => import('../profile-catalog/profiles-page'), 'ProfilesPage') },
      { path: 'system', lazy: page(() => import('../system/system-page'), 'SystemPage') },
      { path: 'user-spaces', lazy: page(() => import('../user-spaces/user-spaces-page'), 'UserSpacesPage') },
      { path: 'meetings', lazy: page(() => import('../meetings/meetings-page'), 'MeetingsPage') },
      { path: 'calls', lazy: page(() => import('../calls/calls-page'), 'CallsPage') },
      { path: 'console', lazy: page(() => import('../api-console/console-page'), 'ConsolePage') },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
