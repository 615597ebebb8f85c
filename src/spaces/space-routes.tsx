import type { RouteObject } from 'react-router';
import { LiveTab } from './live-tab';
import { ProfilesTab } from './profiles-tab';
import { SpaceOverviewTab } from './space-overview';
import { SpacePage } from './space-page';
import { TroubleshootTab } from './troubleshoot-tab';

/** `/spaces/:spaceId` and its tabs (`spaceLink` in src/lib/wizard-links.ts builds these URLs). */
export const spaceRoute: RouteObject = {
  path: 'spaces/:spaceId',
  element: <SpacePage />,
  children: [
    { index: true, element: <SpaceOverviewTab /> },
    { path: 'profiles', element: <ProfilesTab /> },
    { path: 'troubleshoot', element: <TroubleshootTab /> },
    { path: 'live', element: <LiveTab /> },
  ],
};
