// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { beginRun, finishRun, recordIntent, recordOutcome } from '../../api/resources/journal';
import { configureStudioClient } from '../../api/resources/studio-request';
import { spawnStudio, type SpawnedStudio } from '../../testing/spawn-studio';
import { HistoryPage } from './history-page';
import { RunDetailPage } from './run-detail';

const VIEW_HEIGHT = 640;
let studio: SpawnedStudio;

async function seedRun(title: string, space: { id: string; label: string }, pin?: string) {
  const runId = await beginRun({ kind: 'wizard', name: 'scenario-2' }, title, [space]);
  if (pin) {
    await recordIntent(runId, {
      seq: 1,
      operation: { kind: 'createAccessMethod', json: { space: space.id, form: { uri: 'host.space', passcode: pin } } },
      method: 'POST',
      path: `/api/v1/coSpaces/${space.id}/accessMethods`,
      form: { uri: 'host.space', passcode: pin },
      objectKind: 'accessMethod',
      spaceId: space.id,
      before: null,
      after: { uri: 'host.space', passcode: pin },
    });
    await recordOutcome(runId, 1, { outcome: 'applied', status: 200, objectId: 'am-1' });
  }
  await finishRun(runId, 'applied');
  return runId;
}

beforeAll(async () => {
  studio = await spawnStudio();
  configureStudioClient({ baseUrl: studio.url, retryDelayMs: 1 });
  await seedRun('Oldest: guest and host URIs', { id: 'sp-old', label: 'guest.space' });
  await seedRun('Host PIN on guestpin.space', { id: 'sp-pin', label: 'guestpin.space' }, '8642');
  await seedRun('Newest: members as hosts', { id: 'sp-new', label: 'global.space' });
}, 60_000);

afterAll(async () => {
  configureStudioClient();
  await studio?.stop();
});

beforeEach(() => {
  // jsdom does no layout: give the run list's scroll container a height.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.hasAttribute('data-run-list') ? VIEW_HEIGHT : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return this.hasAttribute('data-run-list') ? 600 : 0;
  });
});
afterEach(() => vi.restoreAllMocks());

function renderHistory(path = '/history') {
  const router = createMemoryRouter(
    [{ path: '/history', element: <HistoryPage />, children: [{ path: ':runId', element: <RunDetailPage /> }] }],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

const titles = () => within(screen.getByRole('list', { name: 'Runs, newest first' })).getAllByRole('listitem').map((item) => item.textContent ?? '');

describe('History page against the real journal', () => {
  it('lists the recorded runs newest first, and narrows them by space', async () => {
    const user = userEvent.setup();
    renderHistory();
    await waitFor(() => expect(titles()).toHaveLength(3), { timeout: 5_000 });
    expect(titles().map((t) => t.split(/Applied/)[0])).toEqual(['Newest: members as hosts', 'Host PIN on guestpin.space', 'Oldest: guest and host URIs']);
    expect(screen.getByText('3 runs')).toBeTruthy();

    await user.type(screen.getByRole('textbox', { name: 'Space' }), 'GUESTPIN');
    await waitFor(() => expect(titles()).toHaveLength(1), { timeout: 3000 });
    expect(titles()[0]).toContain('Host PIN on guestpin.space');
    expect(screen.getByText('1 run')).toBeTruthy();
  });

  it('shows a run’s request with the passcode masked until it is revealed', async () => {
    const user = userEvent.setup();
    const router = renderHistory();
    await waitFor(() => expect(titles()).toHaveLength(3), { timeout: 5_000 });
    await user.click(screen.getByRole('link', { name: /Host PIN on guestpin\.space/ }));
    expect(router.state.location.pathname).toMatch(/^\/history\/[0-9a-f-]{36}$/);

    const write = await screen.findByRole('region', { name: 'Write 1' });
    expect(within(write).getByText('POST /api/v1/coSpaces/sp-pin/accessMethods')).toBeTruthy();
    expect(within(write).getByLabelText('Form as sent').textContent).toBe('uri=host.space&passcode=*****');
    expect(within(write).getByText('Applied (200)')).toBeTruthy();
    expect(document.body.textContent).not.toContain('8642');

    await act(() => user.click(screen.getByLabelText('Reveal passcodes')));
    await waitFor(() => expect(screen.getByLabelText('Form as sent').textContent).toBe('uri=host.space&passcode=8642'));
    const values = within(screen.getByRole('table', { name: 'Values before and after' }));
    expect(values.getByRole('row', { name: /passcode/ }).textContent).toContain('8642');
    expect(values.getByRole('row', { name: /passcode/ }).textContent).toContain('(did not exist)');
  });
});
