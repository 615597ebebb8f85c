import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import sirv from 'sirv';
import { SECURITY_HEADERS } from '../proxy/security-headers';
import { watchCsp } from './csp-watch';

let server: Server;
let url: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const out = mkdtempSync(join(tmpdir(), 'studio-demo-'));
  const root = join(import.meta.dirname, '..');
  const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'demo', '--outDir', out, '--logLevel', 'error'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);
  // Only static files: every /api/v1 answer must come from the service worker. A host that sets
  // the studio's security headers must not break it (the built page also carries the policy as <meta>).
  server = createServer(
    sirv(out, {
      single: true,
      setHeaders: (res) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      },
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

test('the static demo runs the mock CMS in a service worker, with no server behind it', async ({ page }) => {
  const violations = await watchCsp(page);
  const response = await page.goto(`${url}/spaces`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /script-src 'self'/);
  await expect(page.getByText('DEMO: mocked CMS')).toBeVisible();
  const table = page.getByRole('table', { name: 'Spaces' });
  await expect(table.getByRole('cell', { name: 'Guest.space', exact: true })).toBeVisible();
  await page.getByLabel('Filter by name, URI, secondary URI or call ID').fill('acme');
  await expect(table.getByRole('cell', { name: 'acme.lobby', exact: true })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('the static demo journals its writes in the tab, so a write goes through', async ({ page }) => {
  await page.goto(`${url}/user-spaces`);
  const find = page.getByRole('search', { name: 'Find a user’s space' });
  await find.getByLabel('User id').fill('stejanss.movi@steven.lab');
  await find.getByRole('button', { name: 'Find' }).click();
  const create = page.getByRole('form', { name: 'Create a user’s space' });
  await expect(create.getByLabel('URI user part')).toHaveValue('stejanss.movi');
  await create.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('dialog', { name: 'Create this space?' }).getByRole('button', { name: 'Create space' }).click();
  await expect(page.getByText(/^Created space “Steven Janssens” for stejanss\.movi@steven\.lab \(id [0-9a-f-]{36}\)/)).toBeVisible();
});
