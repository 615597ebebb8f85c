import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attribute, childNames, children, flatten, parseXml } from '../../api/wire/xml';
import { LAB } from './seeds/lab';
import { type SpawnedMock, spawnMockCms } from './testing/spawn-mock';

let mock: SpawnedMock;
const AUTH = `Basic ${btoa('admin:admin')}`;

async function call(method: string, path: string, form?: string | Record<string, string>, auth = AUTH) {
  const body = typeof form === 'string' ? form : form ? new URLSearchParams(form).toString() : undefined;
  const res = await fetch(mock.url + path, {
    method,
    headers: {
      Authorization: auth,
      ...(body !== undefined ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, xml: text ? parseXml(text) : undefined };
}

/** POST to a control endpoint of the standalone mock, with its credentials. */
async function control(path: string, body: unknown, headers: Record<string, string> = { Authorization: AUTH }) {
  const res = await fetch(mock.url + path, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, text: await res.text() };
}

const get = (path: string) => call('GET', path);
const post = (path: string, form: string | Record<string, string>) => call('POST', path, form);
const put = (path: string, form: string | Record<string, string>) => call('PUT', path, form);

function failure(res: { xml?: { root: string; node: unknown } }) {
  expect(res.xml?.root).toBe('failureDetails');
  const node = res.xml!.node as Parameters<typeof childNames>[0];
  const [code] = childNames(node);
  const el = code ? (node as Record<string, Parameters<typeof attribute>[0]>)[code] : undefined;
  return { code, parameter: el && attribute(el, 'parameter'), error: el && attribute(el, 'error') };
}

function idFrom(location: string | null): string {
  const id = location?.split('/').pop();
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  return id!;
}

const object = (res: { xml?: { node: unknown } }) => flatten(res.xml!.node as Parameters<typeof flatten>[0]);

beforeAll(async () => {
  mock = await spawnMockCms();
});
afterAll(async () => {
  await mock?.stop();
});
beforeEach(async () => {
  await control('/mock-cms/reset', {});
});

describe('authentication', () => {
  it('answers 401 with the acano realm without or with wrong credentials', async () => {
    for (const auth of ['', `Basic ${btoa('admin:wrong')}`]) {
      const res = await call('GET', '/api/v1/coSpaces', undefined, auth);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="acano"');
    }
  });
});

describe('paths and parameter names', () => {
  it('matches paths case-insensitively, as TMS sends them', async () => {
    const a = await get('/api/v1/coSpaces');
    const b = await get('/api/v1/cospaces');
    expect(b.status).toBe(200);
    expect(b.text).toBe(a.text);
    const one = await get(`/api/v1/COSPACES/${LAB.coSpaces.guest.toUpperCase()}`);
    expect(object(one).id).toBe(LAB.coSpaces.guest);
  });

  it('answers unrecognizedObject for unknown paths and 404 for unknown ids of every kind', async () => {
    const unknown = await get('/api/v1/system/profile');
    expect(unknown.status).toBe(404);
    expect(failure(unknown).code).toBe('unrecognizedObject');
    const ghost = '00000000-0000-4000-8000-0000000000ff';
    const cases: Array<[string, string]> = [
      [`/api/v1/coSpaces/${ghost}`, 'coSpaceDoesNotExist'],
      [`/api/v1/coSpaces/${LAB.coSpaces.guest}/accessMethods/${ghost}`, 'accessMethodDoesNotExist'],
      [`/api/v1/coSpaces/${LAB.coSpaces.guest}/coSpaceUsers/${ghost}`, 'coSpaceUserDoesNotExist'],
      [`/api/v1/coSpaces/${ghost}/accessMethods`, 'coSpaceDoesNotExist'],
      [`/api/v1/callLegProfiles/${ghost}`, 'callLegProfileDoesNotExist'],
      [`/api/v1/callProfiles/${ghost}`, 'callProfileDoesNotExist'],
      [`/api/v1/tenants/${ghost}`, 'tenantDoesNotExist'],
      [`/api/v1/calls/${ghost}`, 'callDoesNotExist'],
      [`/api/v1/callLegs/${ghost}`, 'callLegDoesNotExist'],
      [`/api/v1/users/${ghost}`, 'userDoesNotExist'],
      [`/api/v1/callBridges/${ghost}`, 'callBridgeDoesNotExist'],
    ];
    for (const [path, code] of cases) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(failure(res).code, path).toBe(code);
    }
    const accessMethodOfOtherSpace = await get(`/api/v1/coSpaces/${LAB.coSpaces.global}/accessMethods/${LAB.accessMethods.host}`);
    expect(failure(accessMethodOfOtherSpace).code).toBe('accessMethodDoesNotExist');
  });

  it('accepts parameter names in any case and a body starting with &, answering canonical names', async () => {
    const res = await post('/api/v1/cospaces', '&name=Mixed&DEFAULTLAYOUT=allEqual&NonMemberAccess=false&uri=APITestURI');
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(res.headers.get('location')).toMatch(/^\/api\/v1\/coSpaces\/[0-9a-f-]{36}$/);
    const read = await get(res.headers.get('location')!);
    expect(read.text).toContain('<defaultLayout>allEqual</defaultLayout>');
    expect(read.text).toContain('<nonMemberAccess>false</nonMemberAccess>');
    expect(object(read).uri).toBe('apitesturi');
  });
});

describe('validation', () => {
  it('answers parameterError naming the parameter for a bad boolean, number, enum or name', async () => {
    const cases: Array<[string, string, string]> = [
      ['/api/v1/coSpaces', 'nonMemberAccess=maybe', 'nonMemberAccess'],
      ['/api/v1/callProfiles', 'passcodeTimeout=soon', 'passcodeTimeout'],
      ['/api/v1/callLegProfiles', 'defaultLayout=huge', 'defaultLayout'],
      ['/api/v1/callLegProfiles', 'needsActivation=yes', 'needsActivation'],
      ['/api/v1/coSpaces', 'callId=12a', 'callId'],
      ['/api/v1/coSpaces', 'colour=blue', 'colour'],
    ];
    for (const [path, body, parameter] of cases) {
      const res = await post(path, body);
      expect(res.status, body).toBe(400);
      const f = failure(res);
      expect(f.code, body).toBe('parameterError');
      expect(f.parameter, body).toBe(parameter);
      expect(f.error, body).toBeTruthy();
    }
    const after = await get('/api/v1/coSpaces?filter=colour');
    expect(attribute(after.xml!.node, 'total')).toBe('0');
  });

  it('refuses references to objects that do not exist', async () => {
    const res = await post('/api/v1/coSpaces', { name: 'x', callLegProfile: '00000000-0000-4000-8000-0000000000ff' });
    expect(res.status).toBe(400);
    expect(failure(res).code).toBe('callLegProfileDoesNotExist');
  });
});

describe('uniqueness of URIs and call IDs', () => {
  it('keeps a URI and a call ID to one space, case-insensitively', async () => {
    const uri = await post('/api/v1/coSpaces', { name: 'Clash', uri: 'GUEST.space' });
    expect(failure(uri).code).toBe('duplicateCoSpaceUri');
    const secondary = await post('/api/v1/coSpaces', { name: 'Clash', secondaryUri: 'host.space' });
    expect(failure(secondary).code).toBe('duplicateCoSpaceUri');
    const callId = await post('/api/v1/coSpaces', { name: 'Clash', callId: '628821815' });
    expect(failure(callId).code).toBe('duplicateCoSpaceId');
    const viaAccessMethod = await post(`/api/v1/coSpaces/${LAB.coSpaces.global}/accessMethods`, { uri: 'guestpin.space', passcode: '55' });
    expect(failure(viaAccessMethod).code).toBe('duplicateCoSpaceUri');
  });

  it('lets a space and its access methods share a URI or call ID only with different passcodes', async () => {
    const space = LAB.coSpaces.guestPin;
    const samePin = await post(`/api/v1/coSpaces/${space}/accessMethods`, { uri: 'guestpin.space', callId: '777', passcode: '1234' });
    expect(failure(samePin).code).toBe('duplicateCoSpaceUriPasscode');
    const sameCallIdPin = await post(`/api/v1/coSpaces/${space}/accessMethods`, { callId: '889', passcode: '1234' });
    expect(failure(sameCallIdPin).code).toBe('duplicateCoSpaceIdPasscode');
    const spaceTakesHostPin = await put(`/api/v1/coSpaces/${space}`, { passcode: '1234' });
    expect(failure(spaceTakesHostPin).code).toBe('duplicateCoSpaceUriPasscode');
    const ok = await post(`/api/v1/coSpaces/${space}/accessMethods`, { uri: 'guestpin.space', callId: '890', passcode: '4321' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('location')).toMatch(new RegExp(`^/api/v1/coSpaces/${space}/accessMethods/[0-9a-f-]{36}$`));
  });
});

describe('PUT semantics', () => {
  it('leaves omitted parameters unchanged and unsets empty ones', async () => {
    const path = `/api/v1/coSpaces/${LAB.coSpaces.guest}`;
    const res = await put(path, 'callLegProfile=&name=Renamed');
    expect(res.status).toBe(200);
    const read = object(await get(path));
    expect(read.name).toBe('Renamed');
    expect(read.callLegProfile).toBeUndefined();
    expect(read.uri).toBe('guest.space');
    expect(read.callId).toBe('628821815');
  });

  it('fills ownerId from the users list and member userId from userJid', async () => {
    const path = `/api/v1/coSpaces/${LAB.coSpaces.coolBridge}`;
    await put(path, { ownerJid: 'USER1@evacanoalone.net' });
    expect(object(await get(path)).ownerId).toBe(LAB.users.user1);
    await put(path, { ownerJid: '' });
    expect(object(await get(path)).ownerId).toBeUndefined();
    const member = await post(`${path}/coSpaceUsers`, { userJid: 'user1@evacanoalone.net', callLegProfile: LAB.callLegProfiles.host });
    const read = object(await get(member.headers.get('location')!));
    expect(read.userId).toBe(LAB.users.user1);
    expect(read.canDestroy).toBe('false');
    const unknown = await post(`${path}/coSpaceUsers`, { userJid: 'nobody@example.com' });
    expect(failure(unknown).code).toBe('userDoesNotExist');
  });
});

describe('collections', () => {
  it('caps pages at the server limit whatever limit asks, and reports total', async () => {
    const res = await get('/api/v1/coSpaces?limit=20');
    const total = Number(attribute(res.xml!.node, 'total'));
    expect(total).toBeGreaterThan(10);
    expect(children(res.xml!.node, 'coSpace')).toHaveLength(10);
    const rest = await get(`/api/v1/coSpaces?offset=10&limit=20`);
    expect(children(rest.xml!.node, 'coSpace')).toHaveLength(total - 10);
    const past = await get(`/api/v1/coSpaces?offset=${total + 5}`);
    expect(children(past.xml!.node, 'coSpace')).toHaveLength(0);
    expect(attribute(past.xml!.node, 'total')).toBe(String(total));
  });

  it('filters by a case-insensitive substring of name, URI, secondary URI and call ID', async () => {
    const ids = async (q: string) => children((await get(`/api/v1/coSpaces?filter=${q}`)).xml!.node, 'coSpace').map((c) => attribute(c, 'id'));
    expect(await ids('GUEST.SP')).toEqual([LAB.coSpaces.guest]);
    expect(await ids('host%20pin')).toEqual([LAB.coSpaces.guestPin]);
    expect(await ids('628821')).toEqual([LAB.coSpaces.guest]);
    await put(`/api/v1/coSpaces/${LAB.coSpaces.coolBridge}`, { secondaryUri: '88001' });
    expect(await ids('8800')).toEqual([LAB.coSpaces.coolBridge]);
    expect(await ids('no-such-thing')).toEqual([]);
  });
});

describe('profiles', () => {
  it('reports where a callLegProfile is used', async () => {
    const res = await get(`/api/v1/callLegProfiles/${LAB.callLegProfiles.host}/usage`);
    expect(res.xml?.root).toBe('callLegProfileUsage');
    expect(attribute(res.xml!.node, 'total')).toBe('3');
    expect(children(res.xml!.node, 'accessMethod').map((a) => attribute(a, 'id'))).toEqual([
      LAB.accessMethods.host,
      LAB.accessMethods.guestPinHost,
      LAB.accessMethods.tenantHost,
    ]);
    const global = await get(`/api/v1/callLegProfiles/${LAB.callLegProfiles.global}/usage`);
    expect(childNames(global.xml!.node)).toEqual(['global']);
  });

  it('reads and writes /system/profiles, and refuses POST there', async () => {
    expect(object(await get('/api/v1/system/profiles')).callLegProfile).toBe(LAB.callLegProfiles.global);
    expect((await put('/api/v1/system/profiles', { callProfile: LAB.callProfiles.tms })).status).toBe(200);
    expect(object(await get('/api/v1/system/profiles')).callProfile).toBe(LAB.callProfiles.tms);
    const refused = await post('/api/v1/system/profiles', { callProfile: LAB.callProfiles.tms });
    expect(failure(refused).code).toBe('invalidOperation');
  });

  it('traces a dial-out leg through global, tenant and space profiles', async () => {
    const created = await post('/api/v1/calls', { coSpace: LAB.coSpaces.tenantLobby });
    expect(created.headers.get('location')).toMatch(/^\/api\/v1\/calls\//);
    const callId = idFrom(created.headers.get('location'));
    const leg = await post(`/api/v1/calls/${callId}/calllegs`, { remoteParty: 'desk.ex90@example.com' });
    expect(leg.headers.get('location')).toMatch(/^\/api\/v1\/callLegs\/[0-9a-f-]{36}$/);
    const trace = await get(`${leg.headers.get('location')}/callLegProfileTrace`);
    const scopes = children(trace.xml!.node, 'profile').map((p) => attribute(p, 'scope'));
    expect(scopes).toEqual(['global', 'tenant']);
    const tenantLevel = children(trace.xml!.node, 'profile')[1]!;
    const profile = children(tenantLevel, 'callLegProfile')[0]!;
    expect(attribute(profile, 'id')).toBe(LAB.callLegProfiles.tenantGuest);
    expect(flatten(profile).needsActivation).toBe('true');
    const status = object(await get('/api/v1/system/status'));
    expect(status.callLegsActive).toBe('1');
    expect((await call('DELETE', `/api/v1/calls/${callId}`)).status).toBe(200);
    expect((await get(leg.headers.get('location')!)).status).toBe(404);
  });
});

describe('calls and usage filters', () => {
  it('filters profiles by whether anything refers to them', async () => {
    const ids = async (path: string) => children((await get(path)).xml!.node, 'callProfile').map((c) => attribute(c, 'id'));
    expect(await ids('/api/v1/callProfiles?usageFilter=referenced')).toEqual([LAB.callProfiles.passcodeTimeout, LAB.callProfiles.tms]);
    const spare = idFrom((await post('/api/v1/callProfiles', { participantLimit: '5' })).headers.get('location'));
    expect(await ids('/api/v1/callProfiles?usageFilter=unreferenced')).toEqual([spare]);
  });

  it('makes an ad hoc call by name, dials out only inside a call, and filters participants', async () => {
    expect(failure(await post('/api/v1/calls', {})).parameter).toBe('name');
    const adHoc = await post('/api/v1/calls', { name: 'Ad hoc' });
    const callId = idFrom(adHoc.headers.get('location'));
    expect(object(await get(`/api/v1/calls/${callId}`)).name).toBe('Ad hoc');
    expect(failure(await post('/api/v1/callLegs', { remoteParty: 'a@example.com' })).code).toBe('invalidOperation');
    await post(`/api/v1/calls/${callId}/callLegs`, { remoteParty: 'alice@example.com' });
    await post(`/api/v1/calls/${callId}/callLegs`, { remoteParty: 'bob@example.com' });
    const bobs = await get('/api/v1/participants?filter=BOB');
    expect(attribute(bobs.xml!.node, 'total')).toBe('1');
    await call('DELETE', `/api/v1/calls/${callId}`);
    expect(object(await get('/api/v1/system/status')).callLegsCompleted).toBe('2');
  });
});

describe('fault injection', () => {
  it('answers 503 for a burst, then serves again', async () => {
    await control('/mock-cms/faults', { busy: 2 });
    expect((await get('/api/v1/coSpaces')).status).toBe(503);
    expect((await get('/api/v1/coSpaces')).status).toBe(503);
    expect((await get('/api/v1/coSpaces')).status).toBe(200);
  });

  it('fails the Nth write without changing anything', async () => {
    await control('/mock-cms/faults', { failWrite: { nth: 2 } });
    expect((await post('/api/v1/coSpaces', { name: 'first' })).status).toBe(200);
    const second = await post('/api/v1/coSpaces', { name: 'second' });
    expect(second.status).toBe(500);
    const list = await get('/api/v1/coSpaces?filter=second');
    expect(attribute(list.xml!.node, 'total')).toBe('0');
    expect((await post('/api/v1/coSpaces', { name: 'third' })).status).toBe(200);
  });
});

describe('bulk sync', () => {
  async function waitForStatus(path: string): Promise<string> {
    for (let i = 0; i < 100; i++) {
      const status = String(object(await get(path)).status);
      if (status !== 'pending' && status !== 'running') return status;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('sync never finished');
  }

  it('creates spaces from the mappings, pending → running → complete', async () => {
    const set = await post('/api/v1/cospaceBulkParameterSets', {
      startIndex: '1',
      endIndex: '3',
      coSpaceNameMapping: 'Bulk $index$',
      coSpaceUriMapping: 'bulk.$index$',
      coSpaceCallIdMapping: '77$index$',
      callLegProfile: LAB.callLegProfiles.guest,
    });
    const sync = await post('/api/v1/cospaceBulkSyncs', { cospaceBulkParameterSet: idFrom(set.headers.get('location')) });
    const path = sync.headers.get('location')!;
    expect(object(await get(path)).status).toBe('pending');
    expect(await waitForStatus(path)).toBe('complete');
    const spaces = await get('/api/v1/coSpaces?filter=bulk.');
    expect(children(spaces.xml!.node, 'coSpace').map((c) => flatten(c).uri)).toEqual(['bulk.1', 'bulk.2', 'bulk.3']);
  });

  it('fails with a named status on a URI conflict and creates nothing', async () => {
    const set = await post('/api/v1/cospaceBulkParameterSets', { startIndex: '1', endIndex: '3', coSpaceUriMapping: 'space.$index$' });
    await post('/api/v1/coSpaces', { name: 'taken', uri: 'space.2' });
    const sync = await post('/api/v1/cospaceBulkSyncs', { cospaceBulkParameterSet: idFrom(set.headers.get('location')) });
    expect(await waitForStatus(sync.headers.get('location')!)).toBe('failedCoSpaceUriConflict');
    const spaces = await get('/api/v1/coSpaces?filter=space.');
    expect(children(spaces.xml!.node, 'coSpace').map((c) => flatten(c).uri)).toEqual(['space.2']);
  });
});

describe('lab seed', () => {
  it('holds the guide objects with their exact ids and values', async () => {
    const am = object(await get(`/api/v1/coSpaces/${LAB.coSpaces.guestPin}/accessMethods/${LAB.accessMethods.guestPinHost}`));
    expect(am).toMatchObject({ uri: 'guestpin.space', callId: '889', passcode: '1234', callLegProfile: LAB.callLegProfiles.host });
    const member = object(await get(`/api/v1/coSpaces/${LAB.coSpaces.global}/coSpaceUsers/${LAB.coSpaceUsers.globalUser1}`));
    expect(member).toMatchObject({ userId: LAB.users.user1, userJid: 'user1@evacanoalone.net', callLegProfile: LAB.callLegProfiles.host4 });
    const bridges = await get('/api/v1/callBridges');
    expect(attribute(bridges.xml!.node, 'total')).toBe('2');
    const query = await post('/api/v1/accessQuery', { uri: 'guestpin.space' });
    expect(object(query).uri).toBe('guestpin.space@example.com');
  });
});
