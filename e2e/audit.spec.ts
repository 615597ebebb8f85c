import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { AUDIT } from '../src/mocks/cms/seeds/audit';

// The fleet audit through npm start (proxy, in-process mock, the e2e studio's own journal database).

const HEADERS = { 'X-Requested-By': 'cms-access-studio' };

async function mockControl(request: APIRequestContext, path: string, data: unknown) {
  const response = await request.post(`/mock-cms/${path}`, { data, headers: HEADERS });
  expect(response.ok(), await response.text()).toBe(true);
}

async function scanAllSpaces(page: Page) {
  await page.getByRole('button', { name: 'Scan all spaces' }).click();
  await expect(page.getByRole('progressbar', { name: 'Scan progress of mock' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /of 24 spaces/ })).toBeVisible();
  return page.getByRole('alert').filter({ hasText: 'mock: Scan complete' });
}

const resultNames = (page: Page) => page.getByRole('table', { name: 'Scan results' }).getByRole('row').locator('td:nth-child(3)');

test.afterEach(async ({ request }) => mockControl(request, 'reset', {}));

test('Audit: scan the fleet, filter by verdict, compare a rescan after a change and export it without a PIN', async ({ page, request }) => {
  await mockControl(request, 'reset', { seed: 'audit' });
  // Slow answers, so the progress is there to see, and three 503s the scan must back off from and get past.
  await mockControl(request, 'faults', { latencyMs: 100, busy: 3 });

  await page.goto('/audit');
  const first = await scanAllSpaces(page);
  await expect(first).toContainText('24 spaces: 12 fail, 3 check, 9 pass', { timeout: 60_000 });
  await expect(page.getByRole('progressbar', { name: 'Scan progress of mock' })).toBeHidden();

  await page.getByRole('button', { name: 'Fail', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^12 spaces$/ })).toBeVisible();
  await expect(page).toHaveURL(/status=fail/);
  await expect(resultNames(page)).toHaveCount(12);

  // Between the scans Audit 01 gets a way in for hosts, and Audit 16 loses its own.
  const added = await request.post(`/api/v1/coSpaces/${AUDIT.space(1)}/accessMethods`, {
    headers: HEADERS,
    form: { uri: 'audit.1.host', passcode: '731999', callLegProfile: AUDIT.callLegProfiles.host },
  });
  expect(added.status(), await added.text()).toBe(200);
  const removed = await request.delete(`/api/v1/coSpaces/${AUDIT.space(16)}/accessMethods/${AUDIT.accessMethod(16)}`, { headers: HEADERS });
  expect(removed.status()).toBe(200);

  await page.goto('/audit');
  const second = await scanAllSpaces(page);
  await expect(second).toContainText('24 spaces: 12 fail, 3 check, 9 pass', { timeout: 60_000 });
  const comparison = page.getByRole('region', { name: 'Comparison' });
  await comparison.getByRole('button', { name: 'Fixed since: 1' }).click();
  await expect(resultNames(page)).toHaveText(['Audit 01']);
  await expect(page.getByRole('table', { name: 'Scan results' })).toContainText('was Fail');
  await comparison.getByRole('button', { name: 'New since: 1' }).click();
  await expect(resultNames(page)).toHaveText(['Audit 16']);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as CSV' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  const [header, ...lines] = csv.trim().split('\r\n');
  expect(header).toMatch(/^cluster,scan_id,scanned_at,space_id,name/);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('Audit 16');
  // Every PIN of the seed, and the one added above, is six digits starting 73.
  expect(csv).not.toMatch(/\b73\d{4}\b/);
});
