import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { LAB } from '../src/mocks/cms/seeds/lab';

const HEADERS = { 'X-Requested-By': 'cms-access-studio' };

test.beforeEach(async ({ request }) => {
  const reset = await request.post('/mock-cms/reset', { data: {}, headers: HEADERS });
  expect(reset.ok()).toBe(true);
});

async function find(page: Page, query: string, pin = '') {
  const search = page.getByRole('search', { name: 'Find a space' });
  await search.getByLabel('Dialled or typed').fill(query);
  await search.getByLabel('PIN (optional)').fill(pin);
  await search.getByRole('button', { name: 'Find' }).click();
}

test('find a space by an access method’s URI as dialled, and open it', async ({ page }) => {
  await page.goto('/spaces');
  await find(page, 'sip:Host.Space@example.com');
  const card = page.getByRole('article', { name: 'Space Guest.space' });
  await expect(card.getByLabel('Dialled answer')).toContainText('Joins as host through Access method host.space (call ID 888, no PIN)');
  await expect(card).toContainText('At the PIN prompt: No PIN is asked: only Access method host.space (call ID 888, no PIN) answers host.space, without a PIN.');
  await expect(card).toContainText('owner Guest@cms.steven.lab');
  await expect(card).toContainText('Found by a URI (uriUsageQuery');

  // The space's own URI, typed as support staff paste it: a guest, who waits for a host.
  await find(page, 'sip:GUEST.space@example.com');
  await expect(card.getByLabel('Dialled answer')).toContainText('Joins as guest through Space URI guest.space');
  await expect(card).toContainText('Waits in the lobby');
  await card.getByRole('link', { name: 'Guest.space' }).click();
  await expect(page).toHaveURL(`/spaces/${LAB.coSpaces.guest}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Guest.space' })).toBeVisible();
});

test('find a space by a call ID with a PIN, and read every PIN on it', async ({ page }) => {
  await page.goto('/spaces');
  await find(page, '1234 PIN 12345');
  const global = page.getByRole('article', { name: 'Space Global' });
  await expect(global.getByLabel('Dialled answer')).toContainText('Joins as host through Access method global (call ID 1234, PIN 12345)');
  await expect(global).toContainText('Found by its own call ID (coSpaces filter)');
  const pins = global.getByRole('list', { name: 'PINs on call ID 1234' });
  await expect(pins.getByRole('listitem')).toHaveText([/^# alone \(a blank PIN\) →\s*guest\s*Call ID 1234$/, /^PIN 12345 →\s*host\s*Access method global/]);
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // No PIN: Global sets no passcodeMode, so the IVR waits for one (or # for the guest way in).
  await find(page, '1234');
  await expect(global.getByLabel('Dialled answer')).toContainText('The IVR keeps waiting for a PIN on call ID 1234');

  // The PIN field does the same as "PIN" in the search; guestpin.space shares its URI between a blank and a set PIN.
  await find(page, 'guestpin.space', '1234');
  await expect(page.getByRole('article', { name: 'Space Guest/Host PIN' }).getByLabel('Dialled answer')).toContainText('Joins as host');

  // A call ID only an access method has: CMS routes it, but no CMS query names the space.
  await find(page, '888');
  await expect(page.getByText('CMS routes call ID 888 (accessQuery answers for it), but no space has it as its own call ID')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(0);

  await find(page, '888', 'x');
  await expect(page.getByText('A PIN is digits, or # for a blank PIN.')).toBeVisible();
});

test('find every space a member JID belongs to, with the role they join with', async ({ page, request }) => {
  // user1 also joins Guest.space, as a member with no profile of their own: the space's guest profile applies.
  const added = await request.post(`/api/v1/coSpaces/${LAB.coSpaces.guest}/coSpaceUsers`, { form: { userJid: 'user1@evacanoalone.net' }, headers: HEADERS });
  expect(added.status()).toBe(200);

  await page.goto('/spaces');
  await find(page, 'User1@evacanoalone.net');
  await expect(page.getByRole('heading', { name: 'Spaces user1@evacanoalone.net is a member of: 2' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Member spaces of user1@evacanoalone.net' });
  const global = table.getByRole('row', { name: /^Global/ });
  await expect(global.getByRole('cell').nth(1)).toHaveText('host');
  await expect(global.getByRole('cell').nth(3)).toHaveText('owner');
  const guest = table.getByRole('row', { name: /^Guest\.space/ });
  await expect(guest.getByRole('cell').nth(1)).toHaveText('guest');
  await expect(guest.getByRole('cell').nth(2)).toContainText('Waits in the lobby');
  await expect(guest.getByRole('cell').nth(3)).toHaveText('');
  await expect(page.getByText('Owner: CMS lists no spaces by owner')).toBeVisible();

  // Typed without a domain, user1 is no space's URI, but uriUsageQuery names the user whose JID has it.
  await find(page, 'user1');
  await expect(page.getByText('No space answers the URI user1')).toBeVisible();
  await expect(table).toBeHidden();
  await page.getByRole('button', { name: 'Spaces of user1@evacanoalone.net' }).click();
  await expect(page.getByLabel('Dialled or typed')).toHaveValue('user1@evacanoalone.net');
  await expect(table.getByRole('row')).toHaveCount(3);
});

// The other specs expect the lab seed the studio starts with.
test.afterAll(async ({ request }) => {
  const reset = await request.post('/mock-cms/reset', { data: {}, headers: HEADERS });
  expect(reset.ok()).toBe(true);
});

test('End on 2,000 spaces reads only the last pages of the list', async ({ page, request }) => {
  const reset = await request.post('/mock-cms/reset', { data: { seed: 'large:2000' }, headers: HEADERS });
  expect(reset.ok()).toBe(true);
  const offsets: number[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.toLowerCase() === '/api/v1/cospaces') offsets.push(Number(url.searchParams.get('offset') ?? 0));
  });
  await page.goto('/spaces');
  const table = page.getByRole('table', { name: 'Spaces' });
  await expect(table.getByRole('cell', { name: 'Scale space 1', exact: true })).toBeVisible();
  const before = offsets.length;

  await page.locator('[data-space-list]').focus();
  await page.keyboard.press('End');
  await expect(table.getByRole('cell', { name: 'Scale space 2000', exact: true })).toBeVisible();
  const jump = offsets.slice(before);
  expect(jump.length).toBeLessThanOrEqual(6);
  expect(jump.every((offset) => offset >= 1_900)).toBe(true);
  // Virtualized: a few dozen rows in the DOM of 2,000.
  expect(await table.locator('tbody tr[data-index]').count()).toBeLessThan(80);
});
