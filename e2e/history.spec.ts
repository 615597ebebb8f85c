import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';

const HEADERS = { 'X-Requested-By': 'cms-access-studio', 'Content-Type': 'application/json' };

/** What the change engine will do for a one-write run, through the journal's HTTP API. */
async function recordRun(request: APIRequestContext, title: string, spaceLabel: string, pin: string) {
  const id = randomUUID();
  const spaceId = randomUUID();
  const post = async (path: string, data: unknown) => {
    const response = await request.post(`/studio/journal${path}`, { headers: HEADERS, data });
    expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  };
  await post('/runs', { id, origin: { kind: 'wizard', name: 'scenario-2' }, title, spaces: [{ id: spaceId, label: spaceLabel }] });
  await post(`/runs/${id}/writes`, {
    seq: 1,
    operation: { kind: 'createAccessMethod', json: { space: spaceId, form: { uri: `${spaceLabel}.host`, passcode: pin } } },
    method: 'POST',
    path: `/api/v1/coSpaces/${spaceId}/accessMethods`,
    form: { uri: `${spaceLabel}.host`, passcode: pin },
    objectKind: 'accessMethod',
    spaceId,
    before: null,
    after: { uri: `${spaceLabel}.host`, passcode: pin },
  });
  await post(`/runs/${id}/writes/1/outcome`, { outcome: 'applied', status: 200, objectId: randomUUID() });
  await post(`/runs/${id}/finish`, { state: 'applied' });
  return id;
}

test('History: a recorded run is listed after a reload, its passcode masked until revealed and in every export', async ({ page, request }) => {
  const label = `e2e-${randomUUID().slice(0, 8)}`;
  const pin = String(10_000 + Math.floor(Math.random() * 89_999));
  const title = `Host PIN on ${label}`;
  await recordRun(request, title, label, pin);

  await page.goto('/history');
  await page.reload();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'History', exact: true }).click();
  await page.getByRole('textbox', { name: 'Space' }).fill(label);
  const runs = page.getByRole('list', { name: 'Runs, newest first' });
  await expect(runs.getByRole('listitem')).toHaveCount(1);
  await runs.getByRole('link', { name: new RegExp(title) }).click();

  const write = page.getByRole('region', { name: 'Write 1' });
  await expect(write.getByLabel('Form as sent')).toHaveText(`uri=${label}.host&passcode=*****`);
  await expect(write.getByText('Applied (200)')).toBeVisible();
  await expect(page.locator('main')).not.toContainText(pin);
  await page.getByLabel('Reveal passcodes').check();
  await expect(write.getByLabel('Form as sent')).toHaveText(`uri=${label}.host&passcode=${pin}`);

  for (const format of ['JSON', 'CSV']) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: `Export run as ${format}` }).click();
    const file = await readFile(await (await download).path(), 'utf8');
    expect(file).toContain(title);
    expect(file).toContain('passcode');
    expect(file).toContain('*****');
    expect(file).not.toContain(pin);
  }
});

test('History has no axe violations, with a run open', async ({ page, request }) => {
  const label = `axe-${randomUUID().slice(0, 8)}`;
  await recordRun(request, `Axe check on ${label}`, label, '97531');
  await page.goto(`/history?space=${label}`);
  await page.getByRole('list', { name: 'Runs, newest first' }).getByRole('link').first().click();
  await expect(page.getByRole('region', { name: 'Write 1' })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.screenshot({ path: 'test-results/history.png', fullPage: true });
});
