// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallLegProfileUsage } from '../../api/params/schemas';
import { ProfilesPage } from './profiles-page';

const SYSTEM = '06b654b1-1d1f-4f7e-ac07-b7aed2fa4ed6';
const GUEST = 'd4bfe12d-68cd-41c0-a671-48395ee170ab';
const HOST = '7306d2c1-bc15-4dbf-ab4a-1cbdaabd1912';
const SPARE = '11111111-2222-4333-8444-555555555555';
const CALL_PROFILE = '96d28acb-86c6-478d-b81a-a37ffb0adafc';
const OTHER_CALL_PROFILE = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

const mocks = vi.hoisted(() => ({
  listCallLegProfiles: vi.fn(),
  usage: vi.fn(),
  listCallProfiles: vi.fn(),
  systemProfiles: vi.fn(),
}));

vi.mock('../../api/resources/call-leg-profiles', () => ({
  callLegProfileQueries: {
    listAll: (params: object = {}) => ({ queryKey: ['clp', 'all', params], queryFn: () => mocks.listCallLegProfiles(params) }),
    usage: (id: string) => ({ queryKey: ['clp', id, 'usage'], queryFn: () => mocks.usage(id) }),
  },
}));
vi.mock('../../api/resources/call-profiles', () => ({
  callProfileQueries: {
    listAll: (params: object = {}) => ({ queryKey: ['cp', 'all', params], queryFn: () => mocks.listCallProfiles(params) }),
  },
}));
vi.mock('../../api/resources/system', () => ({
  systemQueries: { profiles: () => ({ queryKey: ['system', 'profiles'], queryFn: () => mocks.systemProfiles() }) },
}));

const usages: Record<string, CallLegProfileUsage['uses']> = {
  [SYSTEM]: [{ scope: 'global', id: undefined, coSpace: undefined }],
  [GUEST]: [
    { scope: 'tenant', id: 't1', coSpace: undefined },
    { scope: 'coSpace', id: 's1', coSpace: undefined },
    { scope: 'coSpace', id: 's2', coSpace: undefined },
  ],
  [HOST]: [
    { scope: 'accessMethod', id: 'a1', coSpace: 's1' },
    { scope: 'coSpaceUser', id: 'u1', coSpace: 's1' },
  ],
  [SPARE]: [],
};

function answer() {
  mocks.listCallLegProfiles.mockImplementation(async (params: { usageFilter?: string }) => {
    const items = [{ id: SYSTEM }, { id: GUEST, name: 'Guest', needsActivation: true, deactivationMode: 'deactivate', defaultLayout: 'speakerOnly' }, { id: HOST, needsActivation: false }, { id: SPARE }];
    const shown = params.usageFilter === 'referenced' ? items.filter((p) => usages[p.id]!.length > 0) : items;
    return { total: shown.length, items: shown };
  });
  mocks.usage.mockImplementation(async (id: string) => ({ id, total: usages[id]!.length, uses: usages[id] }));
  mocks.listCallProfiles.mockResolvedValue({
    total: 2,
    items: [
      { id: CALL_PROFILE, passcodeMode: 'timeout', passcodeTimeout: 5 },
      { id: OTHER_CALL_PROFILE, participantLimit: 1000 },
    ],
  });
  mocks.systemProfiles.mockResolvedValue({ callLegProfile: SYSTEM, callProfile: CALL_PROFILE });
}

function renderPage() {
  const router = createMemoryRouter([{ path: '/profiles', element: <ProfilesPage /> }], { initialEntries: ['/profiles'] });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

/** The table row whose first cell holds the id. */
function row(tableName: string, id: string) {
  const table = screen.getByRole('table', { name: tableName });
  const cell = within(table).getByText(id);
  const tr = cell.closest('tr');
  if (!tr) throw new Error(`no row for ${id}`);
  return within(tr);
}

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('the Profiles page', () => {
  it('says guest or host, where each callLegProfile is used, and marks the system defaults', async () => {
    answer();
    renderPage();

    await screen.findByRole('table', { name: 'callLegProfiles' });
    expect(row('callLegProfiles', GUEST).getByText('Guest (waits for a host)')).toBeTruthy();
    expect(row('callLegProfiles', GUEST).getByText('deactivate')).toBeTruthy();
    expect(row('callLegProfiles', GUEST).getByText('speakerOnly')).toBeTruthy();
    expect(row('callLegProfiles', HOST).getByText('Host (activator)')).toBeTruthy();
    expect(row('callLegProfiles', SYSTEM).getByText('not set (host by default)')).toBeTruthy();

    expect(await row('callLegProfiles', SYSTEM).findByText('system')).toBeTruthy();
    expect(await row('callLegProfiles', GUEST).findByText('tenant ×1, 2 spaces')).toBeTruthy();
    expect(await row('callLegProfiles', HOST).findByText('1 access method, 1 member')).toBeTruthy();
    expect(await row('callLegProfiles', SPARE).findByText('unused')).toBeTruthy();

    expect(await row('callLegProfiles', SYSTEM).findByText('System default')).toBeTruthy();
    expect(row('callLegProfiles', GUEST).queryByText('System default')).toBeNull();

    await screen.findByRole('table', { name: 'callProfiles' });
    expect(row('callProfiles', CALL_PROFILE).getByText('System default')).toBeTruthy();
    expect(row('callProfiles', CALL_PROFILE).getByText('timeout')).toBeTruthy();
    expect(row('callProfiles', CALL_PROFILE).getByText('5 s')).toBeTruthy();
    expect(row('callProfiles', OTHER_CALL_PROFILE).getByText('1000')).toBeTruthy();
    expect(row('callProfiles', OTHER_CALL_PROFILE).queryByText('System default')).toBeNull();
    expect(screen.getAllByText('System default')).toHaveLength(2);
  });

  it('asks for referenced profiles only when the filter is on', async () => {
    answer();
    const user = userEvent.setup();
    renderPage();
    await screen.findByText(SPARE);

    await user.click(screen.getByRole('switch', { name: 'Only profiles in use' }));
    expect(mocks.listCallLegProfiles).toHaveBeenLastCalledWith({ usageFilter: 'referenced' });
    expect(mocks.listCallProfiles).toHaveBeenLastCalledWith({ usageFilter: 'referenced' });
    await screen.findByRole('heading', { name: 'callLegProfiles (3)' });
    expect(screen.queryByText(SPARE)).toBeNull();
  });

  it('shows the error message when a list cannot be read', async () => {
    answer();
    mocks.listCallLegProfiles.mockRejectedValue(new Error('CMS answered 401 Unauthorized'));
    renderPage();

    expect((await screen.findByRole('alert')).textContent).toContain('CMS answered 401 Unauthorized');
    expect(await screen.findByRole('table', { name: 'callProfiles' })).toBeTruthy();
  });
});
