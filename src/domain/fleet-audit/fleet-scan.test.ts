import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../api/wire/scan-contract';
import { createAdaptiveLimiter } from '../../lib/adaptive-limit';
import type { Store } from '../../mocks/cms/store';
import { withMockCms } from '../../testing/mock-cms';
import { loadSpaceModel } from '../profile-resolution/load-space-model';
import { evaluateSpace } from '../space-evaluation/evaluate';
import { followCmsPressure } from './cms-pressure';
import { scanFleet, ScanStoppedError } from './fleet-scan';
import { scanResultOf } from './scan-result';

const { mock, server } = withMockCms();
const PAGE = 10;
const AT = new Date('2026-03-02T10:00:00.000Z');

/** What the scan must send, counted from the mock's own model: pages, each space's reads, and what spaces share, once. */
function requestsFor(store: Store, readIds: readonly string[]): number {
  const spaces = store.all('coSpace');
  const pages = Math.max(1, Math.ceil(spaces.length / PAGE));
  const tenants = new Set<string>();
  const legProfiles = new Set<string>();
  const callProfiles = new Set<string>();
  const add = (set: Set<string>, id: unknown) => typeof id === 'string' && id !== '' && set.add(id.toLowerCase());
  add(legProfiles, store.systemProfiles.callLegProfile);
  add(callProfiles, store.systemProfiles.callProfile);
  let perSpace = 0;
  for (const id of readIds) {
    const space = store.get('coSpace', id)!;
    const methods = store.all('accessMethod', space.id);
    const members = store.all('coSpaceUser', space.id);
    perSpace += 1 + (methods.length > 0 ? Math.ceil(methods.length / PAGE) + methods.length : 0) + Math.max(1, Math.ceil(members.length / PAGE)) + members.length;
    add(legProfiles, space.values.callLegProfile);
    add(callProfiles, space.values.callProfile);
    const tenantId = space.values.tenant;
    if (typeof tenantId === 'string' && tenantId !== '') {
      tenants.add(tenantId.toLowerCase());
      const tenant = store.get('tenant', tenantId);
      add(legProfiles, tenant?.values.callLegProfile);
      add(callProfiles, tenant?.values.callProfile);
    }
    for (const child of [...methods, ...members]) add(legProfiles, child.values.callLegProfile);
  }
  return pages + perSpace + 1 + tenants.size + legProfiles.size + callProfiles.size;
}

/** Counts the API requests the mock receives, and the most it had in flight at once. */
function watchMock() {
  const seen = { requests: 0, inFlight: 0, peak: 0 };
  const start = ({ request }: { request: Request }) => {
    if (!new URL(request.url).pathname.startsWith('/api/v1/')) return;
    seen.requests++;
    seen.peak = Math.max(seen.peak, ++seen.inFlight);
  };
  const end = ({ request }: { request: Request }) => {
    if (new URL(request.url).pathname.startsWith('/api/v1/')) seen.inFlight--;
  };
  server.events.on('request:start', start);
  server.events.on('request:end', end);
  return seen;
}

afterEach(() => server.events.removeAllListeners());

const byId = (results: readonly ScanResult[]) => [...results].sort((a, b) => a.spaceId.localeCompare(b.spaceId));

describe('scanFleet against the mock CMS', () => {
  it('gives every space the verdict, findings and roles the space page computes, with one request per page, per own read and per shared object', async () => {
    mock.reset('large:35');
    const seen = watchMock();
    const results: ScanResult[] = [];
    const limiter = createAdaptiveLimiter({ max: 8 });
    const progress = await scanFleet({ limiter, now: () => AT, onResult: (r) => results.push(r) });

    const ids = mock.store.all('coSpace').map((s) => s.id);
    const expected = requestsFor(mock.store, ids);
    expect(progress).toEqual({ total: 35, listed: 35, scanned: 35, skipped: 0, gone: 0, unread: 0, requests: expected });
    expect(seen.requests).toBe(expected);
    expect(seen.peak).toBeLessThanOrEqual(8);
    // 35 spaces: 4 pages, 3 with an access method and a member (5 reads), 32 without (2 reads), the system's profiles and 2 callLegProfiles.
    expect(expected).toBe(4 + 3 * 5 + 32 * 2 + 1 + 2);

    const oneByOne = await Promise.all(ids.map(async (id) => scanResultOf(evaluateSpace(await loadSpaceModel(id)), AT)));
    expect(byId(results)).toEqual(byId(oneByOne));
    expect(results.filter((r) => r.status === 'fail')).toHaveLength(32);
    expect(results.find((r) => r.spaceId.endsWith('00000000000a'))).toMatchObject({ status: 'pass', roles: { host: 2, guest: 3 } });
  });

  it('reads the lab like the space page does, and stores no PIN', async () => {
    const results: ScanResult[] = [];
    const progress = await scanFleet({ limiter: createAdaptiveLimiter({ max: 8 }), now: () => AT, onResult: (r) => results.push(r) });
    expect(progress.requests).toBe(requestsFor(mock.store, mock.store.all('coSpace').map((s) => s.id)));
    const pins = [...mock.store.all('coSpace'), ...mock.store.all('accessMethod')].map((e) => e.values.passcode).filter((p) => typeof p === 'string' && p !== '');
    expect(pins.length).toBeGreaterThan(0);
    const stored = JSON.stringify(results);
    for (const pin of pins) expect(stored).not.toMatch(new RegExp(`PIN ${pin}\\b`));
    expect(stored).toContain('PIN *****');
    const guestPin = results.find((r) => r.uri === 'guestpin.space');
    expect(guestPin?.paths.map((p) => [p.kind, p.role, p.pin])).toEqual([
      ['spaceUri', 'guest', 'blank'],
      ['spaceCallId', 'guest', 'blank'],
      ['accessMethod', 'host', 'set'],
    ]);
  });

  it('halves what it sends at once when CMS answers 503, grows back after, and still reads everything', async () => {
    mock.reset('large:60');
    mock.faults.latencyMs = 2;
    // Requests 40 to 100 each get one 503 first, as from a CMS that is busy for a while; their retry goes through.
    let sent = 0;
    const refused = new Set<string>();
    server.use(
      http.all('*/api/v1/*', ({ request }) => {
        if (refused.has(request.url)) return undefined;
        sent++;
        if (sent < 40 || sent > 100) return undefined;
        refused.add(request.url);
        return new HttpResponse(null, { status: 503 });
      }),
    );
    const seen = watchMock();
    const limiter = createAdaptiveLimiter({ max: 8 });
    const stop = followCmsPressure(limiter);
    const limits: number[] = [];
    const results: ScanResult[] = [];
    try {
      const progress = await scanFleet({ limiter, onResult: (r) => results.push(r), onProgress: () => limits.push(limiter.limit) });
      const expected = requestsFor(mock.store, mock.store.all('coSpace').map((s) => s.id));
      expect(progress).toMatchObject({ scanned: 60, unread: 0, requests: expected });
      expect(seen.requests).toBe(expected + refused.size);
    } finally {
      stop();
    }
    expect(refused.size).toBe(61);
    expect(Math.min(...limits)).toBeLessThanOrEqual(2);
    expect(limits.at(-1)).toBeGreaterThan(Math.min(...limits));
    expect(results.filter((r) => r.status === 'fail')).toHaveLength(54);
  });

  it('stops when cancelled and, resumed with what it stored, reads only the rest', async () => {
    mock.reset('large:40');
    const controller = new AbortController();
    const first: ScanResult[] = [];
    const seen = watchMock();
    const cancelled = scanFleet({
      limiter: createAdaptiveLimiter({ max: 4 }),
      signal: controller.signal,
      spacesInFlight: 4,
      onResult: (r) => {
        first.push(r);
        if (first.length === 12) controller.abort();
      },
    });
    await expect(cancelled).rejects.toMatchObject({ kind: 'aborted' });
    const sentBeforeCancel = seen.requests;
    expect(first.length).toBeGreaterThanOrEqual(12);
    expect(first.length).toBeLessThan(40);

    const done = new Set(first.map((r) => r.spaceId));
    const rest: ScanResult[] = [];
    const resumed = await scanFleet({ limiter: createAdaptiveLimiter({ max: 8 }), skip: done, onResult: (r) => rest.push(r) });
    const remaining = mock.store.all('coSpace').map((s) => s.id).filter((id) => !done.has(id));
    expect(resumed).toMatchObject({ listed: 40, skipped: done.size, scanned: remaining.length, requests: requestsFor(mock.store, remaining) });
    expect(seen.requests - sentBeforeCancel).toBe(resumed.requests);
    expect(new Set([...first, ...rest].map((r) => r.spaceId)).size).toBe(40);
  });

  it('stops, instead of listing thousands of unread spaces, when CMS answers nothing', async () => {
    server.use(http.get('*/api/v1/coSpaces/:id', () => new HttpResponse(null, { status: 503 })));
    const results: ScanResult[] = [];
    const stopped = scanFleet({ limiter: createAdaptiveLimiter({ max: 8 }), maxUnreadInARow: 3, spacesInFlight: 1, onResult: (r) => results.push(r) });
    await expect(stopped).rejects.toBeInstanceOf(ScanStoppedError);
    await expect(stopped).rejects.toThrow(/CMS did not answer 3 spaces in a row/);
    expect(results.map((r) => r.status)).toEqual(['unread', 'unread', 'unread']);
  }, 30_000);
});
