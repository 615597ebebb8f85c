import { expect, test, type Page } from '@playwright/test';
import {
  accessMethodsOf,
  fill,
  HEADERS,
  getObject,
  injectFault,
  listAll,
  membersOf,
  next,
  pickOnFirstScreen,
  profile,
  resetMock,
  snapshotCms,
  spaceByUri,
  tabTo,
  typeInto,
} from './wizards-helpers';

// One mock CMS per server: these tests reset it, so they must not run beside each other.
test.describe.configure({ mode: 'serial' });
// Each journey also reads CMS through the API, twice for the snapshot comparisons.
test.setTimeout(90_000);

const LAB_COOL_BRIDGE = '2be23a10-f400-4436-baef-6058f55ca688';
const LAB_GUESTPIN_SPACE = '22d9f4ca-8b88-4d11-bba9-e2a2f7428c46';
const LAB_GUESTPIN_HOST = '760c0e17-55c0-4232-ba72-2e9207916330';

test.beforeEach(async ({ request }) => {
  await resetMock(request);
});

async function applyAndVerify(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: /Review and apply/ })).toBeVisible();
  await page.getByRole('button', { name: /^Apply \d+ change/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Verify' })).toBeFocused({ timeout: 20_000 });
  await expect(page.getByText('Done: CMS holds what the wizard set')).toBeVisible();
}

async function expectNothingToChange(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Check again/ }).click();
  await expect(page.getByText('Nothing to change')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: /^Apply/ })).toHaveCount(0);
}

test('scenario 1: different URIs, from the first screen to verify', async ({ page, request }) => {
  await pickOnFirstScreen(page, [
    [/sign in to the Meeting Server web app/, 'No'],
    [/dial different addresses/, 'Yes'],
  ]);
  await expect(page).toHaveURL(/\/wizards\/different-uris\?step=profiles$/);
  await next(page);

  await fill(page, /^Space name/, 'Lobby one');
  // A typed user@domain keeps the user part, and says so.
  await fill(page, /^Space URI/, 'lobby1.space@example.com');
  await expect(page.getByText(/domain "example\.com" was dropped/)).toBeVisible();
  await fill(page, /^Space call ID/, '7001');
  await next(page);
  await fill(page, /^Host URI/, 'host1.space');
  await fill(page, /^Host call ID/, '7002');
  await next(page);

  await expect(page.getByText('Dial lobby1.space@example.com (no PIN).')).toBeVisible();
  await page.getByRole('textbox', { name: /SIP domain/ }).fill('cms.lab');
  await expect(page.getByText('Dial host1.space@cms.lab (no PIN).')).toBeVisible();
  await applyAndVerify(page);
  await expect(page.getByRole('region', { name: /^XML of GET \/api\/v1\/coSpaces\/[0-9a-f-]+$/ })).toContainText('<uri>lobby1.space</uri>');
  await expect(page.getByRole('link', { name: 'Open the space in the profile viewer' })).toHaveAttribute('href', /\/spaces\/[0-9a-f-]{36}\/profiles$/);

  const space = await spaceByUri(request, 'lobby1.space');
  expect(space).toMatchObject({ name: 'Lobby one', callId: '7001' });
  expect((await profile(request, space?.callLegProfile ?? '')).needsActivation).toBe('true');
  const methods = await accessMethodsOf(request, space?.id ?? '');
  expect(methods).toHaveLength(1);
  expect(methods[0]).toMatchObject({ uri: 'host1.space', callId: '7002' });
  expect(methods[0]?.passcode ?? '').toBe('');
  expect((await profile(request, methods[0]?.callLegProfile ?? '')).needsActivation).toBe('false');

  await expectNothingToChange(page);
});

test('scenario 2: one URI, two PINs, from the first screen to verify', async ({ page, request }) => {
  await pickOnFirstScreen(page, [
    [/sign in to the Meeting Server web app/, 'No'],
    [/dial different addresses/, 'No'],
    [/join without a PIN/, 'No'],
  ]);
  await expect(page).toHaveURL(/\/wizards\/same-uri-two-pins\?step=profiles$/);
  await expect(page.getByRole('heading', { level: 1, name: 'One address, two PINs' })).toBeVisible();

  await next(page);
  await expect(page.getByRole('heading', { level: 2, name: /Space$/ })).toBeFocused();
  await fill(page, /^Space name/, 'Guest/Host PIN 2');
  await fill(page, /^Space URI/, 'guestpin2.space');
  await fill(page, /^Space call ID/, '1892');
  await fill(page, /^Guest PIN/, '789');
  await next(page);
  await fill(page, /^Host URI/, 'guestpin2.space');
  // The guide's 889 is held by the lab's guestpin.space (its scenario 3 state); the admin frees it first,
  // since CMS keeps a call ID to one space.
  const freed = await request.delete(`/api/v1/coSpaces/${LAB_GUESTPIN_SPACE}/accessMethods/${LAB_GUESTPIN_HOST}`, { headers: HEADERS });
  expect(freed.status()).toBe(200);
  await fill(page, /^Host call ID/, '889');
  await fill(page, /^Host PIN/, '1234');
  await next(page);

  const calls = page.getByRole('region', { name: 'API calls' });
  await expect(calls.getByText('POST /api/v1/coSpaces', { exact: true })).toBeVisible();
  await expect(calls.getByRole('cell', { name: '*****' }).first()).toBeVisible();
  await expect(calls.getByRole('cell', { name: '789', exact: true })).toHaveCount(0);
  await page.getByRole('switch', { name: 'Reveal PINs' }).check();
  await expect(calls.getByRole('cell', { name: '789', exact: true })).toBeVisible();
  await expect(page.getByText('Dial guestpin2.space@example.com and enter PIN 789.')).toBeVisible();
  await expect(page.getByText('Dial guestpin2.space@example.com and enter PIN 1234.')).toBeVisible();
  await applyAndVerify(page);

  const space = await spaceByUri(request, 'guestpin2.space');
  expect(space).toMatchObject({ passcode: '789', callId: '1892' });
  expect((await profile(request, space?.callLegProfile ?? '')).needsActivation).toBe('true');
  const methods = await accessMethodsOf(request, space?.id ?? '');
  expect(methods).toHaveLength(1);
  expect(methods[0]).toMatchObject({ uri: 'guestpin2.space', callId: '889', passcode: '1234' });
  expect((await profile(request, methods[0]?.callLegProfile ?? '')).needsActivation).toBe('false');

  await expectNothingToChange(page);
});

test('scenario 3, keyboard only: one URI, blank guest PIN, a new call profile', async ({ page, request }) => {
  await page.goto('/wizards');
  const question = (name: RegExp) => page.getByRole('radiogroup', { name });
  // Arrow keys pick in a radio group; Space checks the focused radio.
  await tabTo(page, question(/sign in to the Meeting Server web app/).getByRole('radio', { name: 'Yes' }));
  await page.keyboard.press('ArrowRight');
  await expect(question(/sign in to the Meeting Server web app/).getByRole('radio', { name: 'No' })).toBeChecked();
  await tabTo(page, question(/dial different addresses/).getByRole('radio', { name: 'Yes' }));
  await page.keyboard.press('ArrowRight');
  await tabTo(page, question(/join without a PIN/).getByRole('radio', { name: 'Yes' }));
  await page.keyboard.press('Space');
  await expect(page.getByText('Recommended: One address, guests without a PIN')).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: 'Start this wizard' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/wizards\/blank-guest-pin\?step=profiles$/);

  // Profiles: a guest layout of its own, picked with the arrow keys in the select.
  const layout = page.getByRole('combobox', { name: 'Default layout' }).first();
  await tabTo(page, layout);
  await page.keyboard.press('ArrowDown');
  const listbox = page.getByRole('listbox');
  await expect(listbox).toBeVisible();
  await expect(listbox.getByRole('option', { name: 'speakerOnly' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(layout).toHaveText('allEqual');
  await tabTo(page, page.getByRole('button', { name: 'Next: Space' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 2, name: /Space$/ })).toBeFocused();
  await typeInto(page, page.getByRole('textbox', { name: /^Space name/ }), 'Blank PIN three');
  await typeInto(page, page.getByRole('textbox', { name: /^Space URI/ }), 'blank3.space');
  await typeInto(page, page.getByRole('textbox', { name: /^Space call ID/ }), '7301');
  await typeInto(page, page.getByRole('textbox', { name: /^Guest PIN/ }), '');
  // Enter in a field moves on, like Next.
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 2, name: /Call profile$/ })).toBeFocused();
  await expect(page.getByText('SIP and IVR callers only, CMS 2.1 or later')).toBeVisible();
  const passcodeMode = page.getByRole('radiogroup', { name: /When a caller has no PIN/ });
  await tabTo(page, passcodeMode.getByRole('radio', { name: /^timeout/ }));
  await page.keyboard.press('ArrowUp');
  await expect(passcodeMode.getByRole('radio', { name: /^required/ })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: /^Next/ }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 2, name: /Host access method$/ })).toBeFocused();
  await typeInto(page, page.getByRole('textbox', { name: /^Host URI/ }), 'blank3.space');
  await typeInto(page, page.getByRole('textbox', { name: /^Host call ID/ }), '7302');
  await typeInto(page, page.getByRole('textbox', { name: /^Host PIN/ }), '1234');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 2, name: /Review and apply$/ })).toBeFocused();
  await expect(page.getByText(/Dial blank3\.space@example\.com and press # at the PIN prompt/)).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: /^Apply \d+ change/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Verify' })).toBeFocused({ timeout: 20_000 });
  await expect(page.getByText('Done: CMS holds what the wizard set')).toBeVisible();

  const space = await spaceByUri(request, 'blank3.space');
  expect(space).toMatchObject({ callId: '7301' });
  expect(space?.passcode ?? '').toBe('');
  const guest = await profile(request, space?.callLegProfile ?? '');
  expect(guest).toMatchObject({ needsActivation: 'true', defaultLayout: 'allEqual' });
  const callProfile = await getObject(request, `callProfiles/${space?.callProfile ?? ''}`, 'callProfile');
  expect(callProfile.passcodeMode).toBe('required');
  const methods = await accessMethodsOf(request, space?.id ?? '');
  expect(methods).toHaveLength(1);
  expect(methods[0]).toMatchObject({ uri: 'blank3.space', callId: '7302', passcode: '1234' });
  expect((await profile(request, methods[0]?.callLegProfile ?? '')).needsActivation).toBe('false');
});

test('scenario 4: members are hosts, from the first screen to verify', async ({ page, request }) => {
  await pickOnFirstScreen(page, [[/sign in to the Meeting Server web app/, 'Yes']]);
  await expect(page).toHaveURL(/\/wizards\/members-are-hosts\?step=profiles$/);
  await next(page);

  await fill(page, /^Space name/, 'Global four');
  await fill(page, /^Space URI/, 'global4');
  await fill(page, /^Space call ID/, '7401');
  await fill(page, /^Owner/, 'user1@evacanoalone.net');
  await next(page);
  // The host access method follows the space's URI and call ID until the admin changes them.
  await expect(page.getByRole('textbox', { name: /^Host URI/ })).toHaveValue('global4');
  await expect(page.getByRole('textbox', { name: /^Host call ID/ })).toHaveValue('7401');
  await fill(page, /^Host PIN/, '12345');
  await next(page);

  // Members: nobody the admin did not list (the guide's user1 is only a placeholder), then two hosts.
  await expect(page.getByText('No members: only hosts with the host PIN can start the meeting.')).toBeVisible();
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('combobox', { name: /^Member 1/ })).toBeFocused();
  await page.getByRole('combobox', { name: /^Member 1/ }).fill('user1@evacanoalone.net');
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('combobox', { name: /^Member 2/ })).toBeFocused();
  await page.getByRole('combobox', { name: /^Member 2/ }).fill('stejanss.movi@steven.lab');
  await page.getByRole('checkbox', { name: /May delete the space/ }).nth(1).uncheck();
  await next(page);

  await expect(page.getByText('Sign in to the web app as user1@evacanoalone.net (a member) and join the space "Global four".')).toBeVisible();
  await applyAndVerify(page);

  const space = await spaceByUri(request, 'global4');
  expect(space).toMatchObject({ callId: '7401', ownerJid: 'user1@evacanoalone.net', nonMemberAccess: 'true' });
  expect((await profile(request, space?.callLegProfile ?? '')).needsActivation).toBe('true');
  const methods = await accessMethodsOf(request, space?.id ?? '');
  expect(methods).toHaveLength(1);
  expect(methods[0]).toMatchObject({ uri: 'global4', callId: '7401', passcode: '12345' });
  const hostProfile = methods[0]?.callLegProfile ?? '';
  expect((await profile(request, hostProfile)).needsActivation).toBe('false');
  const members = await membersOf(request, space?.id ?? '');
  expect(members.map((m) => m.userJid).sort()).toEqual(['stejanss.movi@steven.lab', 'user1@evacanoalone.net']);
  for (const member of members) expect(member.callLegProfile).toBe(hostProfile);
  expect(members.find((m) => m.userJid === 'user1@evacanoalone.net')).toMatchObject({ canDestroy: 'true', canChangeUri: 'false' });
  expect(members.find((m) => m.userJid === 'stejanss.movi@steven.lab')).toMatchObject({ canDestroy: 'false', canAddRemoveMember: 'true' });

  await expectNothingToChange(page);
});

test('a write failing midway ends, after roll back, with CMS exactly as before', async ({ page, request }) => {
  const before = await snapshotCms(request);
  // An existing space, opened the way findings link to it.
  await page.goto(`/wizards/members-are-hosts?space=${LAB_COOL_BRIDGE}&step=profiles`);
  // A guest layout no profile has yet: the run creates a profile, changes the space, then adds the access method.
  await page.getByRole('combobox', { name: 'Default layout' }).first().click();
  await page.getByRole('option', { name: 'allEqual', exact: true }).click();
  await next(page);
  await expect(page.getByRole('textbox', { name: /^Space URI/ })).toHaveValue('cool.bridge.space');
  await expect(page.getByText('Now on CMS: cool.bridge.space.')).toBeVisible();
  // The space has no owner, and the wizard proposes none: the admin names one.
  await fill(page, /^Owner/, 'user1@evacanoalone.net');
  await next(page);
  await expect(page.getByRole('textbox', { name: /^Host URI/ })).toHaveValue('cool.bridge.space');
  await expect(page.getByRole('textbox', { name: /^Host call ID/ })).toHaveValue('497540167');
  await fill(page, /^Host PIN/, '12345');
  await next(page);
  await page.getByRole('button', { name: 'Add member' }).click();
  await page.getByRole('combobox', { name: /^Member 1/ }).fill('user1@evacanoalone.net');
  await next(page);
  await expect(page.getByRole('heading', { level: 3, name: /^1\. Create the guest call leg profile/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /^2\. Change the space/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /^3\. Add the host access method/ })).toBeVisible();

  // The third write (the access method) fails, with a code CMS ties to the call ID.
  await injectFault(request, { failWrite: { nth: 3, status: 400, code: 'duplicateCoSpaceId' } });
  await page.getByRole('button', { name: /^Apply \d+ change/ }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Stopped' });
  await expect(alert).toContainText('Stopped: “Add the host access method');
  await expect(alert).toContainText('Nothing after it was sent.');
  await expect(alert).toContainText('Host call ID: CMS refused this:');
  // Until it is rolled back, the half-applied run keeps the wizard on Review.
  await expect(page.getByRole('tab', { name: 'Space' })).toBeDisabled();
  await expect(page.getByRole('heading', { level: 3, name: /^4\./ }).locator('..').getByText('not sent')).toBeVisible();
  expect(await snapshotCms(request)).not.toBe(before);

  await page.getByRole('button', { name: 'Roll back' }).click();
  await expect(page.getByText('Rolled back: CMS is as it was before this run')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/^Put back the previous .* of \/api\/v1\/coSpaces\/2be23a10/)).toBeVisible();
  await expect(page.getByText(/^Deleted \/api\/v1\/callLegProfiles\//)).toBeVisible();
  expect(await snapshotCms(request)).toBe(before);

  // The CMS failure sits on its field, in plain words.
  await alert.getByRole('button', { name: 'Host call ID' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Host access method$/ })).toBeFocused();
  await expect(page.getByRole('textbox', { name: /^Host call ID/ })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/^CMS refused this: /).first()).toBeVisible();
});

test('a duplicate URI is caught on its field before any write', async ({ page, request }) => {
  const before = await snapshotCms(request);
  const spacesBefore = await listAll(request, 'coSpaces', 'coSpace');
  await page.goto('/wizards/different-uris');
  await next(page);
  await fill(page, /^Space name/, 'Duplicate');
  await fill(page, /^Space URI/, 'Guest.Space');
  await fill(page, /^Space call ID/, '7601');
  await next(page);
  await fill(page, /^Host URI/, 'duplicate-host.space');
  await fill(page, /^Host call ID/, '7602');
  await next(page);

  await expect(page.getByRole('heading', { level: 2, name: /Space$/ })).toBeFocused({ timeout: 20_000 });
  const uri = page.getByRole('textbox', { name: /^Space URI/ });
  await expect(uri).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'problem' })).toContainText('Space URI');
  await expect(page.locator(`#${await uri.getAttribute('aria-describedby')}`)).toContainText(/guest\.space/i);

  expect(await listAll(request, 'coSpaces', 'coSpace')).toEqual(spacesBefore);
  expect(await snapshotCms(request)).toBe(before);
});
