import { expect, test, type APIRequestContext } from '@playwright/test';
import { REACH } from '../src/mocks/cms/seeds/reach';

// The reach of a global callLegProfile change, announced by the System page before the write,
// against what CMS applies afterwards: every way into every space is joined through the mock's
// simulation and its callLegProfileTrace read back from /api/v1, before and after.

const HEADERS = { 'X-Requested-By': 'cms-access-studio' };

const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

async function getXml(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(`/api/v1/${path}`, { headers: HEADERS });
  expect(response.status(), path).toBe(200);
  return response.text();
}

/** Every item of a collection, page after page (CMS caps a page at 10). */
async function every(request: APIRequestContext, path: string, item: string): Promise<string[]> {
  const items: string[] = [];
  for (;;) {
    const xml = await getXml(request, `${path}${path.includes('?') ? '&' : '?'}offset=${items.length}`);
    const page = [...xml.matchAll(new RegExp(`<${item} id="([^"]+)"`, 'g'))].map((m) => m[1] ?? '');
    items.push(...page);
    const total = Number(/total="(\d+)"/.exec(xml)?.[1] ?? 0);
    if (page.length === 0 || items.length >= total) return items;
  }
}

/** Per parameter, the value of the last level of CMS's trace that sets it (the profile's name aside). */
function inForce(trace: string): string {
  const values = new Map<string, string>();
  for (const level of trace.split('<profile ').slice(1)) {
    for (const [, name, value] of level.matchAll(/<(\w+)>([^<]*)<\/\1>/g)) if (name && name !== 'name') values.set(name, value ?? '');
  }
  return [...values].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join('&');
}

interface Way {
  key: string;
  join: { path: 'dial-in'; body: Record<string, string> } | { path: 'sign-in'; body: Record<string, string> };
}

/** The ways into a space as CMS lists them, each with what a caller dials (or who signs in) to take it. */
async function waysInto(request: APIRequestContext, spaceId: string): Promise<Way[]> {
  const space = await getXml(request, `coSpaces/${spaceId}`);
  if (tag(space, 'nonMemberAccess') === 'false') return [];
  const methods = await Promise.all((await every(request, `coSpaces/${spaceId}/accessMethods`, 'accessMethod')).map((id) => getXml(request, `coSpaces/${spaceId}/accessMethods/${id}`).then((xml) => ({ id, xml }))));
  const members = await every(request, `coSpaces/${spaceId}/coSpaceUsers`, 'coSpaceUser');
  const routes = [
    ...(['uri', 'secondaryUri', 'callId'] as const).flatMap((field) => {
      const value = tag(space, field);
      return value ? [{ key: `space:${field}`, by: field === 'callId' ? 'callId' : 'uri', value, pin: tag(space, 'passcode') ?? '' }] : [];
    }),
    ...methods.flatMap(({ id, xml }) => {
      const uri = tag(xml, 'uri');
      const callId = tag(xml, 'callId');
      const pin = tag(xml, 'passcode') ?? '';
      return uri ? [{ key: `accessMethod:${id}`, by: 'uri', value: uri, pin }] : callId ? [{ key: `accessMethod:${id}`, by: 'callId', value: callId, pin }] : [];
    }),
  ];
  const ways: Way[] = routes.map((r) => {
    const shared = routes.some((o) => o !== r && o.by === r.by && o.value.toLowerCase() === r.value.toLowerCase());
    const pin = r.pin !== '' ? r.pin : shared ? '#' : undefined;
    return { key: r.key, join: { path: 'dial-in', body: { [r.by]: r.value, via: 'sip', ...(pin ? { pin } : {}) } } };
  });
  for (const id of members) {
    const member = await getXml(request, `coSpaces/${spaceId}/coSpaceUsers/${id}`);
    ways.push({ key: `member:${id}`, join: { path: 'sign-in', body: { spaceId, userJid: tag(member, 'userJid') ?? '' } } });
  }
  return ways;
}

/** spaceId → way → what CMS applies, read from the trace of a leg that took that way in. */
async function traceEveryWayIn(request: APIRequestContext): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  for (const spaceId of await every(request, 'coSpaces', 'coSpace')) {
    const ways = new Map<string, string>();
    for (const way of await waysInto(request, spaceId)) {
      const joined = await request.post(`/mock-cms/simulate/${way.join.path}`, { data: way.join.body, headers: HEADERS });
      expect(joined.status(), `${spaceId} ${way.key}: ${await joined.text()}`).toBe(200);
      const { leg } = (await joined.json()) as { leg: { id: string } };
      ways.set(way.key, inForce(await getXml(request, `callLegs/${leg.id}/callLegProfileTrace`)));
      expect((await request.delete(`/mock-cms/simulate/legs/${leg.id}`, { headers: HEADERS })).status()).toBe(200);
    }
    out.set(spaceId, ways);
  }
  return out;
}

test.beforeEach(async ({ request }) => {
  const reset = await request.post('/mock-cms/reset', { data: { seed: 'reach' }, headers: HEADERS });
  expect(reset.ok()).toBe(true);
});

test('the System page announces exactly the spaces and ways in whose resolution the global callLegProfile change then changes', async ({ page, request }) => {
  const before = await traceEveryWayIn(request);
  expect(before.size).toBe(20);

  await page.goto('/system');
  await page.getByRole('combobox', { name: 'Global callLegProfile' }).click();
  await page.getByRole('option', { name: /^Global next/ }).click();
  await page.getByRole('form', { name: 'Global profiles' }).getByRole('button', { name: 'Review change' }).click();
  const dialog = page.getByRole('dialog', { name: 'Review the profile change system wide' });
  const summary = dialog.getByTestId('reach-callLegProfile');
  await expect(summary).toBeVisible({ timeout: 30_000 });
  const announced = {
    spaces: Number(await summary.getAttribute('data-spaces')),
    paths: Number(await summary.getAttribute('data-paths')),
    roles: Number(await summary.getByTestId('role-changes').getAttribute('data-count')),
  };
  await expect(summary).toContainText(`Changes ${announced.spaces} of 20 spaces: ${announced.paths} ways in.`);

  await dialog.getByRole('button', { name: 'Apply system wide' }).click();
  await expect(page.getByText(/^Saved: callLegProfile is now Global next/)).toBeVisible();
  expect(await getXml(request, 'system/profiles')).toContain(`<callLegProfile>${REACH.callLegProfiles.next}</callLegProfile>`);

  const after = await traceEveryWayIn(request);
  let spaces = 0;
  let paths = 0;
  let roles = 0;
  const guest = (resolved: string | undefined) => /(^|&)needsActivation=true(&|$)/.test(resolved ?? '');
  for (const [spaceId, ways] of before) {
    const changed = [...ways].filter(([key, was]) => after.get(spaceId)?.get(key) !== was);
    if (changed.length > 0) spaces++;
    paths += changed.length;
    roles += changed.filter(([key, was]) => guest(was) !== guest(after.get(spaceId)?.get(key))).length;
  }
  expect(announced).toEqual({ spaces, paths, roles });
  expect(spaces).toBeGreaterThan(0);
  expect(spaces).toBeLessThan(20);
  expect(roles).toBeGreaterThan(0);
});
