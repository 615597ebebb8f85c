// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { createCallLegProfile } from '../../api/resources/call-leg-profiles';
import { createAccessMethod, updateSpace } from '../../api/resources/spaces';
import { LAB, TEST_CMS_URL, withMockCms } from '../../testing/mock-cms';
import { ProfilesPage } from './profiles-page';

const { server } = withMockCms();

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
async function row(tableName: string, id: string) {
  const table = await screen.findByRole('table', { name: tableName });
  const cell = await within(table).findByText(id);
  const tr = cell.closest('tr');
  if (!tr) throw new Error(`no row for ${id}`);
  return within(tr);
}

afterEach(cleanup);

describe('the Profiles page, against the lab', () => {
  it('says guest or host, where each callLegProfile is used, and marks the system defaults', async () => {
    renderPage();
    expect((await row('callLegProfiles', LAB.callLegProfiles.guest)).getByText('Guest (waits for a host)')).toBeTruthy();
    expect((await row('callLegProfiles', LAB.callLegProfiles.guest)).getByText('deactivate')).toBeTruthy();
    expect((await row('callLegProfiles', LAB.callLegProfiles.host)).getByText('Host (activator)')).toBeTruthy();
    expect(await (await row('callLegProfiles', LAB.callLegProfiles.global)).findByText('system')).toBeTruthy();
    expect(await (await row('callLegProfiles', LAB.callLegProfiles.guest)).findByText('2 spaces')).toBeTruthy();
    expect(await (await row('callLegProfiles', LAB.callLegProfiles.host)).findByText('3 access methods')).toBeTruthy();
    expect((await row('callLegProfiles', LAB.callLegProfiles.global)).getByText('System default')).toBeTruthy();
    expect((await row('callProfiles', LAB.callProfiles.passcodeTimeout)).getByText('timeout')).toBeTruthy();
    expect((await row('callProfiles', LAB.callProfiles.passcodeTimeout)).getByText('5 s')).toBeTruthy();
    expect(screen.getAllByText('System default')).toHaveLength(1);
  });

  it('tells what a profile that leaves needsActivation unset inherits where it is used, not "host by default"', async () => {
    const layout = await createCallLegProfile({ defaultLayout: 'allEqual' });
    // On Guest.space the space's guest profile decides; on Cool Bridge Space nothing sets it, so CMS's default (host).
    await createAccessMethod(LAB.coSpaces.guest, { uri: 'guest.layout', passcode: '', callLegProfile: layout });
    await updateSpace(LAB.coSpaces.coolBridge, { callLegProfile: layout });
    renderPage();
    expect(await (await row('callLegProfiles', layout)).findByText('Not set: inherits guest on 1 use, host on 1 use')).toBeTruthy();
    expect(await (await row('callLegProfiles', LAB.callLegProfiles.global)).findByText('Not set: inherits host wherever it is used (1 use)')).toBeTruthy();
    expect(screen.queryByText(/host by default/)).toBeNull();
    expect(screen.getByText(/A profile attached below that leaves a parameter unset still takes that parameter from the levels above/)).toBeTruthy();
  });

  it('lists referenced profiles only when the filter is on', async () => {
    const spare = await createCallLegProfile({ name: 'Spare' });
    const user = userEvent.setup();
    renderPage();
    await row('callLegProfiles', spare);
    await user.click(screen.getByRole('switch', { name: 'Only profiles in use' }));
    await screen.findByRole('heading', { name: /^callLegProfiles \(\d+\)$/ });
    await within(await screen.findByRole('table', { name: 'callLegProfiles' })).findByText(LAB.callLegProfiles.guest);
    expect(screen.queryByText(spare)).toBeNull();
  });

  it('shows the error message when a list cannot be read', async () => {
    server.use(http.get(`${TEST_CMS_URL}/api/v1/callLegProfiles`, () => HttpResponse.text('', { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="acano"' } })));
    renderPage();
    expect((await screen.findByRole('alert')).textContent).toMatch(/401|user name or password|credentials/i);
    expect(await screen.findByRole('table', { name: 'callProfiles' })).toBeTruthy();
  });
});
