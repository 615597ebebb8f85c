import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import { spawnProxy, type SpawnedProxy } from '../proxy/testing/spawn-proxy';
import { spawnMockCms, type SpawnedMock } from '../src/mocks/cms/testing/spawn-mock';
import { LAB } from '../src/mocks/cms/seeds/lab';
import { accessMethodsOf, fill, HEADERS, next, resetMock, snapshotCms, spaceByUri } from './wizards-helpers';

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

/** Opens the newest run in History and undoes all of it; answers once the undo says it is done. */
async function undoNewestRun(page: Page, base: string, title: RegExp): Promise<void> {
  await page.goto(`${base}/history`);
  await page.getByRole('list', { name: 'Runs, newest first' }).getByRole('link', { name: title }).first().click();
  await page.getByRole('button', { name: 'Undo this run' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('list', { name: 'Undo review' })).toBeVisible({ timeout: 20_000 });
  await dialog.getByRole('button', { name: /^Apply undo/ }).click();
  await expect(dialog.getByRole('alert')).toContainText('Undone', { timeout: 20_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
}

test.describe('undo after a restart of the studio', () => {
  let cms: SpawnedMock;
  let studio: SpawnedProxy;
  let api: APIRequestContext;
  const dataDir = mkdtempSync(join(tmpdir(), 'studio-undo-e2e-'));
  // The mock CMS runs on its own, so restarting the studio (proxy/main.ts, what `npm start` runs) keeps CMS as it is.
  const startStudio = async () => {
    studio = await spawnProxy({ CMS_URL: cms.url, CMS_USER: 'admin', CMS_PASSWORD: 'admin', STUDIO_DATA_DIR: dataDir });
    api = await playwrightRequest.newContext({ baseURL: studio.url, extraHTTPHeaders: HEADERS });
  };

  test.beforeAll(async () => {
    cms = await spawnMockCms();
    await startStudio();
  });
  test.afterAll(async () => {
    await api?.dispose();
    await studio?.stop();
    await cms?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a wizard run is undone from History after the studio restarted, and CMS equals the state before', async ({ page }) => {
    const before = await snapshotCms(api);
    await page.goto(`${studio.url}/wizards/different-uris`);
    await next(page);
    await fill(page, /^Space name/, 'Undo lobby');
    await fill(page, /^Space URI/, 'undo.lobby');
    await fill(page, /^Space call ID/, '7201');
    await next(page);
    await fill(page, /^Host URI/, 'undo.host');
    await fill(page, /^Host call ID/, '7202');
    await next(page);
    await page.getByRole('button', { name: /^Apply \d+ change/ }).click();
    await expect(page.getByText('Done: CMS holds what the wizard set')).toBeVisible({ timeout: 20_000 });
    expect(await spaceByUri(api, 'undo.lobby')).toBeDefined();

    await api.dispose();
    await studio.stop();
    await startStudio();

    await undoNewestRun(page, studio.url, /Undo lobby|undo\.lobby/);
    expect(await snapshotCms(api)).toBe(before);
  });
});

test.describe('edit and delete on the space page, then undo them', () => {
  test.beforeEach(async ({ request }) => {
    await resetMock(request);
  });

  test('an access method edited and the space deleted come back from History', async ({ page, request }) => {
    const before = await snapshotCms(request);
    await page.goto(`/spaces/${LAB.coSpaces.guestPin}`);
    const methods = page.getByRole('table', { name: 'Access methods' });
    await methods.getByRole('button', { name: /^Edit access method/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'name' }).fill('Hosts only');
    await dialog.getByRole('textbox', { name: 'passcode' }).fill('97531');
    await dialog.getByRole('button', { name: 'Review' }).click();
    await expect(dialog.getByRole('table', { name: 'Changes' }).getByRole('row')).toHaveCount(3);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Saved name, passcode', { timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect((await accessMethodsOf(request, LAB.coSpaces.guestPin))[0]).toMatchObject({ name: 'Hosts only', passcode: '97531', uri: 'guestpin.space' });

    await undoNewestRun(page, '', /Edit the access method/);
    expect(await snapshotCms(request)).toBe(before);

    await page.goto(`/spaces/${LAB.coSpaces.guestPin}`);
    await page.getByRole('button', { name: 'Delete the space' }).click();
    await expect(dialog.getByRole('list', { name: 'Requests' })).toContainText('Delete the access method');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Deleted the space', { timeout: 20_000 });
    const old = await spaceByUri(request, 'guestpin.space');
    expect(old).toBeUndefined();
    await dialog.getByRole('link', { name: /Open it in History/ }).click();
    await page.getByRole('button', { name: 'Undo this run' }).click();
    await expect(dialog.getByRole('list', { name: 'Undo review' })).toContainText('new id and a new secret', { timeout: 20_000 });
    await dialog.getByRole('button', { name: /^Apply undo \(2 writes\)/ }).click();
    await expect(dialog.getByRole('alert')).toContainText('Undone', { timeout: 20_000 });

    const back = await spaceByUri(request, 'guestpin.space');
    expect(back?.id).not.toBe(LAB.coSpaces.guestPin);
    const [method] = await accessMethodsOf(request, back?.id ?? '');
    expect(method).toMatchObject({ uri: 'guestpin.space', callId: '889', passcode: '1234', callLegProfile: LAB.callLegProfiles.host });
  });
});
