import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalRunSchema, runDetailSchema, runPageSchema } from '../../src/api/wire/journal-contract';
import { type SpawnedMock, spawnMockCms } from '../../src/mocks/cms/testing/spawn-mock';
import { freePort, type SpawnedProxy, spawnProxy } from '../testing/spawn-proxy';
import { JOURNAL_FILE } from './config';
import { LATEST_VERSION } from './migrations';
import { startPostgres, type PostgresServer } from './testing/postgres-server';

// Long enough that no port, time or id in a log can hold it by chance (4711 once matched port 34711).
const PASSCODE = '809172635';
const CMS_PASSWORD = 'S3cret-Pa55';
const XRB = { 'X-Requested-By': 'cms-access-studio' };
const JSON_HEADERS = { ...XRB, 'Content-Type': 'application/json' };

let cms: SpawnedMock;
let pgServer: PostgresServer;
const proxies: SpawnedProxy[] = [];

async function call(proxy: SpawnedProxy, path: string, init: RequestInit & { json?: unknown } = {}) {
  const { json, ...rest } = init;
  const res = await fetch(`${proxy.url}/studio/journal${path}`, {
    ...rest,
    headers: { ...(json === undefined ? XRB : JSON_HEADERS), ...(rest.headers as Record<string, string> | undefined) },
    ...(json === undefined ? {} : { method: rest.method ?? 'POST', body: JSON.stringify(json) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text.startsWith('{') ? JSON.parse(text) : undefined };
}

async function start(env: Record<string, string>): Promise<SpawnedProxy> {
  const proxy = await spawnProxy(env);
  proxies.push(proxy);
  return proxy;
}

function hostPinIntent(seq: number, spaceId: string) {
  return {
    seq,
    operation: { kind: 'createAccessMethod', json: { op: 'createAccessMethod', space: spaceId, form: { uri: 'host.space', passcode: PASSCODE } } },
    method: 'POST',
    path: `/api/v1/coSpaces/${spaceId}/accessMethods`,
    form: { uri: 'host.space', passcode: PASSCODE, callLegProfile: 'clp-host' },
    objectKind: 'accessMethod',
    spaceId,
    before: null,
    after: { uri: 'host.space', passcode: PASSCODE, callLegProfile: 'clp-host' },
  };
}

/** A wizard run with one applied write carrying a PIN, through the HTTP API. */
async function recordRun(proxy: SpawnedProxy, headers: Record<string, string> = {}, title = 'Scenario 2 on guestpin.space') {
  const id = randomUUID();
  const spaceId = 'c7b3f1b0-0000-4000-8000-000000000042';
  const created = await call(proxy, '/runs', { headers, json: { id, origin: { kind: 'wizard', name: 'scenario-2' }, title, spaces: [{ id: spaceId, label: 'guestpin.space' }], cluster: 'forged', cmsUser: 'forged' } });
  expect(created.status).toBe(201);
  expect((await call(proxy, `/runs/${id}/writes`, { headers, json: hostPinIntent(1, spaceId) })).status).toBe(201);
  const outcome = await call(proxy, `/runs/${id}/writes/1/outcome`, { headers, json: { outcome: 'applied', status: 200, objectId: 'f00dbabe-0000-4000-8000-000000000001', durationMs: 12 } });
  expect(outcome.status).toBe(200);
  expect((await call(proxy, `/runs/${id}/finish`, { headers, json: { state: 'applied' } })).status).toBe(200);
  return { id, spaceId, created: journalRunSchema.parse(created.body) };
}

beforeAll(async () => {
  [cms, pgServer] = await Promise.all([spawnMockCms(['--tls'], { MOCK_CMS_USER: 'admin', MOCK_CMS_PASSWORD: CMS_PASSWORD }), startPostgres()]);
}, 180_000);

afterAll(async () => {
  await Promise.all([...proxies.map((p) => p.stop()), cms?.stop()]);
  await pgServer?.stop();
});

describe('journal API with the built-in mock CMS', () => {
  let proxy: SpawnedProxy;
  beforeAll(async () => {
    proxy = await start({});
  }, 180_000);

  it('records a run with the server’s cluster and user, whatever the client claims', async () => {
    const { id, created } = await recordRun(proxy);
    expect(created).toMatchObject({ id, cluster: 'mock', cmsUser: 'mock', state: 'running' });
    const detail = runDetailSchema.parse((await call(proxy, `/runs/${id}`)).body);
    expect(detail.run).toMatchObject({ state: 'applied', writeCounts: { total: 1, applied: 1 } });
    expect(detail.writes[0]).toMatchObject({ seq: 1, outcome: 'applied', status: 200, objectId: 'f00dbabe-0000-4000-8000-000000000001' });
  });

  it('masks passcodes in a run’s detail unless reveal is asked for', async () => {
    const { id } = await recordRun(proxy);
    const masked = await call(proxy, `/runs/${id}`);
    expect(masked.text).not.toContain(PASSCODE);
    const write = runDetailSchema.parse(masked.body).writes[0]!;
    expect(write.form).toEqual({ uri: 'host.space', passcode: '*****', callLegProfile: 'clp-host' });
    expect(write.after).toMatchObject({ passcode: '*****' });
    expect(write.operation.json).toMatchObject({ form: { passcode: '*****' } });
    const revealed = runDetailSchema.parse((await call(proxy, `/runs/${id}?reveal=1`)).body);
    expect(revealed.revealed).toBe(true);
    expect(revealed.writes[0]?.form.passcode).toBe(PASSCODE);
  });

  it('lists runs newest first with cursor paging and filters', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await recordRun(proxy, {}, `paging ${i}`)).id);
    const first = runPageSchema.parse((await call(proxy, '/runs?limit=2')).body);
    expect(first.runs.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    expect(first.nextCursor).not.toBeNull();
    const second = runPageSchema.parse((await call(proxy, `/runs?limit=2&cursor=${first.nextCursor}`)).body);
    expect(second.runs[0]?.id).toBe(ids[0]);
    const bySpace = runPageSchema.parse((await call(proxy, '/runs?space=GUESTPIN&cluster=mock&cmsUser=mock&limit=500')).body);
    expect(bySpace.total).toBe(first.total);
    const future = runPageSchema.parse((await call(proxy, `/runs?from=${encodeURIComponent('2999-01-01T00:00:00.000Z')}`)).body);
    expect(future.runs).toEqual([]);
    expect((await call(proxy, '/runs?limit=0')).status).toBe(400);
    const batchId = randomUUID();
    const batch = await call(proxy, '/runs', { json: { id: randomUUID(), origin: { kind: 'batch', name: 'different-uris', batchId }, title: 'Batch fix: space 1', spaces: [] } });
    expect(batch.status).toBe(201);
    const byBatch = runPageSchema.parse((await call(proxy, `/runs?batch=${batchId}`)).body);
    expect(byBatch.runs.map((r) => r.origin)).toEqual([{ kind: 'batch', name: 'different-uris', batchId }]);
    expect((await call(proxy, '/facets')).body).toEqual({ clusters: ['mock'], cmsUsers: ['mock'] });
  });

  it('exports JSON and CSV with every passcode masked', async () => {
    const { id } = await recordRun(proxy);
    const json = await call(proxy, `/export.json?run=${id}`);
    expect(json.headers.get('content-disposition')).toMatch(/^attachment; filename="cms-studio-journal-.+\.json"$/);
    expect(json.text).not.toContain(PASSCODE);
    expect(json.body).toMatchObject({ masked: true, runs: [{ id, writes: [{ form: { passcode: '*****' } }] }] });
    const csv = await call(proxy, `/export.csv?run=${id}`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.text).not.toContain(PASSCODE);
    const [header, row] = csv.text.trim().split('\r\n');
    expect(header?.split(',').slice(0, 3)).toEqual(['run_id', 'run_title', 'origin_kind']);
    expect(row).toContain('passcode=*****');
    expect(row).toContain(id);
  });

  it('refuses calls without X-Requested-By, from other sites, or with a foreign Host', async () => {
    const bare = await fetch(`${proxy.url}/studio/journal/runs`);
    expect(bare.status).toBe(403);
    const foreign = await call(proxy, '/runs', { headers: { Origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ code: 'forbidden' });
    // fetch will not send another Host; node:http will.
    const rebinding = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: proxy.port, path: '/studio/journal/runs', headers: { ...XRB, Host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(rebinding).toBe(403);
  });

  it('says what is wrong with a request, in words', async () => {
    const id = randomUUID();
    const notJson = await call(proxy, '/runs', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(notJson.status).toBe(415);
    const invalid = await call(proxy, '/runs', { json: { id, origin: { kind: 'undo', name: 'undo' }, title: 'x' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatch(/undoesRunId/);
    const huge = await call(proxy, '/runs', { json: { id, origin: { kind: 'page', name: 'x' }, title: 'x'.repeat(1_100_000) } });
    expect(huge.status).toBe(413);
    expect((await call(proxy, `/runs/${id}/writes`, { json: hostPinIntent(1, 'sp') })).status).toBe(404);
    expect((await call(proxy, '/nothing-here')).status).toBe(404);
    expect((await call(proxy, '/runs', { method: 'DELETE' })).status).toBe(405);
    const applied200 = await call(proxy, '/runs', { json: { id, origin: { kind: 'page', name: 'space/edit' }, title: 'Edit' } });
    expect(applied200.status).toBe(201);
    await call(proxy, `/runs/${id}/writes`, { json: hostPinIntent(1, 'sp') });
    const lying = await call(proxy, `/runs/${id}/writes/1/outcome`, { json: { outcome: 'applied', status: 503 } });
    expect(lying.status).toBe(400);
    const duplicate = await call(proxy, `/runs/${id}/writes`, { json: { ...hostPinIntent(1, 'sp'), path: '/api/v1/coSpaces' } });
    expect(duplicate).toMatchObject({ status: 409, body: { code: 'conflict' } });
  });

  it('never writes a passcode to its log', () => {
    expect(proxy.output()).toMatch(/POST \/studio\/journal\/runs\/[0-9a-f-]+\/writes 201/);
    expect(proxy.output()).not.toContain(PASSCODE);
  });
});

describe('journal API in sign-in mode and with several clusters', () => {
  let proxy: SpawnedProxy;
  const signedIn = { Authorization: `Basic ${btoa(`admin:${CMS_PASSWORD}`)}`, 'X-CMS-Target': 'paris' };
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'targets-'));
    const file = join(dir, 'targets.json');
    writeFileSync(
      file,
      JSON.stringify({ london: { url: cms.url, caFile: cms.caFile, user: 'admin', password: CMS_PASSWORD }, paris: { url: cms.url, caFile: cms.caFile } }),
    );
    proxy = await start({ CMS_TARGETS: file });
  }, 180_000);

  it('records a server-held cluster’s configured user, and the signed-in user on a sign-in cluster', async () => {
    const london = await recordRun(proxy);
    expect(london.created).toMatchObject({ cluster: 'london', cmsUser: 'admin' });
    const paris = await recordRun(proxy, signedIn);
    expect(paris.created).toMatchObject({ cluster: 'paris', cmsUser: 'admin' });
    // The sign-in cluster's runs are read with credentials CMS accepts.
    const listed = runPageSchema.parse((await call(proxy, '/runs?cluster=paris', { headers: signedIn })).body);
    expect(listed.runs.map((r) => r.id)).toContain(paris.id);
  });

  it('answers 401 without credentials, or with credentials CMS refuses, on a sign-in cluster', async () => {
    const none = await call(proxy, '/runs', { headers: { 'X-CMS-Target': 'paris' } });
    expect(none).toMatchObject({ status: 401, body: { code: 'unauthorized' } });
    const wrong = await call(proxy, '/runs', { headers: { 'X-CMS-Target': 'paris', Authorization: `Basic ${btoa('admin:guess')}` } });
    expect(wrong).toMatchObject({ status: 401, body: { code: 'unauthorized' } });
    expect(wrong.body.error).toMatch(/does not accept these credentials/);
    expect((await call(proxy, '/runs', { headers: { 'X-CMS-Target': 'nowhere' } })).status).toBe(400);
    expect(proxy.output()).not.toContain(CMS_PASSWORD);
  });

  it('lets no one add to a run recorded on another cluster', async () => {
    const { id } = await recordRun(proxy);
    const reopen = await call(proxy, `/runs/${id}/reopen`, { headers: signedIn, json: {} });
    expect(reopen).toMatchObject({ status: 409, body: { code: 'conflict' } });
  });
});

describe('journal durability', () => {
  it('keeps runs across a restart, and shows a write whose outcome never came as pending', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'studio-data-'));
    const first = await start({ STUDIO_DATA_DIR: dataDir });
    const { id } = await recordRun(first);
    const abandoned = randomUUID();
    await call(first, '/runs', { json: { id: abandoned, origin: { kind: 'wizard', name: 'scenario-4' }, title: 'Tab closed mid-run' } });
    await call(first, `/runs/${abandoned}/writes`, { json: hostPinIntent(1, 'sp') });
    // Killed without a chance to clean up: the next start must take over the file.
    process.kill(Number(readFileSync(join(dataDir, `${JOURNAL_FILE}.owner`), 'utf8')), 'SIGKILL');
    await first.stop();

    const second = await start({ STUDIO_DATA_DIR: dataDir });
    expect(runDetailSchema.parse((await call(second, `/runs/${id}`)).body).run.state).toBe('applied');
    const pending = runDetailSchema.parse((await call(second, `/runs/${abandoned}`)).body);
    expect(pending.run).toMatchObject({ state: 'running', writeCounts: { pending: 1 } });
    expect(pending.writes[0]).toMatchObject({ outcome: 'pending' });
    expect(pending.writes[0]?.answeredAt).toBeUndefined();
  });

  it('shares one history between two instances on one PostgreSQL', async () => {
    const url = await pgServer.createDatabase();
    const [a, b] = await Promise.all([start({ DATABASE_URL: url }), start({ DATABASE_URL: url })]);
    expect(a.output()).toMatch(new RegExp(String.raw`journal: PostgreSQL 127\.0\.0\.1:\d+/journal_\d+_\d+ \(schema v${LATEST_VERSION}\)`));
    const { id } = await recordRun(a);
    const seen = runDetailSchema.parse((await call(b, `/runs/${id}?reveal=1`)).body);
    expect(seen.writes[0]?.form.passcode).toBe(PASSCODE);
  });

  it('refuses the write intent with 503 when PostgreSQL goes away, so no CMS write goes unrecorded', async () => {
    const own = await startPostgres();
    const proxy = await start({ DATABASE_URL: own.url });
    const id = randomUUID();
    expect((await call(proxy, '/runs', { json: { id, origin: { kind: 'page', name: 'system/global-profiles' }, title: 'Global profiles' } })).status).toBe(201);
    await own.stop();
    const refused = await call(proxy, `/runs/${id}/writes`, { json: hostPinIntent(1, 'sp') });
    expect(refused).toMatchObject({ status: 503, body: { code: 'unavailable' } });
    expect(proxy.output()).not.toContain(PASSCODE);
  });

  it('does not start when the journal cannot open', async () => {
    const closed = `postgres://studio@127.0.0.1:${await freePort()}/nothing`;
    await expect(spawnProxy({ DATABASE_URL: closed })).rejects.toThrow(/The change journal cannot open/);
  });
});
