import { expect, test, type APIRequestContext } from '@playwright/test';
import { LAB } from '../src/mocks/cms/seeds/lab';

const HEADERS = { 'X-Requested-By': 'cms-access-studio' };

async function post(request: APIRequestContext, path: string, form: Record<string, string>): Promise<string> {
  const response = await request.post(path, { form, headers: HEADERS });
  expect(response.status(), await response.text()).toBe(200);
  const location = response.headers()['location'] ?? '';
  return location.split('/').pop() ?? '';
}

const matrixCell = (page: import('@playwright/test').Page, param: string, column: string) =>
  page.getByRole('table', { name: 'Resolution matrix' }).locator(`td[data-param="${param}"][data-column="${column}"]`);

test.beforeEach(async ({ request }) => {
  const reset = await request.post('/mock-cms/reset', { data: {}, headers: HEADERS });
  expect(reset.ok()).toBe(true);
});

test('filter the spaces, open Guest.space and read who is host on its Profiles tab', async ({ page }) => {
  await page.goto('/spaces');
  const table = page.getByRole('table', { name: 'Spaces' });
  await expect(table.getByRole('cell', { name: 'Guest.space', exact: true })).toBeVisible();

  await page.getByLabel('Filter by name, URI, secondary URI or call ID').fill('guest');
  await expect(page.getByText('2 spaces matching “guest”')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(3);
  await table.getByRole('cell', { name: 'Guest.space', exact: true }).click();

  await expect(page).toHaveURL(`/spaces/${LAB.coSpaces.guest}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Guest.space' })).toBeVisible();
  await page.getByRole('tab', { name: 'Profiles' }).click();
  await expect(page).toHaveURL(`/spaces/${LAB.coSpaces.guest}/profiles`);

  await expect(page.getByTestId('space-summary')).toContainText('hosts: 1 access method');
  await expect(matrixCell(page, 'needsActivation', 'coSpace')).toContainText('true');
  const host = matrixCell(page, 'needsActivation', `accessMethod:${LAB.accessMethods.host}`);
  await expect(host.getByLabel('in force')).toHaveText(/in force\s*false\s*access method/i);
  await expect(host).toHaveAttribute('data-scope', 'accessMethod');
  await expect(page.getByRole('article', { name: 'Access method host.space' })).toContainText('host.space@example.com');

  await page.getByLabel('Only parameters that differ between paths').check();
  await expect(page.getByRole('table', { name: 'Resolution matrix' }).locator('tbody tr[data-param]')).toHaveCount(3);
});

test('Acme lobby inherits needsActivation from its tenant on its own URI', async ({ page }) => {
  await page.goto(`/spaces/${LAB.coSpaces.tenantLobby}/profiles`);
  const uriPath = matrixCell(page, 'needsActivation', 'space:uri');
  await expect(uriPath).toHaveAttribute('data-scope', 'tenant');
  await expect(uriPath.getByLabel('in force')).toHaveText(/in force\s*true\s*tenant/i);
  await expect(matrixCell(page, 'needsActivation', 'tenant')).toContainText('true');
  await expect(page.getByRole('table', { name: 'Resolution matrix' }).getByRole('columnheader', { name: /Tenant Acme/ })).toBeVisible();
  await expect(matrixCell(page, 'needsActivation', `accessMethod:${LAB.accessMethods.tenantHost}`)).toHaveAttribute('data-scope', 'accessMethod');
});

test('Global: the signed-in member is a host', async ({ page }) => {
  await page.goto(`/spaces/${LAB.coSpaces.global}/profiles`);
  const member = page.getByRole('article', { name: 'Member user1@evacanoalone.net' });
  await expect(member.getByText('host', { exact: true })).toBeVisible();
  const cell = matrixCell(page, 'needsActivation', `member:${LAB.coSpaceUsers.globalUser1}`);
  await expect(cell.getByLabel('in force')).toHaveText(/in force\s*false\s*member/i);
});

test('a space with only the guest profile and no access method: the no-host finding links to the wizard', async ({ page, request }) => {
  const id = await post(request, '/api/v1/coSpaces', { name: 'E2E lonely lobby', uri: 'e2e.lonely', callId: '7007', callLegProfile: LAB.callLegProfiles.guest });
  const created = await request.get(`/api/v1/coSpaces/${id}`, { headers: HEADERS });
  expect(await created.text()).toContain(`<callLegProfile>${LAB.callLegProfiles.guest}</callLegProfile>`);

  await page.goto(`/spaces/${id}/profiles`);
  const finding = page.locator('[data-finding="no-host-path"]');
  await expect(finding).toContainText('No way in for a host');
  const fix = finding.getByRole('link', { name: /^Fix/ });
  await expect(fix).toHaveAttribute('href', `/wizards/different-uris?space=${id}&step=access`);
  await fix.click();
  await expect(page).toHaveURL(`/wizards/different-uris?space=${id}&step=access`);
});

test('overview: properties, raw XML of the space, a copyable deep link; an unknown id', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/spaces/${LAB.coSpaces.guest}`);
  await expect(page.getByRole('table', { name: 'Access methods' }).getByRole('cell', { name: 'host.space', exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Profiles referenced' })).toContainText(LAB.callLegProfiles.host);

  await page.getByRole('button', { name: 'Show XML of the space' }).click();
  await expect(page.getByRole('region', { name: `XML of GET /api/v1/coSpaces/${LAB.coSpaces.guest}` })).toContainText('<name>Guest.space</name>');

  await page.getByRole('button', { name: 'Copy link to this page' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`/spaces/${LAB.coSpaces.guest}`, page.url()).href);

  await page.goto('/spaces/00000000-0000-4000-8000-000000000000/profiles');
  await expect(page.getByRole('heading', { level: 1, name: 'This space does not exist on this CMS' })).toBeVisible();
});

test('troubleshoot runs the checklist; live shows a call leg beside its prediction', async ({ page, request }) => {
  await page.goto(`/spaces/${LAB.coSpaces.guest}/troubleshoot`);
  const checklist = page.getByRole('list', { name: 'Checklist' });
  await expect(checklist.locator('[data-step]')).toHaveCount(5);
  await expect(checklist.locator('[data-step="accessMethods"]')).toHaveAttribute('data-status', 'pass');
  await expect(checklist.locator('[data-step="accessMethods"]')).toContainText('Access method host.space (call ID 888, no PIN): callLegProfile 7306d2c1…');
  // Its owner is no member: a note on the members step, and the verdict stays Pass, as on the Profiles tab.
  await expect(checklist.locator('[data-step="members"]')).toHaveAttribute('data-status', 'info');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'pass');
  await page.getByRole('tab', { name: 'Profiles' }).click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'pass');
  await page.getByRole('tab', { name: 'Troubleshoot' }).click();
  const requests = checklist.locator('[data-step="accessMethods"]').getByRole('list', { name: 'Requests' });
  await requests.getByRole('button', { name: `Show XML of GET /api/v1/coSpaces/${LAB.coSpaces.guest}/accessMethods/${LAB.accessMethods.host}` }).click();
  await expect(requests.getByRole('region', { name: `XML of GET /api/v1/coSpaces/${LAB.coSpaces.guest}/accessMethods/${LAB.accessMethods.host}` })).toContainText(
    '<uri>host.space</uri>',
  );

  const callId = await post(request, '/api/v1/calls', { coSpace: LAB.coSpaces.guest });
  await post(request, `/api/v1/calls/${callId}/callLegs`, { remoteParty: 'desk.ex90@example.com' });
  await page.getByRole('tab', { name: 'Live' }).click();
  await expect(page.getByRole('heading', { name: 'desk.ex90@example.com' })).toBeVisible();
  await expect(page.getByText('CMS applies exactly what we predicted for this way in.')).toBeVisible();
});

test('a page load asks for nothing missing and warns about no HydrateFallback; Live calls link to the space, with role and lobby per leg', async ({ page, request }) => {
  const missing: string[] = [];
  const warnings: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
  });
  const callId = await post(request, '/api/v1/calls', { coSpace: LAB.coSpaces.guest });
  await post(request, `/api/v1/calls/${callId}/callLegs`, { remoteParty: 'desk.ex90@example.com' });

  await page.goto('/calls');
  await page.getByRole('button', { name: /^Call / }).first().click();
  const legs = page.getByRole('table', { name: `Legs of call ${callId}` });
  const leg = legs.getByRole('row').filter({ hasText: 'desk.ex90@example.com' });
  await expect(leg.getByText('Guest', { exact: true })).toBeVisible();
  await expect(leg.getByText(/^In the (lobby|conference)$/)).toBeVisible();
  await page.getByRole('link', { name: '“Guest.space”' }).click();
  await expect(page).toHaveURL(`/spaces/${LAB.coSpaces.guest}/live`);

  expect(warnings.filter((w) => /HydrateFallback|favicon/i.test(w))).toEqual([]);
  expect(missing).toEqual([]);
  const favicon = await request.get('/favicon.ico');
  expect(favicon.status()).toBe(200);
  expect([...(await favicon.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  expect((await request.get('/favicon.svg')).headers()['content-type']).toBe('image/svg+xml');
});
