import { expect, test } from '@playwright/test';
import { type SpawnedProxy, spawnProxy } from '../proxy/testing/spawn-proxy';
import { type SpawnedMock, spawnMockCms } from '../src/mocks/cms/testing/spawn-mock';

const PASSWORD = 'e2e-Pa55word';
let cms: SpawnedMock;
let proxy: SpawnedProxy;

test.beforeAll(async () => {
  cms = await spawnMockCms(['--tls'], { MOCK_CMS_USER: 'api-admin', MOCK_CMS_PASSWORD: PASSWORD });
  proxy = await spawnProxy({ CMS_URL: cms.url, CMS_CA_FILE: cms.caFile! });
});

test.afterAll(async () => {
  await proxy?.stop();
  await cms?.stop();
});

test('signs in through the form against the proxy and a TLS CMS, then lists spaces', async ({ page }) => {
  await page.goto(`${proxy.url}/spaces`);
  const dialog = page.getByRole('dialog', { name: 'Sign in to CMS' });
  await expect(dialog).toBeVisible();

  await dialog.getByLabel('User name').fill('api-admin');
  await dialog.getByLabel('Password').fill('wrong');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog.getByText('CMS refused this user name or password.')).toBeVisible();

  await dialog.getByLabel('Password').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`CMS: ${new URL(cms.url).host} as api-admin`)).toBeVisible();

  const table = page.getByRole('table', { name: 'Spaces' });
  await expect(table.getByRole('cell', { name: 'Guest.space', exact: true })).toBeVisible();
  await expect(page.getByText(/^11 spaces$/)).toBeVisible();
  await expect(table.getByRole('cell', { name: 'Acme lobby', exact: true })).toBeVisible();

  await page.getByLabel('Filter by name, URI, secondary URI or call ID').fill('GUESTPIN');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('cell', { name: 'guestpin.space', exact: true })).toBeVisible();

  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + location.href);
  expect(stored).not.toContain(PASSWORD);
  // The access log is written every 100 ms: wait for the last request's line, then look for the password.
  await expect.poll(() => proxy.output()).toContain('filter=GUESTPIN');
  expect(proxy.output()).not.toContain(PASSWORD);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(dialog).toBeVisible();
});
