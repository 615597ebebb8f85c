// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyChanges } from '../../api/changes/apply-changes';
import { listRuns } from '../../api/resources/journal';
import { configureStudioClient } from '../../api/resources/studio-request';
import { listAllCallLegProfiles } from '../../api/resources/call-leg-profiles';
import { getSpace } from '../../api/resources/spaces';
import { configureCmsClient } from '../../api/transport/cms-client';
import { LAB } from '../../testing/mock-cms';
import { spawnStudio, type SpawnedStudio } from '../../testing/spawn-studio';
import { RunDetailPage } from './run-detail';

let studio: SpawnedStudio;

beforeAll(async () => {
  studio = await spawnStudio({ journalInMemory: true });
  configureStudioClient({ baseUrl: studio.url, retryDelayMs: 1 });
  configureCmsClient({ baseUrl: studio.url, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
}, 60_000);

afterAll(async () => {
  configureStudioClient();
  configureCmsClient();
  await studio?.stop();
});

function renderRun(runId: string) {
  const router = createMemoryRouter([{ path: '/history/:runId', element: <RunDetailPage /> }], { initialEntries: [`/history/${runId}`] });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('Undo this run, from the journal the studio server keeps', () => {
  it('reads CMS first, shows what changed since as a conflict to skip or restore anyway, and applies the undo as a run linked to the one it undoes', async () => {
    const user = userEvent.setup();
    const origin = { kind: 'page', name: 'undo-ui-test' } as const;
    const made = await applyChanges({
      origin,
      title: 'Rename and add a profile',
      steps: [
        { key: 'space', title: 'Rename', operation: { op: 'updateSpace', space: LAB.coSpaces.guest, form: { name: 'Renamed once' }, before: { name: 'Guest.space' } } },
        { key: 'profile', title: 'Add a profile', operation: { op: 'createCallLegProfile', form: { name: 'Undo UI profile', needsActivation: false } }, creates: 'profile' },
      ],
    });
    expect(made.state).toBe('applied');
    await applyChanges({ origin, title: 'Someone else', steps: [{ key: 'space', title: 'Rename again', operation: { op: 'updateSpace', space: LAB.coSpaces.guest, form: { name: 'Renamed twice' }, before: { name: 'Renamed once' } } }] });

    renderRun(made.runId ?? '');
    await user.click(await screen.findByRole('button', { name: 'Undo this run' }));
    const review = await screen.findByRole('list', { name: 'Undo review' }, { timeout: 10_000 });
    const [profile, space] = within(review).getAllByRole('listitem');
    expect(profile?.textContent).toMatch(/will be undone.*Delete the call leg profile/);
    expect(space?.textContent).toMatch(/changed since the run.*name is now Renamed twice \(the run left Renamed once\)/);
    expect(screen.getByRole('button', { name: 'Apply undo (1 write)' })).toBeTruthy();

    await user.click(within(space as HTMLElement).getByRole('radio', { name: 'Restore anyway' }));
    await user.click(screen.getByRole('button', { name: 'Apply undo (2 writes)' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Undone: 2 writes applied.'), { timeout: 10_000 });

    expect((await getSpace(LAB.coSpaces.guest)).name).toBe('Guest.space');
    expect((await listAllCallLegProfiles()).items.some((p) => p.name === 'Undo UI profile')).toBe(false);
    const [newest] = (await listRuns({}, undefined, 1)).runs;
    expect(newest).toMatchObject({ origin: { kind: 'undo', undoesRunId: made.runId }, title: 'Undo: Rename and add a profile', state: 'applied' });
  }, 30_000);
});
