import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { children, flatten, parseXml, type XmlDocument, type XmlNode } from '../src/api/wire/xml';

export const HEADERS = { 'X-Requested-By': 'cms-access-studio' };

export async function resetMock(request: APIRequestContext): Promise<void> {
  const response = await request.post('/mock-cms/reset', { data: {}, headers: HEADERS });
  expect(response.ok()).toBe(true);
}

export async function injectFault(request: APIRequestContext, fault: Record<string, unknown>): Promise<void> {
  const response = await request.post('/mock-cms/faults', { data: fault, headers: HEADERS });
  expect(response.ok()).toBe(true);
}

export async function getXml(request: APIRequestContext, path: string): Promise<{ status: number; text: string; doc: XmlDocument | undefined }> {
  const response = await request.get(`/api/v1/${path.replace(/^\/+/, '')}`, { headers: HEADERS });
  const text = await response.text();
  return { status: response.status(), text, doc: text.trim() === '' ? undefined : parseXml(text) };
}

/** One object: `<coSpace id="…">…</coSpace>` as a flat record with `id`. */
export async function getObject(request: APIRequestContext, path: string, element: string): Promise<Record<string, string>> {
  const { status, doc, text } = await getXml(request, path);
  expect(status, `GET ${path}: ${text}`).toBe(200);
  expect(doc?.root, `GET ${path}: ${text}`).toBe(element);
  return flat(doc!.node);
}

function flat(node: XmlNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(flatten(node))) {
    out[key] = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  }
  return out;
}

/** Every entry of a collection, following `total` and the count received (CMS caps pages). */
export async function listAll(request: APIRequestContext, path: string, element: string, query = ''): Promise<Array<Record<string, string>>> {
  const items: Array<Record<string, string>> = [];
  let total = Infinity;
  while (items.length < total) {
    const sep = query ? `&${query}` : '';
    const { doc, status, text } = await getXml(request, `${path}?offset=${items.length}&limit=20${sep}`);
    expect(status, `GET ${path}: ${text}`).toBe(200);
    expect(doc?.root, `GET ${path}: ${text}`).toBe(path.split('/').pop());
    total = Number(flatten(doc!.node).total ?? 0);
    const page = children(doc!.node, element);
    if (page.length === 0) break;
    items.push(...page.map(flat));
  }
  return items;
}

/** The raw text of every page of a collection and of each object in it: an exact picture of CMS. */
export async function snapshotCms(request: APIRequestContext): Promise<string> {
  const parts: string[] = [];
  const spaces = await listAll(request, 'coSpaces', 'coSpace');
  parts.push(JSON.stringify(spaces));
  for (const space of spaces) {
    parts.push((await getXml(request, `coSpaces/${space.id}`)).text);
    const methods = await listAll(request, `coSpaces/${space.id}/accessMethods`, 'accessMethod');
    for (const m of methods) parts.push((await getXml(request, `coSpaces/${space.id}/accessMethods/${m.id}`)).text);
    const members = await listAll(request, `coSpaces/${space.id}/coSpaceUsers`, 'coSpaceUser');
    for (const m of members) parts.push((await getXml(request, `coSpaces/${space.id}/coSpaceUsers/${m.id}`)).text);
  }
  const profiles = await listAll(request, 'callLegProfiles', 'callLegProfile');
  parts.push(JSON.stringify(profiles));
  for (const p of profiles) parts.push((await getXml(request, `callLegProfiles/${p.id}`)).text);
  const callProfiles = await listAll(request, 'callProfiles', 'callProfile');
  parts.push(JSON.stringify(callProfiles));
  parts.push((await getXml(request, 'system/profiles')).text);
  const tenants = await listAll(request, 'tenants', 'tenant');
  for (const t of tenants) parts.push((await getXml(request, `tenants/${t.id}`)).text);
  return parts.join('\n');
}

export async function spaceByUri(request: APIRequestContext, uri: string): Promise<Record<string, string> | undefined> {
  const found = (await listAll(request, 'coSpaces', 'coSpace', `filter=${encodeURIComponent(uri)}`)).filter((s) => s.uri === uri);
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0] ? getObject(request, `coSpaces/${found[0].id}`, 'coSpace') : undefined;
}

export async function accessMethodsOf(request: APIRequestContext, spaceId: string): Promise<Array<Record<string, string>>> {
  const list = await listAll(request, `coSpaces/${spaceId}/accessMethods`, 'accessMethod');
  return Promise.all(list.map((m) => getObject(request, `coSpaces/${spaceId}/accessMethods/${m.id}`, 'accessMethod')));
}

export async function membersOf(request: APIRequestContext, spaceId: string): Promise<Array<Record<string, string>>> {
  const list = await listAll(request, `coSpaces/${spaceId}/coSpaceUsers`, 'coSpaceUser');
  return Promise.all(list.map((m) => getObject(request, `coSpaces/${spaceId}/coSpaceUsers/${m.id}`, 'coSpaceUser')));
}

export async function profile(request: APIRequestContext, id: string): Promise<Record<string, string>> {
  return getObject(request, `callLegProfiles/${id}`, 'callLegProfile');
}

/** The first screen's questions, answered by clicking. */
export async function pickOnFirstScreen(page: Page, answers: Array<[question: RegExp, answer: 'Yes' | 'No']>): Promise<void> {
  await page.goto('/wizards');
  for (const [question, answer] of answers) {
    await page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: answer }).check();
  }
  await page.getByRole('link', { name: 'Start this wizard' }).click();
}

export async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Next/ }).click();
}

export async function fill(page: Page, label: string | RegExp, value: string): Promise<void> {
  const box = page.getByRole('textbox', { name: label });
  await box.fill(value);
}

/** Presses Tab (or Shift+Tab) until `target` has the focus: the keyboard-only way to reach a control. */
export async function tabTo(page: Page, target: Locator, options: { max?: number; backwards?: boolean } = {}): Promise<void> {
  const max = options.max ?? 120;
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Replaces a text field's value by keyboard: select all, type. */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('ControlOrMeta+a');
  if (text === '') await page.keyboard.press('Delete');
  else await page.keyboard.type(text);
}
