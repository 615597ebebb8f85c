import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';

// "Simulate a dial-in" on a space's Live tab, through npm start (proxy + in-process mock, lab seed).
// The guide's spaces: seeds/guest-host-access-on-cms-spaces.md.

const HEADERS = { 'X-Requested-By': 'cms-access-studio' };
const SPACES = {
  guestPin: '22d9f4ca-8b88-4d11-bba9-e2a2f7428c46',
  global: '96d28acb-86c6-478d-b81a-a37ffb0adafc',
};

interface SimLeg {
  id: string;
  name: string;
  role: string;
  state: string;
}

test.beforeEach(async ({ request }) => {
  const reset = await request.post('/mock-cms/reset', { data: {}, headers: HEADERS });
  expect(reset.ok()).toBe(true);
});

async function openPanel(page: Page, spaceId: string): Promise<Locator> {
  await page.goto(`/spaces/${spaceId}/live`);
  const panel = page.getByRole('region', { name: 'Simulate a dial-in' });
  await expect(panel).toBeVisible();
  return panel;
}

const row = (panel: Locator, name: string) => panel.getByRole('table', { name: 'Simulated participants' }).getByRole('row', { name: new RegExp(name) });

async function legOf(request: APIRequestContext, spaceId: string, name: string): Promise<SimLeg> {
  const res = await request.get(`/mock-cms/simulate/spaces/${spaceId}`, { headers: HEADERS });
  const body = (await res.json()) as { call: { legs: SimLeg[] } | null };
  const leg = body.call?.legs.find((l) => l.name === name);
  if (!leg) throw new Error(`no leg named ${name}`);
  return leg;
}

/** What CMS itself says: GET /api/v1/callLegs/<id> → <status><deactivated>. */
async function cmsDeactivated(request: APIRequestContext, legId: string): Promise<string | undefined> {
  const res = await request.get(`/api/v1/callLegs/${legId}`, { headers: HEADERS });
  expect(res.status()).toBe(200);
  return /<deactivated>(\w+)<\/deactivated>/.exec(await res.text())?.[1];
}

test('guestpin.space: a blank-PIN guest waits in the lobby until the PIN 1234 host joins, and returns when the host leaves', async ({ page, request }) => {
  const panel = await openPanel(page, SPACES.guestPin);
  await expect(panel.getByText('Nobody is in this space’s call')).toBeVisible();

  await panel.getByRole('button', { name: 'guestpin.space · blank PIN (#)' }).click();
  await panel.getByLabel('Participant name').fill('Guest Gina');
  await panel.getByRole('button', { name: 'Dial', exact: true }).click();
  await expect(row(panel, 'Guest Gina').getByText('Lobby')).toBeVisible();
  await expect(panel.getByTestId('joined')).toContainText('With passcodeMode timeout (from the space level), 5 s of silence would do the same.');
  await expect(panel.getByTestId('joined')).toContainText('As predicted: Space URI guestpin.space, guest.');
  const guest = await legOf(request, SPACES.guestPin, 'Guest Gina');
  expect(guest.role).toBe('guest');
  expect(await cmsDeactivated(request, guest.id)).toBe('true');

  await panel.getByRole('button', { name: 'guestpin.space · PIN 1234' }).click();
  await panel.getByLabel('Participant name').fill('Host Hugo');
  await panel.getByRole('button', { name: 'Dial', exact: true }).click();
  await expect(row(panel, 'Host Hugo').getByText('Host', { exact: true })).toBeVisible();
  await expect(row(panel, 'Guest Gina').getByText('In conference')).toBeVisible();
  expect(await cmsDeactivated(request, guest.id)).toBe('false');
  const host = await legOf(request, SPACES.guestPin, 'Host Hugo');
  const trace = await (await request.get(`/api/v1/callLegs/${host.id}/callLegProfileTrace`, { headers: HEADERS })).text();
  expect(trace).toContain('scope="accessMethod"');

  await panel.getByRole('button', { name: 'Hang up Host Hugo' }).click();
  await expect(row(panel, 'Host Hugo')).toHaveCount(0);
  await expect(row(panel, 'Guest Gina').getByText('Lobby')).toBeVisible();
  expect(await cmsDeactivated(request, guest.id)).toBe('true');
  await expect(panel.getByRole('list', { name: 'Call Bridge log' })).toContainText(`call ${guest.id} ceasing to be deactivated`);
});

test('a wrong PIN is refused on the PIN field; a member signing in to Global is the host', async ({ page, request }) => {
  let panel = await openPanel(page, SPACES.guestPin);
  await panel.getByLabel('URI').fill('guestpin.space');
  await panel.getByLabel('PIN').fill('9999');
  await panel.getByRole('button', { name: 'Dial', exact: true }).click();
  await expect(panel.getByLabel('PIN')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByText(/^PIN not accepted/)).toBeVisible();
  const calls = await request.get('/api/v1/calls', { headers: HEADERS });
  expect(await calls.text()).toContain('total="0"');

  panel = await openPanel(page, SPACES.global);
  await panel.getByRole('button', { name: 'Call ID 1234 · blank PIN (#)' }).click();
  await panel.getByLabel('Participant name').fill('Visitor');
  await panel.getByRole('button', { name: 'Dial', exact: true }).click();
  await expect(row(panel, 'Visitor').getByText('Lobby')).toBeVisible();

  await panel.getByRole('button', { name: 'Member signs in' }).click();
  await expect(panel.getByLabel('Member', { exact: true })).toHaveValue('user1@evacanoalone.net');
  await panel.getByRole('button', { name: 'Sign in and join' }).click();
  await expect(row(panel, 'User One').getByText('Host', { exact: true })).toBeVisible();
  await expect(row(panel, 'Visitor').getByText('In conference')).toBeVisible();
  const member = await legOf(request, SPACES.global, 'User One');
  const trace = await (await request.get(`/api/v1/callLegs/${member.id}/callLegProfileTrace`, { headers: HEADERS })).text();
  expect(trace).toContain('scope="coSpaceUser"');
});

test('the proxy serves the simulation to its own origin only', async ({ request }) => {
  const foreign = await request.post('/mock-cms/simulate/dial-in', {
    data: { uri: 'guest.space' },
    headers: { ...HEADERS, Origin: 'http://evil.example' },
  });
  expect(foreign.status()).toBe(403);
  const own = await request.post('/mock-cms/simulate/dial-in', { data: { uri: 'guest.space' }, headers: HEADERS });
  expect(own.status()).toBe(200);
  expect(((await own.json()) as { leg: SimLeg }).leg).toMatchObject({ role: 'guest', state: 'lobby' });
});
