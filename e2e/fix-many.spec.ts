import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { AUDIT } from '../src/mocks/cms/seeds/audit';

// Fix many from the Audit, then undo the batch from History, through npm start (proxy, in-process mock, the e2e journal).

const HEADERS = { 'X-Requested-By': 'cms-access-studio' };
const FIXED = [1, 2, 3, 4] as const;

async function mockControl(request: APIRequestContext, path: string, data: unknown) {
  const response = await request.post(`/mock-cms/${path}`, { data, headers: HEADERS });
  expect(response.ok(), await response.text()).toBe(true);
}

/** What CMS holds for the spaces the batch touches and every call leg profile, as raw XML. */
async function cmsState(request: APIRequestContext): Promise<string[]> {
  const get = async (path: string) => {
    const response = await request.get(`/api/v1/${path}`, { headers: HEADERS });
    expect(response.ok(), path).toBe(true);
    return response.text();
  };
  const out = [await get('callLegProfiles'), await get('callProfiles')];
  for (const n of FIXED) out.push(await get(`coSpaces/${AUDIT.space(n)}`), await get(`coSpaces/${AUDIT.space(n)}/accessMethods`));
  return out;
}

async function scanAllSpaces(page: Page, counts: string) {
  await page.goto('/audit');
  await page.getByRole('button', { name: 'Scan all spaces' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'mock: Scan complete' })).toContainText(`24 spaces: ${counts}`, { timeout: 60_000 });
}

test.afterEach(async ({ request }) => mockControl(request, 'reset', {}));

test('Fix many: scan, filter, export, fix four broken spaces with one pattern, rescan, undo the batch from History, rescan: CMS as before', async ({ page, request }) => {
  await mockControl(request, 'reset', { seed: 'audit' });
  const before = await cmsState(request);

  await scanAllSpaces(page, '12 fail, 3 check, 9 pass');
  await page.getByRole('button', { name: 'Fail', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^12 spaces$/ })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as CSV' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  expect(csv.trim().split('\r\n')).toHaveLength(13);

  for (const n of FIXED) await page.getByRole('checkbox', { name: `Select Audit 0${n}` }).check();
  await page.getByRole('button', { name: 'Fix selected (4)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fix 4 spaces with one pattern' });
  await dialog.getByRole('combobox', { name: 'Pattern' }).click();
  await page.getByRole('option', { name: 'One address, two PINs' }).click();
  await dialog.getByRole('button', { name: 'Plan 4 spaces (reads only)' }).click();

  const review = dialog.getByLabel('Fix review');
  await expect(review.getByRole('status')).toHaveText(
    '4 spaces: 4 ready, 0 fine already, 0 with conflicts. 10 writes: 2 × Create call leg profile, 4 × Change space, 4 × Create access method.',
  );
  // Host PINs are masked until revealed, and never a guest PIN (every seed PIN is 73xxxx).
  const audit1 = review.getByRole('row', { name: 'Space Audit 01' });
  await expect(audit1.getByLabel('PIN hidden')).toBeVisible();
  await audit1.getByRole('button', { name: 'Show PIN' }).click();
  await expect(audit1.getByLabel(/^PIN \d{4}$/)).toBeVisible();
  await expect(audit1).not.toContainText('730011');

  await dialog.getByRole('button', { name: 'Apply to 4 spaces (10 writes)' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Done: 4 fixed' })).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByRole('status')).toContainText('4 of 4 spaces done · 4 applied');
  const historyLink = dialog.getByRole('link', { name: 'This batch in History' });
  const batchUrl = await historyLink.getAttribute('href');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await scanAllSpaces(page, '8 fail, 3 check, 13 pass');

  await page.goto(batchUrl ?? '/history');
  await expect(page.getByRole('status').filter({ hasText: /^5 runs$/ })).toBeVisible();
  await page.getByRole('button', { name: 'Undo this batch' }).click();
  const undo = page.getByRole('dialog', { name: 'Undo this batch' });
  await expect(undo.getByRole('status')).toContainText('5 runs of this batch: 10 writes to undo');
  await undo.getByRole('button', { name: 'Undo the batch (10 writes)' }).click();
  await expect(undo.getByRole('alert').filter({ hasText: 'The batch is undone' })).toBeVisible({ timeout: 30_000 });
  await undo.getByRole('button', { name: 'Close' }).click();

  await scanAllSpaces(page, '12 fail, 3 check, 9 pass');
  expect(await cmsState(request)).toEqual(before);
});
