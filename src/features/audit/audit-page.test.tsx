// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse, passthrough } from 'msw';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAccessMethod, deleteAccessMethod } from '../../api/resources/spaces';
import { configureStudioClient } from '../../api/resources/studio-request';
import { AUDIT } from '../../mocks/cms/seeds/audit';
import { withMockCms } from '../../testing/mock-cms';
import { spawnStudio, type SpawnedStudio } from '../../testing/spawn-studio';
import { AuditPage } from './audit-page';

const { mock, server } = withMockCms();
let studio: SpawnedStudio;
const VIEW_HEIGHT = 800;

beforeAll(async () => {
  studio = await spawnStudio();
  configureStudioClient({ baseUrl: studio.url, retryDelayMs: 1 });
}, 60_000);
afterAll(async () => {
  configureStudioClient();
  await studio?.stop();
});
beforeEach(() => {
  server.use(
    http.all(`${studio.url}/*`, () => passthrough()),
    http.get('*/studio/connection', () => HttpResponse.json({ mode: 'mock' })),
  );
  // jsdom does no layout: give the result list's scroll container a height.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.hasAttribute('data-result-list') ? VIEW_HEIGHT : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return this.hasAttribute('data-result-list') ? 1200 : 0;
  });
});
afterEach(() => vi.restoreAllMocks());

function renderAudit() {
  const router = createMemoryRouter([{ path: '/audit', element: <AuditPage /> }], { initialEntries: ['/audit'] });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

/** Results come from the server after each change: allow a busy machine a few seconds. */
const eventually = (check: () => void) => waitFor(check, { timeout: 5_000 });

const rows = () => within(screen.getByRole('table', { name: 'Scan results' })).queryAllByRole('row').slice(1);
const names = () => rows().map((row) => within(row).getAllByRole('cell')[2]?.textContent ?? '');

async function scanAndWait(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Scan all spaces' }));
  return screen.findByText(/mock: Scan complete/, undefined, { timeout: 15_000 });
}

describe('Audit page against the mock CMS and a real scan store', () => {
  it('scans every space, lists them worst first, filters, compares a rescan and exports without a PIN', async () => {
    mock.reset('audit');
    const user = userEvent.setup();
    const router = renderAudit();
    expect(await screen.findByText('No scan yet: scan all spaces to see which are broken.')).toBeTruthy();

    const done = await scanAndWait(user);
    expect(done.textContent).toContain('24 spaces: 12 fail, 3 check, 9 pass');
    await eventually(() => expect(screen.getByText('24 spaces')).toBeTruthy());
    await eventually(() => expect(rows()).toHaveLength(24));
    const statuses = rows().map((row) => within(row).getAllByRole('cell')[1]?.textContent);
    expect(statuses.slice(0, 12).every((s) => s?.startsWith('Fail'))).toBe(true);
    expect(statuses.slice(12, 15).every((s) => s?.startsWith('Check'))).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Fail' }));
    await eventually(() => expect(screen.getByText('12 spaces')).toBeTruthy());
    expect(router.state.location.search).toBe('?status=fail');
    await user.click(screen.getByRole('combobox', { name: 'Finding' }));
    await user.click(await screen.findByRole('option', { name: /No way in for a host: guests wait forever \(9\)/ }));
    await eventually(() => expect(screen.getByText('9 spaces')).toBeTruthy());
    await user.click(screen.getByRole('combobox', { name: 'Tenant' }));
    await user.click(await screen.findByRole('option', { name: /Northwind/ }));
    await eventually(() => expect(names()).toEqual(['Audit 05', 'Audit 06', 'Audit 07', 'Audit 08']));

    // Between scans, Audit 01 gets a way in for hosts and Audit 16 loses its own.
    await createAccessMethod(AUDIT.space(1), { uri: 'audit.1.host', passcode: '739999', callLegProfile: AUDIT.callLegProfiles.host });
    await deleteAccessMethod(AUDIT.space(16), AUDIT.accessMethod(16));
    router.navigate('/audit');
    await scanAndWait(user);
    await waitFor(() => expect(screen.getByRole('button', { name: 'New since: 1' })).toBeTruthy(), { timeout: 10_000 });
    await user.click(screen.getByRole('button', { name: 'Fixed since: 1' }));
    await eventually(() => expect(names()).toEqual(['Audit 01']));
    expect(rows()[0]?.textContent).toContain('was Fail');
    await user.click(screen.getByRole('button', { name: 'New since: 1' }));
    await eventually(() => expect(names()).toEqual(['Audit 16']));

    const saved: Blob[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (blob: Blob) => (saved.push(blob), 'blob:audit'), revokeObjectURL: () => {} }));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.click(screen.getByRole('button', { name: 'Export as CSV' }));
    await eventually(() => expect(saved).toHaveLength(1));
    const csv = await saved[0]!.text();
    expect(csv.split('\r\n')[0]).toMatch(/^cluster,scan_id,scanned_at,space_id,name/);
    expect(csv).toContain('Audit 16');
    expect(csv).not.toMatch(/73\d{4}/);
  }, 60_000);
});
