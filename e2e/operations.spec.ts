import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { attribute, children, flatten, parseXml } from '../src/api/wire/xml';

// One mock CMS per server: these tests reset it, so they run one after the other.
test.describe.configure({ mode: 'serial' });

const HEADERS = { 'X-Requested-By': 'cms-access-studio' };
const TMS_SET = 'beac931c-ae88-4f5f-b6b7-71a1c4bdaf8e';
const MEETING_1 = '458075bc-6def-4052-8ed6-b1192d6e6b35';

type CmsObject = Record<string, unknown>;

async function cmsGet(request: APIRequestContext, path: string, query: Record<string, string> = {}) {
  const response = await request.get(`/api/v1${path}`, { headers: HEADERS, params: query });
  return { status: response.status(), doc: (await response.text()) ? parseXml(await response.text()) : undefined };
}

async function object(request: APIRequestContext, path: string): Promise<CmsObject> {
  const { status, doc } = await cmsGet(request, path);
  expect(status, path).toBe(200);
  return flatten(doc!.node);
}

/** Every item of a collection, page after page, as CMS serves them. */
async function listAll(request: APIRequestContext, path: string, item: string, query: Record<string, string> = {}) {
  const items: CmsObject[] = [];
  for (;;) {
    const { status, doc } = await cmsGet(request, path, { ...query, offset: String(items.length) });
    expect(status, path).toBe(200);
    const page = children(doc!.node, item).map(flatten);
    items.push(...page);
    const total = Number(attribute(doc!.node, 'total'));
    if (page.length === 0 || items.length >= total) return { total, items };
  }
}

async function cmsPost(request: APIRequestContext, path: string, form: Record<string, string>) {
  const response = await request.post(`/api/v1${path}`, { headers: HEADERS, form });
  expect(response.status(), await response.text()).toBe(200);
  return response.headers().location?.split('/').pop() ?? '';
}

async function go(page: Page, label: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: label }).click();
}

async function pick(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

test.beforeEach(async ({ request }) => {
  const reset = await request.post('/mock-cms/reset', { data: {} });
  expect(reset.ok()).toBeTruthy();
});

test('a user’s space: not found, created from the user record, modified, deleted', async ({ page, request }) => {
  await page.goto('/user-spaces');
  await expect(page.getByRole('heading', { level: 1, name: 'Spaces by user' })).toBeVisible();
  const find = page.getByRole('search', { name: 'Find a user’s space' });

  await find.getByLabel('User id').fill('stejanss.movi@steven.lab');
  await find.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByText('No space has “stejanss.movi” as its URI or secondary URI.', { exact: false })).toBeVisible();

  // The CMS user of that id is picked, and name and URI come from its record.
  const create = page.getByRole('form', { name: 'Create a user’s space' });
  await expect(create.getByRole('combobox', { name: 'CMS user' })).toHaveText(/stejanss\.movi@steven\.lab/);
  await expect(create.getByLabel('Space name')).toHaveValue('Steven Janssens');
  await expect(create.getByLabel('URI user part')).toHaveValue('stejanss.movi');
  await create.getByLabel('Phone number (secondary URI)').fill('12 34');
  await create.getByRole('button', { name: 'Review' }).click();
  await expect(create.getByText('A phone number: digits only, optionally starting with +.')).toBeVisible();
  await create.getByLabel('Phone number (secondary URI)').fill('+3225551234');
  await create.getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('dialog', { name: 'Create this space?' });
  await expect(review.getByRole('cell', { name: '+3225551234' })).toBeVisible();
  await review.getByRole('button', { name: 'Create space' }).click();
  await expect(page.getByText(/^Created space “Steven Janssens” for stejanss\.movi@steven\.lab/)).toBeVisible();

  const created = await listAll(request, '/coSpaces', 'coSpace', { filter: 'stejanss.movi' });
  expect(created.total).toBe(1);
  const spaceId = String(created.items[0]!.id);
  expect(await object(request, `/coSpaces/${spaceId}`)).toMatchObject({ name: 'Steven Janssens', uri: 'stejanss.movi', secondaryUri: '+3225551234' });

  // Found again by its user id, and modified: only the changed fields are sent.
  const card = page.getByLabel('Space of stejanss.movi');
  await expect(card.getByRole('cell', { name: spaceId })).toBeVisible();
  await card.getByRole('button', { name: 'Modify' }).click();
  const modify = page.getByRole('dialog', { name: /^Edit the space “Steven Janssens”/ });
  await modify.getByLabel('name', { exact: true }).fill('Steven’s room');
  await pick(page, 'defaultLayout', 'allEqual');
  await modify.getByRole('button', { name: 'Review' }).click();
  const saved = page.getByRole('dialog', { name: /^Review the change of the space/ });
  const changes = saved.getByRole('table', { name: 'Changes' });
  await expect(changes.getByRole('row', { name: 'name Steven Janssens Steven’s room' })).toBeVisible();
  await expect(changes.getByRole('cell', { name: 'secondaryUri' })).toHaveCount(0);
  await saved.getByRole('button', { name: 'Apply' }).click();
  await expect(saved.getByRole('alert')).toContainText(/Saved name, defaultLayout of the space “(Steven Janssens|Steven’s room)”\./);
  await saved.getByRole('button', { name: 'Close' }).click();
  await expect(card.getByRole('cell', { name: 'Steven’s room' })).toBeVisible();
  expect(await object(request, `/coSpaces/${spaceId}`)).toMatchObject({
    name: 'Steven’s room',
    defaultLayout: 'allEqual',
    uri: 'stejanss.movi',
    secondaryUri: '+3225551234',
  });

  // Deleted after a confirmation, journaled so History can bring it back; the user id then finds nothing.
  await card.getByRole('button', { name: 'Delete' }).click();
  const remove = page.getByRole('dialog', { name: 'Delete the space “Steven’s room”?' });
  await remove.getByRole('button', { name: 'Delete' }).click();
  await expect(remove.getByRole('alert')).toContainText('Deleted the space “Steven’s room”.');
  await remove.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('No space has “stejanss.movi” as its URI or secondary URI.', { exact: false })).toBeVisible();
  expect((await cmsGet(request, `/coSpaces/${spaceId}`)).status).toBe(404);
});

async function newBulkSet(page: Page, fields: { start: string; end: string; name: string; uri: string; callId?: string }) {
  await page.getByRole('button', { name: 'New bulk set' }).click();
  const form = page.getByRole('form', { name: 'New bulk set' });
  await form.getByLabel('Start index').fill(fields.start);
  await form.getByLabel('End index').fill(fields.end);
  await form.getByLabel('Name mapping').fill(fields.name);
  await form.getByLabel('URI mapping').fill(fields.uri);
  if (fields.callId) await form.getByLabel('Call ID mapping').fill(fields.callId);
  return form;
}

test('a bulk set of 50 spaces runs to complete, with the mapped names, URIs and call IDs', async ({ page, request }) => {
  await page.goto('/meetings');
  const form = await newBulkSet(page, { start: '1', end: '50', name: 'E2E Room $index$', uri: 'e2e.room.$index$', callId: '7700$index$' });
  await pick(page, 'Call profile', /1285fa9c/);
  const preview = form.getByRole('table', { name: 'Preview of the spaces' });
  await expect(preview.getByRole('cell', { name: 'e2e.room.50' })).toBeVisible();
  await expect(preview.getByRole('cell', { name: '770050' })).toBeVisible();

  await form.getByRole('button', { name: 'Review' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create the set and sync it?' });
  await expect(dialog.getByText(/CMS makes 50 spaces, indices 1 to 50/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Create and sync' }).click();

  const sync = page.getByRole('dialog', { name: 'Bulk sync' });
  await expect(sync.getByRole('progressbar', { name: 'Sync progress' })).toBeVisible();
  await expect(sync.getByText('Complete', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(sync.getByRole('progressbar', { name: 'Sync progress' })).toHaveAttribute('aria-valuenow', '100');

  const spaces = await listAll(request, '/coSpaces', 'coSpace', { filter: 'e2e.room.' });
  expect(spaces.total).toBe(50);
  const byIndex = spaces.items.map((s) => ({ name: s.name, uri: s.uri, callId: s.callId })).sort((a, b) => String(a.callId).localeCompare(String(b.callId), 'en', { numeric: true }));
  expect(byIndex).toEqual(Array.from({ length: 50 }, (_, i) => ({ name: `E2E Room ${i + 1}`, uri: `e2e.room.${i + 1}`, callId: `7700${i + 1}` })));
  const one = await object(request, `/coSpaces/${String(spaces.items[0]!.id)}`);
  expect(one).toMatchObject({ callProfile: '1285fa9c-f221-4af7-8462-51cf1d7542eb', nonMemberAccess: 'true' });
  expect(one.secret).toBeTruthy();
  const syncs = await listAll(request, '/cospaceBulkSyncs', 'cospaceBulkSync');
  expect(syncs.items.at(-1)).toMatchObject({ status: 'complete' });

  await sync.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('table', { name: 'Bulk parameter sets' }).getByRole('cell', { name: 'e2e.room.$index$' })).toBeVisible();
});

test('a bulk set whose URIs clash fails with a named URI conflict, and is removed', async ({ page, request }) => {
  // The 7th URI the mapping makes already belongs to a space.
  await cmsPost(request, '/coSpaces', { name: 'Taken', uri: 'conflict.7' });
  await page.goto('/meetings');
  const form = await newBulkSet(page, { start: '1', end: '10', name: 'Conflict $index$', uri: 'conflict.$index$' });
  await form.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('dialog', { name: 'Create the set and sync it?' }).getByRole('button', { name: 'Create and sync' }).click();

  const sync = page.getByRole('dialog', { name: 'Bulk sync' });
  await expect(sync.getByText('Failed: URI conflict')).toBeVisible({ timeout: 15_000 });
  await expect(sync.getByText(/A URI made by the URI mapping is already used by another space/)).toBeVisible();

  const sets = await listAll(request, '/cospaceBulkParameterSets', 'cospaceBulkParameterSet');
  const setId = String(sets.items.find((s) => s.coSpaceUriMapping === 'conflict.$index$')?.id);
  const syncs = await listAll(request, '/cospaceBulkSyncs', 'cospaceBulkSync');
  expect(syncs.items.filter((s) => s.cospaceBulkParameterSet === setId).at(-1)).toMatchObject({ status: 'failedCoSpaceUriConflict' });
  expect((await listAll(request, '/coSpaces', 'coSpace', { filter: 'conflict.' })).items.map((s) => s.uri)).toEqual(['conflict.7']);

  await sync.getByRole('button', { name: 'Close' }).click();
  const table = page.getByRole('table', { name: 'Bulk parameter sets' });
  await expect(table.getByRole('row', { name: new RegExp(setId) }).getByText('Failed: URI conflict')).toBeVisible();
  await table.getByRole('button', { name: `Remove set ${setId}` }).click();
  const remove = page.getByRole('dialog', { name: 'Remove the set and its spaces?' });
  await remove.getByRole('button', { name: 'Remove set and spaces' }).click();
  await expect(remove.getByText(`Set ${setId} and its spaces are removed.`)).toBeVisible({ timeout: 15_000 });
  expect((await listAll(request, '/cospaceBulkParameterSets', 'cospaceBulkParameterSet')).items.map((s) => s.id)).toEqual([TMS_SET]);
  expect((await listAll(request, '/coSpaces', 'coSpace', { filter: 'conflict.' })).total).toBe(1);
});

async function runOperation(page: Page, title: string | RegExp, confirm: string) {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  await expect(dialog.getByText('Done: every step succeeded.')).toBeVisible({ timeout: 15_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

async function callOf(request: APIRequestContext, spaceId: string) {
  return listAll(request, '/calls', 'call', { coSpaceFilter: spaceId });
}

test('a scheduled meeting from start to end, as TMS runs it, with two dial-outs; the console masks the passcode', async ({ page, request }) => {
  await page.goto('/meetings');
  await expect(page.getByText('Next free placeholder:')).toContainText('TMS_Scheduled_Meeting_1');
  const before = await object(request, `/coSpaces/${MEETING_1}`);
  expect(before).toMatchObject({ name: 'TMS_Scheduled_Meeting_1', nonMemberAccess: 'false' });

  // Start: rename, open with a passcode, create the call, dial out twice.
  const start = page.getByRole('form', { name: 'Start a meeting' });
  await start.getByLabel('Meeting name').fill('Quarterly review');
  await start.getByLabel('Passcode').fill('4321');
  await start.getByRole('button', { name: 'Add participant' }).click();
  await start.getByRole('button', { name: 'Add participant' }).click();
  await start.getByLabel('Participant 1 address').fill('desk.ex90@tkratzke.local');
  await start.getByLabel('Participant 2 address').fill('room.sx80@example.com');
  await start.getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('dialog', { name: 'Start “Quarterly review” on TMS_Scheduled_Meeting_1' });
  await expect(review.getByText(`PUT /api/v1/coSpaces/${MEETING_1} name=Quarterly review&nonMemberAccess=true&passcode=*****`)).toBeVisible();
  await expect(review.getByText(/4321/)).toHaveCount(0);
  await runOperation(page, 'Start “Quarterly review” on TMS_Scheduled_Meeting_1', 'Start meeting');

  expect(await object(request, `/coSpaces/${MEETING_1}`)).toMatchObject({ name: 'Quarterly review', nonMemberAccess: 'true', passcode: '4321' });
  const calls = await callOf(request, MEETING_1);
  expect(calls.total).toBe(1);
  const callId = String(calls.items[0]!.id);
  const legs = await listAll(request, `/calls/${callId}/callLegs`, 'callLeg');
  expect(legs.items.map((l) => l.remoteParty).sort()).toEqual(['desk.ex90@tkratzke.local', 'room.sx80@example.com']);

  const card = page.getByLabel('Meeting Quarterly review');
  await expect(card.getByText(/2 call legs/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Placeholder spaces' }).getByRole('row', { name: /TMS_Scheduled_Meeting_1/ })).toContainText('Meeting “Quarterly review”');
  await expect(page.getByText('Next free placeholder:')).toContainText('TMS_Scheduled_Meeting_2');

  // Extend: the same PUT again; nothing changes on CMS.
  await card.getByRole('button', { name: 'Extend' }).click();
  await runOperation(page, 'Extend “Quarterly review”', 'Extend');
  const extended = await object(request, `/coSpaces/${MEETING_1}`);
  expect(extended).toMatchObject({ name: 'Quarterly review', nonMemberAccess: 'true', passcode: '4321' });
  expect((await callOf(request, MEETING_1)).total).toBe(1);
  expect((await listAll(request, `/calls/${callId}/callLegs`, 'callLeg')).total).toBe(2);

  // A third dial-out, dropped again from Live calls after a look at its profile trace.
  await card.getByRole('button', { name: 'Dial out' }).click();
  await page.getByRole('dialog', { name: 'Dial out' }).getByLabel('Address to dial').fill('late.joiner@example.com');
  await page.getByRole('dialog', { name: 'Dial out' }).getByRole('button', { name: 'Review' }).click();
  await runOperation(page, 'Dial out to late.joiner@example.com', 'Dial');
  expect((await listAll(request, `/calls/${callId}/callLegs`, 'callLeg')).total).toBe(3);

  await go(page, 'Live calls');
  await page.getByRole('button', { name: 'Call Quarterly review' }).click();
  const legTable = page.getByRole('table', { name: `Legs of call ${callId}` });
  const late = legTable.getByRole('row', { name: /late\.joiner@example\.com/ });
  await late.getByRole('button', { name: 'Profile trace' }).click();
  const trace = page.getByRole('table', { name: /^Profile trace of leg/ });
  await expect(trace.getByRole('cell', { name: 'global', exact: true })).toBeVisible();
  await expect(trace.getByRole('cell', { name: 'coSpace', exact: true })).toBeVisible();
  await expect(page.getByText(/In force: .*defaultLayout=telepresence \(coSpace\)/)).toBeVisible();
  await late.getByRole('button', { name: 'Drop' }).click();
  await page.getByRole('dialog', { name: 'Drop late.joiner@example.com?' }).getByRole('button', { name: 'Drop leg' }).click();
  await expect(page.getByText('Dropped late.joiner@example.com from “Quarterly review”.')).toBeVisible();
  expect((await listAll(request, `/calls/${callId}/callLegs`, 'callLeg')).items.map((l) => l.remoteParty).sort()).toEqual([
    'desk.ex90@tkratzke.local',
    'room.sx80@example.com',
  ]);

  // End: placeholder name back, closed, new secret, call deleted.
  await go(page, 'Meetings');
  await page.getByLabel('Meeting Quarterly review').getByRole('button', { name: 'End meeting' }).click();
  await runOperation(page, 'End “Quarterly review”', 'End meeting');
  const after = await object(request, `/coSpaces/${MEETING_1}`);
  expect(after).toMatchObject({ name: 'TMS_Scheduled_Meeting_1', nonMemberAccess: 'false' });
  expect(after.passcode).toBeUndefined();
  expect(after.secret).toBeTruthy();
  expect(after.secret).not.toBe(extended.secret);
  expect((await callOf(request, MEETING_1)).total).toBe(0);
  expect((await cmsGet(request, `/calls/${callId}`)).status).toBe(404);
  await expect(page.getByText('Next free placeholder:')).toContainText('TMS_Scheduled_Meeting_1');

  // The console: every request of the tab, passcodes masked, exportable.
  await go(page, 'API console');
  const requests = page.getByRole('table', { name: 'Requests' });
  const puts = requests.getByRole('row', { name: new RegExp(`PUT /api/v1/coSpaces/${MEETING_1}`) });
  await expect(puts).toHaveCount(3);
  await expect(requests.getByRole('row', { name: new RegExp(`DELETE /api/v1/calls/${callId}`) })).toHaveCount(1);
  await expect(requests.getByRole('row', { name: /POST \/api\/v1\/calls\/.*\/callLegs/ })).toHaveCount(3);
  await puts.last().click();
  const curl = page.getByLabel('curl command');
  await expect(curl).toContainText("-u 'USER:PASSWORD'");
  await expect(curl).toContainText('name=Quarterly+review&nonMemberAccess=true&passcode=*****');
  await expect(page.getByText(/4321/)).toHaveCount(0);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const text = await readFile(await (await download).path(), 'utf8');
  expect(text).toContain(`PUT /api/v1/coSpaces/${MEETING_1} → 200`);
  expect(text).toContain('passcode=*****');
  expect(text).toContain("-u 'USER:PASSWORD'");
  expect(text).not.toContain('4321');

  await pick(page, 'Status', 'CMS errors (5xx)');
  await expect(page.getByText(/^0 of \d+ requests$/)).toBeVisible();
});
