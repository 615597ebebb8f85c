import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanResultPageSchema, scanSchema, startScanAnswerSchema, type ScanResult } from '../../src/api/wire/scan-contract';
import { type SpawnedMock, spawnMockCms } from '../../src/mocks/cms/testing/spawn-mock';
import { type SpawnedProxy, spawnProxy } from '../testing/spawn-proxy';
import { startPostgres, type PostgresServer } from './testing/postgres-server';

const XRB = { 'X-Requested-By': 'cms-access-studio' };
const CMS_PASSWORD = 'Scan-Pa55';
const proxies: SpawnedProxy[] = [];
let pgServer: PostgresServer;
let cms: SpawnedMock;

async function call(proxy: SpawnedProxy, path: string, init: { json?: unknown; headers?: Record<string, string>; method?: string } = {}) {
  const res = await fetch(`${proxy.url}/studio/scans${path}`, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    headers: { ...XRB, ...(init.json === undefined ? {} : { 'Content-Type': 'application/json' }), ...init.headers },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text.startsWith('{') ? JSON.parse(text) : undefined };
}

async function start(env: Record<string, string>) {
  const proxy = await spawnProxy(env);
  proxies.push(proxy);
  return proxy;
}

function result(spaceId: string, status: ScanResult['status']): ScanResult {
  return {
    spaceId,
    name: `=HYPERLINK("x") ${spaceId}`,
    uri: `${spaceId}.space`,
    status,
    summary: status === 'fail' ? '1 problem to fix: No way in for a host: guests wait forever.' : 'Guests wait in the lobby until a host joins.',
    findings: status === 'fail' ? [{ id: 'no-host-path', kind: 'no-host-path', severity: 'error', title: 'No way in for a host: guests wait forever', fix: 'different-uris' }] : [],
    roles: { host: status === 'fail' ? 0 : 1, guest: 1 },
    paths: [{ key: 'space:uri', kind: 'spaceUri', label: `Space URI ${spaceId}.space`, role: 'guest', pin: 'set' }],
    scannedAt: new Date().toISOString(),
  };
}

beforeAll(async () => {
  [pgServer, cms] = await Promise.all([startPostgres(), spawnMockCms([], { MOCK_CMS_USER: 'admin', MOCK_CMS_PASSWORD: CMS_PASSWORD })]);
}, 90_000);

afterAll(async () => {
  await Promise.all([...proxies.map((p) => p.stop()), cms?.stop()]);
  await pgServer?.stop();
});

describe('scans API with the built-in mock CMS', () => {
  let proxy: SpawnedProxy;
  beforeAll(async () => {
    proxy = await start({});
  }, 60_000);

  it('runs one scan per cluster: the first start holds the lease, a second start follows it, only the holder writes', async () => {
    const first = await call(proxy, '', { json: { id: randomUUID() } });
    expect(first.status).toBe(201);
    const { scan, lease } = startScanAnswerSchema.parse(first.body);
    expect(scan).toMatchObject({ cluster: 'mock', cmsUser: 'mock', state: 'running', live: true });
    const second = startScanAnswerSchema.parse((await call(proxy, '', { json: { id: randomUUID() } })).body);
    expect(second).toEqual({ scan: expect.objectContaining({ id: scan.id }) });

    const batch = { results: [result('a', 'fail'), result('b', 'pass')], requests: 9, spacesTotal: 2 };
    expect((await call(proxy, `/${scan.id}/results`, { json: batch })).status).toBe(400);
    expect(await call(proxy, `/${scan.id}/results`, { json: batch, headers: { 'X-Scan-Lease': 'not-the-token-at-all' } })).toMatchObject({ status: 409, body: { code: 'conflict' } });
    const stored = await call(proxy, `/${scan.id}/results`, { json: batch, headers: { 'X-Scan-Lease': lease!.token } });
    expect(scanSchema.parse(stored.body)).toMatchObject({ counts: { results: 2, fail: 1, pass: 1 }, requests: 9, spacesTotal: 2 });
    expect((await call(proxy, `/${scan.id}/lease`, { json: {}, headers: { 'X-Scan-Lease': lease!.token } })).status).toBe(200);
    expect((await call(proxy, `/${scan.id}/done`)).body).toEqual({ spaceIds: ['a', 'b'] });

    const page = scanResultPageSchema.parse((await call(proxy, `/results?scans=${scan.id}&status=fail`)).body);
    expect(page.results.map((r) => r.spaceId)).toEqual(['a']);
    expect((await call(proxy, `/results/selection?scans=${scan.id}&finding=no-host-path`)).body).toEqual({ spaces: [{ cluster: 'mock', spaceId: 'a' }], total: 1 });
    expect((await call(proxy, `/status?spaces=a,b,zzz`)).body.statuses).toHaveLength(2);
    expect((await call(proxy, `/facets?scans=${scan.id}`)).body.findings).toEqual([expect.objectContaining({ kind: 'no-host-path', spaces: 1 })]);

    const finished = await call(proxy, `/${scan.id}/finish`, { json: { state: 'complete', requests: 10 }, headers: { 'X-Scan-Lease': lease!.token } });
    expect(finished.body).toMatchObject({ state: 'complete', live: false, requests: 10 });
    expect((await call(proxy, '?cluster=mock&limit=5')).body.scans[0]).toMatchObject({ id: scan.id, state: 'complete' });
    const next = startScanAnswerSchema.parse((await call(proxy, '', { json: { id: randomUUID() } })).body);
    expect(next.lease).toBeDefined();
    await call(proxy, `/${next.scan.id}/finish`, { json: { state: 'stopped' }, headers: { 'X-Scan-Lease': next.lease!.token } });
  });

  it('exports results as CSV and JSON, quoted against formulas', async () => {
    const { scan, lease } = startScanAnswerSchema.parse((await call(proxy, '', { json: { id: randomUUID() } })).body);
    await call(proxy, `/${scan.id}/results`, { json: { results: [result('x', 'fail')], requests: 1 }, headers: { 'X-Scan-Lease': lease!.token } });
    const csv = await call(proxy, `/export.csv?scans=${scan.id}&sort=name`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="cms-studio-audit-.+\.csv"$/);
    const [header, row] = csv.text.trim().split('\r\n');
    expect(header?.split(',').slice(0, 5)).toEqual(['cluster', 'scan_id', 'scanned_at', 'space_id', 'name']);
    expect(row).toContain(`mock,${scan.id},`);
    expect(row).toContain(`"'=HYPERLINK(""x"") x"`);
    const json = await call(proxy, `/export.json?scans=${scan.id}`);
    expect(json.body).toMatchObject({ scans: [{ id: scan.id }], results: [{ spaceId: 'x', status: 'fail', cluster: 'mock' }] });
    await call(proxy, `/${scan.id}/finish`, { json: { state: 'stopped' }, headers: { 'X-Scan-Lease': lease!.token } });
  });

  it('refuses calls without X-Requested-By or from other sites, and says what is wrong', async () => {
    expect((await fetch(`${proxy.url}/studio/scans`)).status).toBe(403);
    expect((await call(proxy, '', { headers: { Origin: 'https://evil.example' } })).status).toBe(403);
    expect((await call(proxy, '/results')).status).toBe(400);
    expect((await call(proxy, `/${randomUUID()}`)).status).toBe(404);
    expect((await call(proxy, '/compare?scan=x&base=y')).status).toBe(400);
    expect((await call(proxy, '/results', { method: 'DELETE' })).status).toBe(405);
  });
});

describe('scans API across studios and in sign-in mode', () => {
  it('gives a second studio on the same PostgreSQL the running scan, not a second one', async () => {
    const url = await pgServer.createDatabase();
    const [a, b] = await Promise.all([start({ DATABASE_URL: url }), start({ DATABASE_URL: url })]);
    const first = startScanAnswerSchema.parse((await call(a, '', { json: { id: randomUUID() } })).body);
    const second = startScanAnswerSchema.parse((await call(b, '', { json: { id: randomUUID() } })).body);
    expect(first.lease).toBeDefined();
    expect(second.lease).toBeUndefined();
    expect(second.scan.id).toBe(first.scan.id);
  });

  it('answers 401 without credentials CMS accepts when the studio has none of its own', async () => {
    const proxy = await start({ CMS_URL: cms.url });
    expect(await call(proxy, '')).toMatchObject({ status: 401, body: { code: 'unauthorized' } });
    const signedIn = { Authorization: `Basic ${btoa(`admin:${CMS_PASSWORD}`)}` };
    const started = await call(proxy, '', { json: { id: randomUUID() }, headers: signedIn });
    expect(started.body.scan).toMatchObject({ cluster: 'default', cmsUser: 'admin' });
    expect(proxy.output()).not.toContain(CMS_PASSWORD);
  });
});
