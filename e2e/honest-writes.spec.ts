import { expect, test } from '@playwright/test';
import { fill, HEADERS, injectFault, listAll, next, resetMock, snapshotCms } from './wizards-helpers';

// One mock CMS per server: this test resets it and injects faults into it.
test.describe.configure({ mode: 'serial' });
test.setTimeout(90_000);

test.beforeEach(async ({ request }) => {
  await resetMock(request);
});

test('a lost answer is settled by a read, and the roll back says CMS is as it was only once reads proved it', async ({ page, request }) => {
  await page.goto('/wizards/different-uris');
  await next(page);
  await fill(page, /^Space name/, 'Lossy lobby');
  await fill(page, /^Space URI/, 'lossy.lobby');
  await fill(page, /^Space call ID/, '7101');
  await next(page);
  await fill(page, /^Host URI/, 'lossy.host');
  await fill(page, /^Host call ID/, '7102');
  await next(page);
  await expect(page.getByRole('heading', { level: 2, name: /Review and apply/ })).toBeVisible();

  const before = await snapshotCms(request);

  // CMS creates the space but its answer is a 503: the wizard must find the space by reading, never POST it again.
  // Then CMS refuses the host access method, so the run stops and offers its roll back.
  await expect(page.getByRole('heading', { level: 3, name: /^\d+\. Add the host access method/ })).toBeVisible({ timeout: 20_000 });
  const headings = await page.getByRole('heading', { level: 3, name: /^\d+\. / }).allTextContents();
  const spaceWrite = headings.findIndex((h) => /Create the space/.test(h)) + 1;
  const hostWrite = headings.findIndex((h) => /Add the host access method/.test(h)) + 1;
  expect(spaceWrite).toBeGreaterThan(0);
  expect(hostWrite).toBeGreaterThan(spaceWrite);
  await injectFault(request, {
    failWrite: [
      { nth: spaceWrite, kind: 'applyThenStatus', status: 503 },
      { nth: hostWrite, status: 400, code: 'duplicateCoSpaceId' },
    ],
  });
  await page.getByRole('button', { name: /^Apply \d+ change/ }).click();

  const stopped = page.getByRole('alert').filter({ hasText: 'Stopped' });
  await expect(stopped).toContainText('Add the host access method', { timeout: 20_000 });
  const lost = page.getByRole('list', { name: 'Lost answers and what reading CMS showed' });
  await expect(lost).toContainText(/Create the space.*answer was lost.*A read of GET \/api\/v1\/coSpaces showed it took effect: The coSpace with uri=lossy\.lobby.* exists/);
  const created = (await listAll(request, 'coSpaces', 'coSpace', 'filter=lossy.lobby')).filter((s) => s.uri === 'lossy.lobby');
  expect(created).toHaveLength(1);

  // The roll back's first write (deleting the space) is refused: reads did not prove CMS is as before, so the screen must not say it.
  await injectFault(request, { failWrite: { nth: 1, status: 400, code: 'databaseNotReady' } });
  await page.getByRole('button', { name: 'Roll back' }).click();
  const result = page.getByRole('status').filter({ hasText: 'Rolled back' });
  await expect(result).toContainText('Rolled back in part: CMS still differs from before this run', { timeout: 20_000 });
  await expect(result).not.toContainText('CMS is as it was');
  await expect(page.getByRole('list', { name: 'Differences from before this run' })).toContainText(created[0]?.id ?? 'no id');
  expect(await snapshotCms(request)).not.toBe(before);

  await result.getByRole('button', { name: 'Retry the roll back' }).click();
  await expect(result).toContainText('Rolled back: CMS is as it was before this run', { timeout: 20_000 });
  expect(await snapshotCms(request)).toBe(before);

  // The journal holds the run: the lost answer with the read that settled it, and the proved roll back.
  const runs = await request.get('/studio/journal/runs?limit=1', { headers: HEADERS });
  const [run] = ((await runs.json()) as { runs: Array<{ id: string; state: string }> }).runs;
  expect(run?.state).toBe('rolled-back');
  const detail = (await (await request.get(`/studio/journal/runs/${run?.id}`, { headers: HEADERS })).json()) as { writes: Array<Record<string, unknown>> };
  expect(JSON.stringify(detail.writes)).toContain('took-effect');
});
