import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ScanFinding, ScanResult, ScanStatus } from '../../src/api/wire/scan-contract';
import type { JournalConfig } from './config';
import { migrate } from './migrations';
import { openDriver } from './open-store';
import { openPostgresDriver } from './postgres-driver';
import { createScanStore, type ScanStore } from './scan-store';
import { JournalStoreError, type Recorder } from './store';
import { bothStores } from './testing/stores';

const LONDON: Recorder = { cluster: 'london', cmsUser: 'admin' };
const PARIS: Recorder = { cluster: 'paris', cmsUser: 'ops' };
const T0 = Date.parse('2026-03-02T08:00:00.000Z');
const TTL = 30_000;

const NO_HOST: ScanFinding = { id: 'no-host-path', kind: 'no-host-path', severity: 'error', title: 'No way in for a host: guests wait forever', fix: 'different-uris' };
const SAME_PIN: ScanFinding = { id: 'same-pin-guest-and-host', kind: 'same-pin-guest-and-host', severity: 'error', title: 'Guests and hosts share a PIN on the same address' };
const NO_MODE: ScanFinding = { id: 'blank-guest-pin-without-passcode-mode', kind: 'blank-guest-pin-without-passcode-mode', severity: 'warning', title: 'Blank guest PIN…' };
const OWNER: ScanFinding = { id: 'owner-not-member', kind: 'owner-not-member', severity: 'info', title: 'The owner x is not a member' };
const memberGuest = (member: string): ScanFinding => ({ id: `member-resolves-to-guest:${member}`, kind: 'member-resolves-to-guest', severity: 'warning', title: `Member ${member} joins as a guest` });

const STATUS_OF = (findings: ScanFinding[]): ScanStatus =>
  findings.some((f) => f.severity === 'error') ? 'fail' : findings.some((f) => f.severity === 'warning') ? 'warn' : 'pass';

function result(spaceId: string, findings: ScanFinding[], overrides: Partial<ScanResult> = {}): ScanResult {
  return {
    spaceId,
    name: `Space ${spaceId}`,
    uri: `${spaceId}.space`,
    callId: '1000',
    status: STATUS_OF(findings),
    summary: 'Guests wait in the lobby until a host joins.',
    findings,
    roles: { host: 1, guest: 2 },
    paths: [
      { key: 'space:uri', kind: 'spaceUri', label: `Space URI ${spaceId}.space`, role: 'guest', pin: 'set' },
      { key: 'accessMethod:am-1', kind: 'accessMethod', label: 'Access method host.space (PIN *****)', role: 'host', pin: 'set' },
    ],
    scannedAt: new Date(T0).toISOString(),
    ...overrides,
  };
}

async function open(config: JournalConfig, clock: { now: number }) {
  const { driver, release } = openDriver(config);
  await migrate(driver);
  const store = createScanStore(driver, { now: () => clock.now, leaseTtlMs: TTL });
  return { store, driver, close: async () => (await driver.close(), release()) };
}

async function expectStoreError(promise: Promise<unknown>, code: JournalStoreError['code']) {
  await expect(promise).rejects.toBeInstanceOf(JournalStoreError);
  await expect(promise).rejects.toMatchObject({ code });
}

/** A scan of `by`'s cluster holding its lease. */
async function started(store: ScanStore, by: Recorder = LONDON) {
  const answer = await store.start({ id: randomUUID() }, by);
  if (!answer.lease) throw new Error('expected to hold the lease');
  return { scan: answer.scan, token: answer.lease.token };
}

describe.each(bothStores())('scan store on $name', (kind) => {
  async function withStore(work: (store: ScanStore, clock: { now: number }) => Promise<void>) {
    const clock = { now: T0 };
    const { store, close } = await open(await kind.fresh(), clock);
    try {
      await work(store, clock);
    } finally {
      await close();
    }
  }

  it('gives the first start of a cluster the lease and every later start the running scan, without one', () =>
    withStore(async (store) => {
      const id = randomUUID();
      const first = await store.start({ id }, LONDON);
      expect(first.created).toBe(true);
      expect(first.lease?.token).toMatch(/^[\w-]{32}$/);
      expect(first.scan).toMatchObject({ id, cluster: 'london', cmsUser: 'admin', state: 'running', live: true, spacesTotal: null, requests: 0 });
      const second = await store.start({ id: randomUUID() }, { cluster: 'london', cmsUser: 'ops' });
      expect(second.lease).toBeUndefined();
      expect(second.scan.id).toBe(id);
      // A resent start whose answer was lost is recognised, and does not hand the lease out twice.
      expect(await store.start({ id }, LONDON)).toMatchObject({ created: false, scan: { id } });
      expect((await store.start({ id }, LONDON)).lease).toBeUndefined();
      // Another cluster scans on its own.
      expect((await store.start({ id: randomUUID() }, PARIS)).lease).toBeDefined();
      expect((await store.list({ limit: 10 })).map((s) => s.cluster).sort()).toEqual(['london', 'paris']);
    }));

  it('lets a dead tab’s lease expire: a later start takes over and the old holder is refused', () =>
    withStore(async (store, clock) => {
      const old = await started(store);
      clock.now += TTL - 1;
      expect((await store.start({ id: randomUUID() }, LONDON)).lease).toBeUndefined();
      await store.heartbeat(old.scan.id, old.token, LONDON);
      clock.now += TTL - 1;
      expect((await store.get(old.scan.id))?.live).toBe(true);
      clock.now += 2;
      expect((await store.get(old.scan.id))?.live).toBe(false);
      const next = await started(store);
      expect(next.scan.id).not.toBe(old.scan.id);
      expect((await store.get(old.scan.id))?.state).toBe('stopped');
      await expectStoreError(store.heartbeat(old.scan.id, old.token, LONDON), 'conflict');
      await expectStoreError(store.addResults(old.scan.id, old.token, { results: [result('a', [])], requests: 3 }, LONDON), 'conflict');
      await expectStoreError(store.heartbeat(next.scan.id, next.token, PARIS), 'conflict');
      await expectStoreError(store.heartbeat(randomUUID(), next.token, LONDON), 'not-found');
    }));

  it('stores results with their counts; a resent batch counts once and a reread space replaces its result', () =>
    withStore(async (store, clock) => {
      const { scan, token } = await started(store);
      const batch = { results: [result('a', [NO_HOST]), result('b', []), result('c', [NO_MODE, OWNER]), result('d', [], { status: 'unread', summary: 'CMS answered 503' })], requests: 40, spacesTotal: 6 };
      clock.now += 1_000;
      const after = await store.addResults(scan.id, token, batch, LONDON);
      expect(after).toMatchObject({ spacesTotal: 6, requests: 40, counts: { results: 4, pass: 1, warn: 1, fail: 1, unread: 1 }, updatedAt: new Date(T0 + 1_000).toISOString() });
      expect(await store.addResults(scan.id, token, batch, LONDON)).toMatchObject({ requests: 40, counts: { results: 4 } });
      expect((await store.doneSpaceIds(scan.id)).sort()).toEqual(['a', 'b', 'c']);
      await store.addResults(scan.id, token, { results: [result('d', [SAME_PIN]), result('a', [])], requests: 52 }, LONDON);
      const scanNow = await store.get(scan.id);
      expect(scanNow).toMatchObject({ spacesTotal: 6, requests: 52, counts: { results: 4, pass: 2, warn: 1, fail: 1, unread: 0 } });
      const page = await store.results({ scans: [scan.id], finding: 'no-host-path' }, { sort: 'status' }, { offset: 0, limit: 10 });
      expect(page.total).toBe(0);
      const d = await store.results({ scans: [scan.id], q: 'space d' }, { sort: 'status' }, { offset: 0, limit: 10 });
      expect(d.results).toEqual([{ ...result('d', [SAME_PIN]), scanId: scan.id, cluster: 'london' }]);
    }));

  it('finishes a scan and frees its cluster; a stopped scan resumes with its results and adds to its request count', () =>
    withStore(async (store, clock) => {
      const { scan, token } = await started(store);
      await store.addResults(scan.id, token, { results: [result('a', [NO_HOST])], requests: 10, spacesTotal: 3 }, LONDON);
      clock.now += 5_000;
      const stopped = await store.finish(scan.id, token, { state: 'stopped', requests: 12 }, LONDON);
      expect(stopped).toMatchObject({ state: 'stopped', live: false, requests: 12, finishedAt: new Date(T0 + 5_000).toISOString() });
      await expectStoreError(store.heartbeat(scan.id, token, LONDON), 'conflict');

      const resumed = await store.start({ id: randomUUID(), resume: scan.id }, LONDON);
      expect(resumed).toMatchObject({ created: false, scan: { id: scan.id, state: 'running', live: true, requests: 12, counts: { results: 1 } } });
      expect(resumed.scan.finishedAt).toBeUndefined();
      const token2 = resumed.lease!.token;
      expect(token2).not.toBe(token);
      await store.addResults(scan.id, token2, { results: [result('b', []), result('c', [])], requests: 7 }, LONDON);
      const done = await store.finish(scan.id, token2, { state: 'complete', requests: 8 }, LONDON);
      expect(done).toMatchObject({ state: 'complete', requests: 20, counts: { results: 3, pass: 2, fail: 1 } });
      await expectStoreError(store.start({ id: randomUUID(), resume: scan.id }, LONDON), 'conflict');
      await expectStoreError(store.start({ id: randomUUID(), resume: scan.id }, PARIS), 'conflict');
      expect((await store.start({ id: randomUUID() }, LONDON)).lease).toBeDefined();
    }));

  it('lists results by status, finding, tenant and text, sorted and paged', () =>
    withStore(async (store) => {
      const { scan, token } = await started(store);
      const acme = { tenant: 'E2F6A4C8-0000-4000-8000-000000000001', tenantName: 'Acme' };
      await store.addResults(
        scan.id,
        token,
        {
          results: [
            result('a', [NO_HOST], { name: 'Zeta', ...acme }),
            result('b', [], { name: 'alpha' }),
            result('c', [NO_MODE, memberGuest('m1'), memberGuest('m2')], { name: 'Gamma', ...acme }),
            result('d', [NO_HOST, SAME_PIN], { name: 'delta' }),
            result('e', [], { name: 'Beta', status: 'unread', summary: 'CMS did not answer' }),
          ],
          requests: 1,
        },
        LONDON,
      );
      const names = async (filter: Partial<Parameters<ScanStore['results']>[0]>, sort: Parameters<ScanStore['results']>[1] = { sort: 'status' }, offset = 0, limit = 50) =>
        (await store.results({ scans: [scan.id], ...filter }, sort, { offset, limit })).results.map((r) => r.name);
      expect(await names({})).toEqual(['delta', 'Zeta', 'Gamma', 'Beta', 'alpha']);
      expect(await names({}, { sort: 'status', dir: 'asc' })).toEqual(['alpha', 'Beta', 'Gamma', 'delta', 'Zeta']);
      expect(await names({}, { sort: 'name' })).toEqual(['alpha', 'Beta', 'delta', 'Gamma', 'Zeta']);
      expect(await names({}, { sort: 'findings' })).toEqual(['Gamma', 'delta', 'Zeta', 'alpha', 'Beta']);
      expect(await names({}, { sort: 'name' }, 1, 2)).toEqual(['Beta', 'delta']);
      expect((await store.results({ scans: [scan.id] }, { sort: 'name' }, { offset: 1, limit: 2 })).total).toBe(5);
      expect(await names({ status: ['fail', 'warn'] })).toEqual(['delta', 'Zeta', 'Gamma']);
      expect(await names({ finding: 'no-host-path' })).toEqual(['delta', 'Zeta']);
      expect(await names({ finding: 'member-resolves-to-guest' })).toEqual(['Gamma']);
      expect(await names({ tenant: acme.tenant.toLowerCase() })).toEqual(['Zeta', 'Gamma']);
      expect(await names({ tenant: 'none' })).toEqual(['delta', 'Beta', 'alpha']);
      expect(await names({ q: 'ALP' })).toEqual(['alpha']);
      expect(await names({ q: '100%' })).toEqual([]);
      expect(await store.facets([scan.id])).toEqual({
        findings: [
          { kind: 'no-host-path', severity: 'error', title: NO_HOST.title, spaces: 2 },
          { kind: 'same-pin-guest-and-host', severity: 'error', title: SAME_PIN.title, spaces: 1 },
          { kind: 'blank-guest-pin-without-passcode-mode', severity: 'warning', title: NO_MODE.title, spaces: 1 },
          { kind: 'member-resolves-to-guest', severity: 'warning', title: 'Member m1 joins as a guest', spaces: 1 },
        ],
        tenants: [{ id: acme.tenant.toLowerCase(), name: 'Acme', spaces: 2 }],
      });
      expect(await store.selection({ scans: [scan.id], status: ['fail'] })).toEqual({
        spaces: [
          { cluster: 'london', spaceId: 'd' },
          { cluster: 'london', spaceId: 'a' },
        ],
        total: 2,
      });
    }));

  it('compares a scan with an earlier one: problems new since then, and problems fixed since', () =>
    withStore(async (store, clock) => {
      const first = await started(store);
      await store.addResults(
        first.scan.id,
        first.token,
        { results: [result('a', [NO_HOST]), result('b', []), result('c', [NO_MODE]), result('d', [NO_HOST]), result('gone', [NO_HOST])], requests: 1 },
        LONDON,
      );
      await store.finish(first.scan.id, first.token, { state: 'complete' }, LONDON);
      clock.now += 60_000;
      const second = await started(store);
      await store.addResults(
        second.scan.id,
        second.token,
        {
          results: [
            result('a', []),
            result('b', [SAME_PIN]),
            result('c', [NO_MODE, memberGuest('m1')]),
            result('d', [NO_HOST]),
            result('new', [NO_HOST]),
            result('e', [], { status: 'unread', summary: 'busy' }),
          ],
          requests: 1,
        },
        LONDON,
      );
      const base = first.scan.id;
      const ids = async (change: 'new' | 'fixed') =>
        (await store.results({ scans: [second.scan.id], base, change }, { sort: 'name' }, { offset: 0, limit: 50 })).results.map((r) => [r.spaceId, r.status, r.was ?? null]);
      expect(await ids('new')).toEqual([
        ['b', 'fail', 'pass'],
        ['c', 'warn', 'warn'],
        ['new', 'fail', null],
      ]);
      expect(await ids('fixed')).toEqual([['a', 'pass', 'fail']]);
      expect(await store.compare(second.scan.id, base)).toMatchObject({ new: 3, fixed: 1, scan: { id: second.scan.id }, base: { id: base } });
      await expectStoreError(store.results({ scans: [second.scan.id, base], base, change: 'new' }, { sort: 'name' }, { offset: 0, limit: 5 }), 'invalid');
      const paris = await started(store, PARIS);
      await expectStoreError(store.compare(paris.scan.id, base), 'invalid');
    }));

  it('answers each space’s latest verdict in the cluster, with its time, for the Spaces list', () =>
    withStore(async (store, clock) => {
      const first = await started(store);
      await store.addResults(first.scan.id, first.token, { results: [result('a', [NO_HOST]), result('b', [])], requests: 1 }, LONDON);
      await store.finish(first.scan.id, first.token, { state: 'complete' }, LONDON);
      clock.now += 60_000;
      const second = await started(store);
      const later = new Date(T0 + 60_000).toISOString();
      await store.addResults(second.scan.id, second.token, { results: [result('a', [], { scannedAt: later }), result('b', [], { status: 'unread', summary: 'x', scannedAt: later })], requests: 1 }, LONDON);
      const paris = await started(store, PARIS);
      await store.addResults(paris.scan.id, paris.token, { results: [result('c', [NO_HOST])], requests: 1 }, PARIS);
      const statuses = await store.latestStatuses('london', ['A', 'b', 'c']);
      expect(statuses.sort((x, y) => x.spaceId.localeCompare(y.spaceId))).toEqual([
        { spaceId: 'a', status: 'pass', scannedAt: later, scanId: second.scan.id },
        { spaceId: 'b', status: 'pass', scannedAt: new Date(T0).toISOString(), scanId: first.scan.id },
      ]);
      expect(await store.latestStatuses('london', [])).toEqual([]);
    }));

  if (kind.name === 'postgres') {
    it('hands one lease to one of several studios starting at once', async () => {
      const config = await kind.fresh();
      if (config.kind !== 'postgres') throw new Error('expected a PostgreSQL config');
      const drivers = [1, 2, 3, 4].map(() => openPostgresDriver(config.url));
      try {
        await migrate(drivers[0]!);
        const answers = await Promise.all(drivers.map((driver) => createScanStore(driver).start({ id: randomUUID() }, LONDON)));
        expect(answers.filter((a) => a.lease).length).toBe(1);
        expect(new Set(answers.map((a) => a.scan.id)).size).toBe(1);
      } finally {
        await Promise.all(drivers.map((d) => d.close()));
      }
    });
  }
});
