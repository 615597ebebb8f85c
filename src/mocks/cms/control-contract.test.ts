import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attribute, children } from '../../api/wire/xml';
import { LAB } from './seeds/lab';
import { type SpawnedMock, spawnMockCms } from './testing/spawn-mock';
import { ADMIN, failureOf, idFrom, objectOf, wireClient } from './testing/wire-client';

let mock: SpawnedMock;
const cms = wireClient(() => mock.url);
const STUDIO = 'http://studio.example:8080';

beforeAll(async () => {
  mock = await spawnMockCms(['--page-limit', 'coSpaces=20,callLegProfiles=3,default=5', '--studio-origin', STUDIO]);
});
afterAll(async () => {
  await mock?.stop();
});
beforeEach(async () => {
  expect((await cms.control('/mock-cms/reset')).status).toBe(200);
});

describe('control endpoints of the standalone mock', () => {
  it('refuse requests without the mock credentials', async () => {
    for (const path of ['/mock-cms/reset', '/mock-cms/faults', '/mock-cms/simulate/dial-in']) {
      const res = await cms.control(path, { busy: 1 }, {});
      expect(res.status, path).toBe(401);
    }
    expect((await cms.control('/mock-cms/faults', {}, { Authorization: `Basic ${btoa('admin:wrong')}` })).status).toBe(401);
    // the refused fault did not take: the API still answers
    expect((await cms.get('/api/v1/coSpaces')).status).toBe(200);
  });

  it('refuse pages of foreign origins even with credentials, but accept the mock itself and the configured studio', async () => {
    const foreign = await cms.control('/mock-cms/faults', { busy: 1 }, { Authorization: ADMIN, Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await cms.get('/api/v1/coSpaces')).status).toBe(200);
    expect((await cms.control('/mock-cms/faults', {}, { Authorization: ADMIN, Origin: mock.url })).status).toBe(200);
    expect((await cms.control('/mock-cms/faults', {}, { Authorization: ADMIN, Origin: STUDIO })).status).toBe(200);
  });
});

describe('write faults', () => {
  const spaceNamed = async (name: string) => attribute((await cms.get(`/api/v1/coSpaces?filter=${name}`)).xml!.node, 'total');

  it('refuses the Nth write with the code given and changes nothing', async () => {
    await cms.control('/mock-cms/faults', { failWrite: { nth: 1, kind: 'refuse', status: 400, code: 'duplicateCoSpaceId' } });
    const res = await cms.post('/api/v1/coSpaces', { name: 'refused' });
    expect([res.status, failureOf(res).code]).toEqual([400, 'duplicateCoSpaceId']);
    expect(await spaceNamed('refused')).toBe('0');
  });

  it('apply-then-500 and apply-then-503: the write takes effect, the answer is an error with no Location', async () => {
    for (const status of [500, 503]) {
      await cms.control('/mock-cms/faults', { failWrite: { nth: 2, kind: 'applyThenStatus', status } });
      expect((await cms.put(`/api/v1/coSpaces/${LAB.coSpaces.guest}`, { name: `first ${status}` })).status).toBe(200);
      const res = await cms.post('/api/v1/coSpaces', { name: `lost${status}` });
      expect(res.status).toBe(status);
      expect(res.headers.get('location')).toBeNull();
      expect(await spaceNamed(`lost${status}`)).toBe('1');
    }
  });

  it('apply-then-reset: the connection drops, yet the write (here a DELETE) took effect', async () => {
    await cms.control('/mock-cms/faults', { failWrite: { nth: 1, kind: 'applyThenReset' } });
    await expect(cms.del(`/api/v1/coSpaces/${LAB.coSpaces.guest}/accessMethods/${LAB.accessMethods.host}`)).rejects.toThrow();
    const read = await cms.get(`/api/v1/coSpaces/${LAB.coSpaces.guest}/accessMethods/${LAB.accessMethods.host}`);
    expect([read.status, failureOf(read).code]).toEqual([404, 'accessMethodDoesNotExist']);
  });

  it('apply-then-hang: no answer ever comes, the write took effect, and a reset lets the request go', async () => {
    await cms.control('/mock-cms/faults', { failWrite: { nth: 1, kind: 'applyThenHang' } });
    const pending = cms.put(`/api/v1/coSpaces/${LAB.coSpaces.guest}`, { name: 'hung write' });
    const outcome = pending.then(
      () => 'answered',
      () => 'dropped',
    );
    // The write is applied before the hang: a read shows it while the PUT waits.
    await expect.poll(async () => objectOf(await cms.get(`/api/v1/coSpaces/${LAB.coSpaces.guest}`)).name).toBe('hung write');
    expect(await Promise.race([outcome, new Promise((r) => setTimeout(() => r('still waiting'), 200))])).toBe('still waiting');
    await cms.control('/mock-cms/reset');
    expect(await outcome).toBe('dropped');
  });

  it('takes a list of faults, each at its own position: a lost answer, then a refusal', async () => {
    await cms.control('/mock-cms/faults', { failWrite: [{ nth: 1, kind: 'applyThenStatus', status: 503 }, { nth: 3, status: 400, code: 'duplicateCoSpaceId' }] });
    expect((await cms.post('/api/v1/coSpaces', { name: 'listed1' })).status).toBe(503);
    expect((await cms.post('/api/v1/coSpaces', { name: 'listed2' })).status).toBe(200);
    const refused = await cms.post('/api/v1/coSpaces', { name: 'listed3' });
    expect([refused.status, failureOf(refused).code]).toEqual([400, 'duplicateCoSpaceId']);
    expect((await cms.post('/api/v1/coSpaces', { name: 'listed4' })).status).toBe(200);
    expect([await spaceNamed('listed1'), await spaceNamed('listed3'), await spaceNamed('listed4')]).toEqual(['1', '0', '1']);
  });

  it('rejects an unknown fault kind with a sentence', async () => {
    const res = await cms.control('/mock-cms/faults', { failWrite: { kind: 'explode' } });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/Unknown failWrite kind explode/);
  });
});

describe('page caps per collection (--page-limit coSpaces=20,callLegProfiles=3,default=5)', () => {
  it('caps each collection at its own size, whatever limit asks, and keeps total', async () => {
    for (let i = 0; i < 22; i++) await cms.post('/api/v1/coSpaces', { name: `paged ${i}` });
    const spaces = await cms.get('/api/v1/coSpaces?limit=50');
    expect(children(spaces.xml!.node, 'coSpace')).toHaveLength(20);
    const profiles = await cms.get('/api/v1/callLegProfiles?limit=50');
    expect(children(profiles.xml!.node, 'callLegProfile')).toHaveLength(3);
    expect(Number(attribute(profiles.xml!.node, 'total'))).toBeGreaterThan(3);
    const tenants = await cms.get(`/api/v1/coSpaces/${LAB.coSpaces.guest}/accessMethods?limit=50`);
    expect(children(tenants.xml!.node, 'accessMethod').length).toBeLessThanOrEqual(5);
    const users = await cms.get('/api/v1/users?limit=2');
    expect(children(users.xml!.node, 'user')).toHaveLength(2);
  });
});

describe('access method scope', () => {
  it('accepts public, private and member (3.1 onwards), and refuses anything else', async () => {
    const path = `/api/v1/coSpaces/${LAB.coSpaces.guest}/accessMethods`;
    for (const scope of ['public', 'private', 'member']) {
      const res = await cms.post(path, { uri: `scope.${scope}`, scope });
      expect(res.status, scope).toBe(200);
      expect(objectOf(await cms.get(`${path}/${idFrom(res.headers.get('location'))}`)).scope).toBe(scope);
    }
    const bad = await cms.post(path, { uri: 'scope.bad', scope: 'everyone' });
    expect([bad.status, failureOf(bad).parameter]).toEqual([400, 'scope']);
  });
});
