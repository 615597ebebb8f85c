import { execFile } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { accessMethodsOf, fill, injectFault, listAll, next, resetMock, spaceByUri } from './wizards-helpers';

// One mock CMS per server: these tests reset it, so they must not run beside each other.
test.describe.configure({ mode: 'serial' });
test.setTimeout(90_000);

test.beforeEach(async ({ request }) => {
  await resetMock(request);
});

const stepHeading = (page: Page, name: RegExp) => page.getByRole('heading', { level: 2, name });

async function applyAndVerify(page: Page, click: 'click' | 'dblclick' = 'click'): Promise<void> {
  await page.getByRole('button', { name: /^Apply \d+ change/ })[click]();
  await expect(page.getByRole('heading', { level: 2, name: 'Verify' })).toBeFocused({ timeout: 20_000 });
  await expect(page.getByText('Done: CMS holds what the wizard set')).toBeVisible();
}

test('a reload keeps the step and the values but never the PINs; one run per Apply; a rerun corrects that run', async ({ page, request }) => {
  await page.goto('/wizards/same-uri-two-pins');
  await next(page);
  await expect(page).toHaveURL(/[?&]step=space/);
  await fill(page, /^Space name/, 'Reload two');
  await fill(page, /^Space URI/, 'reload2.space');
  await fill(page, /^Space call ID/, '7201');
  await fill(page, /^Guest PIN/, '789');
  await next(page);
  await expect(page).toHaveURL(/[?&]step=access/);
  await expect(page.getByRole('textbox', { name: /^Host URI/ })).toHaveValue('reload2.space');
  await fill(page, /^Host call ID/, '7202');
  await fill(page, /^Host PIN/, '1234');

  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }));
  expect(stored).toContain('reload2.space');
  expect(stored).not.toMatch(/789|1234/);
  expect(page.url()).not.toMatch(/789|1234/);

  await page.reload();
  await expect(stepHeading(page, /Step 3 of 4: Host access method/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Host call ID/ })).toHaveValue('7202');
  await expect(page.getByRole('textbox', { name: /^Host PIN/ })).toHaveValue('');
  await expect(page.getByText(/PINs are never stored in the browser. Enter the Guest PIN and the Host PIN again/)).toBeVisible();

  await page.goBack();
  await expect(stepHeading(page, /Step 2 of 4: Space/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Space URI/ })).toHaveValue('reload2.space');
  await fill(page, /^Guest PIN/, '789');
  await page.goForward();
  await expect(stepHeading(page, /Step 3 of 4: Host access method/)).toBeVisible();
  await fill(page, /^Host PIN/, '1234');
  await expect(page.getByText(/PINs are never stored in the browser/)).toHaveCount(0);
  await next(page);
  await expect(page.getByRole('heading', { level: 3, name: 'API calls' })).toBeVisible({ timeout: 20_000 });
  await applyAndVerify(page, 'dblclick');

  const space = await spaceByUri(request, 'reload2.space');
  expect(space).toMatchObject({ name: 'Reload two', callId: '7201', passcode: '789' });
  const [method, ...others] = await accessMethodsOf(request, space?.id ?? '');
  expect(others).toEqual([]);
  expect(method).toMatchObject({ uri: 'reload2.space', callId: '7202', passcode: '1234' });
  expect((await listAll(request, 'callLegProfiles', 'callLegProfile')).filter((p) => p.id === space?.callLegProfile)).toHaveLength(1);

  // The host call ID corrected: that same access method changes, nothing is added.
  await page.getByRole('tab', { name: 'Host access method' }).click();
  await expect(page.getByText(new RegExp(`changes the host access method reload2\\.space / 7202 \\(${method?.id}\\) in place`))).toBeVisible();
  await fill(page, /^Host call ID/, '7203');
  await next(page);
  const calls = page.getByRole('region', { name: 'API calls' });
  await expect(calls.getByText(`PUT /api/v1/coSpaces/${space?.id}/accessMethods/${method?.id}`, { exact: true })).toBeVisible({ timeout: 20_000 });
  await applyAndVerify(page);
  expect(await accessMethodsOf(request, space?.id ?? '')).toEqual([{ ...method, callId: '7203' }]);
});

/** The copied commands, run the way an admin would: pasted into sh with their variables set. */
function runInShell(script: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('sh', ['-c', script], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env } }, (error, stdout, stderr) =>
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr }),
    );
  });
}

test('"Copy all as curl" runs as copied against this studio, and CMS then holds what the review showed', async ({ page, context, request }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/wizards/different-uris?step=space');
  await fill(page, /^Space name/, 'Curl one');
  await fill(page, /^Space URI/, 'curl1.space');
  await fill(page, /^Space call ID/, '7101');
  await next(page);
  await fill(page, /^Host URI/, 'curl1-host.space');
  await fill(page, /^Host call ID/, '7102');
  await fill(page, /^Host PIN/, '4321');
  await next(page);
  await expect(page.getByRole('heading', { level: 3, name: 'API calls' })).toBeVisible({ timeout: 20_000 });

  await page.getByRole('button', { name: 'Copy all as curl' }).click();
  const script = await page.evaluate(() => navigator.clipboard.readText());
  expect(script).not.toContain('4321');
  expect(script).not.toMatch(/\s-k\s/);
  const result = await runInShell(script, { CMS_USER: 'admin', CMS_PASSWORD: 'admin', HOST_PIN: '4321' });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);

  const space = await spaceByUri(request, 'curl1.space');
  expect(space).toMatchObject({ name: 'Curl one', callId: '7101', id: /SPACE_ID=(\S+)/.exec(result.stdout)?.[1] });
  const methods = await accessMethodsOf(request, space?.id ?? '');
  expect(methods).toEqual([expect.objectContaining({ uri: 'curl1-host.space', callId: '7102', passcode: '4321' })]);
});

test('one run at a time: while one tab applies a wizard, another tab of the browser cannot apply it', async ({ page, context, request }) => {
  const other = await context.newPage();
  for (const tab of [page, other]) {
    await tab.goto('/wizards/different-uris?step=space');
    await fill(tab, /^Space name/, 'Two tabs');
    await fill(tab, /^Space URI/, 'tabs1.space');
    await fill(tab, /^Space call ID/, '7501');
    await next(tab);
    await fill(tab, /^Host URI/, 'tabs1-host.space');
    await fill(tab, /^Host call ID/, '7502');
    await next(tab);
    await expect(tab.getByRole('button', { name: 'Apply 2 changes' })).toBeEnabled({ timeout: 20_000 });
  }
  // The first tab's first write takes effect and its answer never comes: that run stays in progress.
  await injectFault(request, { failWrite: { nth: 1, kind: 'applyThenHang' } });
  await page.getByRole('button', { name: 'Apply 2 changes' }).click();
  await expect(page.getByText('running…')).toBeVisible();

  await other.getByRole('button', { name: 'Apply 2 changes' }).click();
  await expect(other.getByRole('alert').filter({ hasText: 'Another tab is applying this wizard right now' })).toBeVisible();
  await expect(other.getByText('running…')).toHaveCount(0);
  expect((await listAll(request, 'coSpaces', 'coSpace', 'filter=tabs1.space')).map((s) => s.uri)).toEqual(['tabs1.space']);
  await other.close();
});
