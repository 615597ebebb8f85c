import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { ProfilesPage } from '../profile-catalog/profiles-page';
import { SpacesPage } from '../spaces/spaces-page';
import { SystemPage } from '../system/system-page';
import { WizardsPage } from '../wizards/wizards-page';
import { RouteErrorFallback } from './error-fallback';
import { Layout } from './layout';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteErrorFallback />,
    children: [
      { index: true, element: <Navigate to="/wizards" replace /> },
      { path: 'wizards', element: <WizardsPage /> },
      { path: 'spaces', element: <SpacesPage /> },
      { path: 'profiles', element: <ProfilesPage /> },
      { path: 'system', element: <SystemPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
