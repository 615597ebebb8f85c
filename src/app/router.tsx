import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { ConsolePage } from '../api-console/console-page';
import { CallsPage } from '../calls/calls-page';
import { MeetingsPage } from '../meetings/meetings-page';
import { ProfilesPage } from '../profile-catalog/profiles-page';
import { spaceRoute } from '../spaces/space-routes';
import { SpacesPage } from '../spaces/spaces-page';
import { SystemPage } from '../system/system-page';
import { UserSpacesPage } from '../user-spaces/user-spaces-page';
import { WizardPage } from '../wizards/wizard-page';
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
      { path: 'wizards/:scenario', element: <WizardPage /> },
      { path: 'spaces', element: <SpacesPage /> },
      spaceRoute,
      { path: 'profiles', element: <ProfilesPage /> },
      { path: 'system', element: <SystemPage /> },
      { path: 'user-spaces', element: <UserSpacesPage /> },
      { path: 'meetings', element: <MeetingsPage /> },
      { path: 'calls', element: <CallsPage /> },
      { path: 'console', element: <ConsolePage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
