import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JoinAnswer, SimulatedLeg, SimulationErrorBody, SpaceSimulation } from '../../api/wire/simulation-contract';
import { attribute, children, flatten, parseXml, type XmlNode } from '../../api/wire/xml';
import { LAB } from './seeds/lab';
import { type SpawnedMock, spawnMockCms } from './testing/spawn-mock';

// The guide's four scenarios (seeds/guest-host-access-on-cms-spaces.md, "Verify") against the
// standalone mock over real HTTP: who lands in the lobby, who in the conference, and what CMS's own
// API shows for the legs.

let mock: SpawnedMock;
const AUTH = `Basic ${btoa('admin:admin')}`;

async function simulate<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${mock.url}/mock-cms/simulate${path}`, {
    method,
    headers: { Authorization: AUTH, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  return { status: res.status, body: (await res.json()) as T };
}

async function join(path: '/dial-in' | '/sign-in', body: unknown): Promise<JoinAnswer> {
  const res = await simulate<JoinAnswer>('POST', path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function refused(body: unknown, path: '/dial-in' | '/sign-in' = '/dial-in'): Promise<SimulationErrorBody> {
  const res = await simulate<SimulationErrorBody>('POST', path, body);
  expect(res.status).toBe(400);
  return res.body;
}

const hangUp = (legId: string) => simulate<{ call: unknown }>('DELETE', `/legs/${legId}`);
const spaceState = async (spaceId: string) => (await simulate<SpaceSimulation>('GET', `/spaces/${spaceId}`)).body;

async function api(method: string, path: string, form?: Record<string, string>) {
  const res = await fetch(mock.url + path, {
    method,
    headers: { Authorization: AUTH, ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
    ...(form ? { body: new URLSearchParams(form).toString() } : {}),
  });
  const text = await res.text();
  return { status: res.status, location: res.headers.get('location'), xml: text ? parseXml(text) : undefined };
}

/** name → state of every leg in the space's call */
async function states(spaceId: string): Promise<Record<string, string>> {
  const { call } = await spaceState(spaceId);
  return Object.fromEntries((call?.legs ?? []).map((l: SimulatedLeg) => [l.name, l.state]));
}

async function legStatus(legId: string) {
  const res = await api('GET', `/api/v1/callLegs/${legId}`);
  expect(res.status).toBe(200);
  return flatten(children(res.xml!.node, 'status')[0]!);
}

async function traceScopes(legId: string) {
  const res = await api('GET', `/api/v1/callLegs/${legId}/callLegProfileTrace`);
  return children(res.xml!.node, 'profile').map((p: XmlNode) => ({
    scope: attribute(p, 'scope'),
    profile: attribute(children(p, 'callLegProfile')[0]!, 'id'),
  }));
}

beforeAll(async () => {
  mock = await spawnMockCms();
});
afterAll(async () => {
  await mock?.stop();
});
beforeEach(async () => {
  await fetch(`${mock.url}/mock-cms/reset`, { method: 'POST', body: '{}', headers: { Authorization: AUTH } });
});

describe('scenario 1: different URIs for guests (space) and hosts (access method)', () => {
  it('keeps guests in the lobby until a host joins, then back when the host hangs up', async () => {
    const guest = await join('/dial-in', { uri: 'guest.space@acano.steven.lab', name: '2000@steven.lab' });
    expect(guest.leg).toMatchObject({ role: 'guest', state: 'lobby', via: 'space' });
    expect(guest.leg.path).toContain('guest.space');
    expect(guest.ivr).toMatch(/no PIN/);
    const guest2 = await join('/dial-in', { callId: '628821815', via: 'webrtc', name: '1060@steven.lab' });
    expect(guest2.leg).toMatchObject({ role: 'guest', state: 'lobby' });
    expect(guest2.call.id).toBe(guest.call.id);
    expect(await states(LAB.coSpaces.guest)).toEqual({ '2000@steven.lab': 'lobby', '1060@steven.lab': 'lobby' });
    expect((await legStatus(guest.leg.id)).deactivated).toBe('true');

    const host = await join('/dial-in', { uri: 'host.space', name: 'stejanss.movi@steven.lab' });
    expect(host.leg).toMatchObject({ role: 'host', state: 'inConference', via: 'accessMethod', accessMethod: LAB.accessMethods.host });
    expect(host.call.legs.map((l) => l.state)).toEqual(['inConference', 'inConference', 'inConference']);
    expect((await legStatus(guest.leg.id)).deactivated).toBe('false');
    expect(await legStatus(host.leg.id)).toMatchObject({ state: 'connected', deactivated: 'false' });

    // CMS's own view: the call, its legs, and a trace that includes the access method level.
    const calls = await api('GET', '/api/v1/calls');
    expect(attribute(calls.xml!.node, 'total')).toBe('1');
    expect(flatten(children(calls.xml!.node, 'call')[0]!).coSpace).toBe(LAB.coSpaces.guest);
    const legs = await api('GET', `/api/v1/calls/${host.call.id}/callLegs`);
    expect(attribute(legs.xml!.node, 'total')).toBe('3');
    expect(await traceScopes(host.leg.id)).toEqual([
      { scope: 'global', profile: LAB.callLegProfiles.global },
      { scope: 'coSpace', profile: LAB.callLegProfiles.guest },
      { scope: 'accessMethod', profile: LAB.callLegProfiles.host },
    ]);
    expect((await traceScopes(guest.leg.id)).map((l) => l.scope)).toEqual(['global', 'coSpace']);

    expect((await hangUp(host.leg.id)).status).toBe(200);
    expect(await states(LAB.coSpaces.guest)).toEqual({ '2000@steven.lab': 'lobby', '1060@steven.lab': 'lobby' });
    expect((await legStatus(guest2.leg.id)).deactivated).toBe('true');

    // The guide's log, in its order.
    const log = (await spaceState(LAB.coSpaces.guest)).log.map((e) => e.message);
    const at = (text: string) => log.findIndex((m) => m.includes(text));
    expect(at(`configuring call ${guest.leg.id} to be deactivated`)).toBeGreaterThanOrEqual(0);
    expect(at(`configuring call ${guest.leg.id} to be deactivated`)).toBeLessThan(at('participant "2000@steven.lab" joined'));
    expect(at(`call ${guest.leg.id} ceasing to be deactivated`)).toBeGreaterThan(at('participant "stejanss.movi@steven.lab" joined'));
    expect(log.filter((m) => m === `configuring call ${guest2.leg.id} to be deactivated`)).toHaveLength(2);

    // The last one out ends the call the Call Bridge started.
    await hangUp(guest.leg.id);
    await hangUp(guest2.leg.id);
    expect((await spaceState(LAB.coSpaces.guest)).call).toBeNull();
    expect(attribute((await api('GET', '/api/v1/calls')).xml!.node, 'total')).toBe('0');
  });
});

describe('scenarios 2 and 3: one URI, the PIN decides (guestpin.space)', () => {
  it('makes PIN 1234 a host through access method 760c0e17…, a blank PIN a guest, and refuses a wrong PIN', async () => {
    const blank = await join('/dial-in', { uri: 'guestpin.space', pin: '#', name: '2000@steven.lab' });
    expect(blank.leg).toMatchObject({ role: 'guest', state: 'lobby', via: 'space' });
    expect(blank.ivr).toMatch(/blank PIN/);
    expect(blank.ivr).toMatch(/timeout/);
    expect(blank.ivr).toContain('5 s');

    const timedOut = await join('/dial-in', { uri: 'guestpin.space', name: '1060@steven.lab' });
    expect(timedOut.leg).toMatchObject({ role: 'guest', state: 'lobby' });
    expect(timedOut.ivr).toMatch(/after 5 s .*blank PIN/);
    expect(timedOut.ivr).toContain(LAB.callProfiles.passcodeTimeout);

    const wrong = await refused({ uri: 'guestpin.space', pin: '9999' });
    expect(wrong.error).toMatch(/^PIN not accepted/);
    expect(wrong.field).toBe('pin');

    const host = await join('/dial-in', { uri: 'guestpin.space', pin: '1234#', name: 'stejanss.movi@steven.lab' });
    expect(host.leg).toMatchObject({ role: 'host', state: 'inConference', via: 'accessMethod', accessMethod: LAB.accessMethods.guestPinHost });
    expect(await states(LAB.coSpaces.guestPin)).toEqual({
      '2000@steven.lab': 'inConference',
      '1060@steven.lab': 'inConference',
      'stejanss.movi@steven.lab': 'inConference',
    });
    expect((await traceScopes(host.leg.id)).at(-1)).toEqual({ scope: 'accessMethod', profile: LAB.callLegProfiles.host });

    await hangUp(host.leg.id);
    expect(await states(LAB.coSpaces.guestPin)).toEqual({ '2000@steven.lab': 'lobby', '1060@steven.lab': 'lobby' });
  });

  it('joins call ID 189 (one route, no passcode) without asking, and call ID 889 only with the host PIN', async () => {
    const guest = await join('/dial-in', { callId: '189', via: 'webrtc' });
    expect(guest.leg).toMatchObject({ role: 'guest', state: 'lobby' });
    expect(guest.ivr).toMatch(/no passcode/);
    expect((await refused({ callId: '889' })).field).toBe('pin');
    const host = await join('/dial-in', { callId: '889', pin: '1234', via: 'webrtc' });
    expect(host.leg.role).toBe('host');
  });

  it('says the web app ignores passcodeMode, and that passcodeMode required makes a SIP guest press #', async () => {
    const web = await join('/dial-in', { uri: 'guestpin.space', via: 'webrtc' });
    expect(web.leg.role).toBe('guest');
    expect(web.ivr).toMatch(/SIP calls only/);

    expect((await api('PUT', `/api/v1/callProfiles/${LAB.callProfiles.passcodeTimeout}`, { passcodeMode: 'required' })).status).toBe(200);
    const waiting = await refused({ uri: 'guestpin.space' });
    expect(waiting.field).toBe('pin');
    expect(waiting.error).toMatch(/press #/);
    const pressed = await join('/dial-in', { uri: 'guestpin.space', pin: '#' });
    expect(pressed.leg.role).toBe('guest');
    expect(pressed.ivr).toMatch(/passcodeMode required/);
    expect(pressed.ivr).toMatch(/must press #/);
  });
});

describe('scenario 4: a member signed in to the web app is the host (Global)', () => {
  it('makes user1 a host through coSpaceUser, call ID 1234 + PIN 12345 a host, a blank PIN a guest', async () => {
    const guest = await join('/dial-in', { callId: '1234', pin: '', name: 'Visitor' });
    expect(guest.leg).toMatchObject({ role: 'guest', state: 'lobby', via: 'space' });

    const member = await join('/sign-in', { spaceId: LAB.coSpaces.global, userJid: 'USER1@evacanoalone.net' });
    expect(member.leg).toMatchObject({
      role: 'host',
      state: 'inConference',
      via: 'member',
      coSpaceUser: LAB.coSpaceUsers.globalUser1,
      connection: 'webrtc',
      remoteParty: 'user1@evacanoalone.net',
    });
    expect((await traceScopes(member.leg.id)).at(-1)).toEqual({ scope: 'coSpaceUser', profile: LAB.callLegProfiles.host4 });
    expect(await states(LAB.coSpaces.global)).toEqual({ Visitor: 'inConference', 'User One': 'inConference' });

    const pinHost = await join('/dial-in', { callId: '1234', pin: '12345', name: 'Desk' });
    expect(pinHost.leg).toMatchObject({ role: 'host', via: 'accessMethod', accessMethod: LAB.accessMethods.globalHost });

    await hangUp(member.leg.id);
    expect((await states(LAB.coSpaces.global)).Visitor).toBe('inConference');
    await hangUp(pinHost.leg.id);
    expect((await states(LAB.coSpaces.global)).Visitor).toBe('lobby');
  });

  it('refuses non-members and every caller when nonMemberAccess is false, but still lets members in', async () => {
    const outsider = await join('/sign-in', { spaceId: LAB.coSpaces.global, userJid: 'stejanss.movi@steven.lab' });
    expect(outsider.leg).toMatchObject({ role: 'guest', via: 'space', state: 'lobby' });
    await hangUp(outsider.leg.id);

    expect((await api('PUT', `/api/v1/coSpaces/${LAB.coSpaces.global}`, { nonMemberAccess: 'false' })).status).toBe(200);
    const dialled = await refused({ callId: '1234', pin: '12345' });
    expect(dialled.error).toMatch(/nonMemberAccess is false/);
    expect(dialled.field).toBe('callId');
    const signedIn = await refused({ spaceId: LAB.coSpaces.global, userJid: 'stejanss.movi@steven.lab' }, '/sign-in');
    expect(signedIn.field).toBe('userJid');
    expect((await join('/sign-in', { spaceId: LAB.coSpaces.global, userJid: 'user1@evacanoalone.net' })).leg.role).toBe('host');
  });
});

describe('deactivationMode disconnect with deactivationModeTime', () => {
  it('disconnects guests a second after the last host leaves', async () => {
    const created = await api('POST', '/api/v1/callLegProfiles', { needsActivation: 'true', deactivationMode: 'disconnect', deactivationModeTime: '1' });
    const profile = created.location!.split('/').pop()!;
    expect((await api('PUT', `/api/v1/coSpaces/${LAB.coSpaces.guest}`, { callLegProfile: profile })).status).toBe(200);

    const guest = await join('/dial-in', { uri: 'guest.space', name: 'Guest' });
    expect(guest.leg).toMatchObject({ role: 'guest', state: 'lobby', deactivationMode: 'disconnect', deactivationModeTime: 1 });
    const host = await join('/dial-in', { uri: 'host.space', name: 'Host' });
    await hangUp(host.leg.id);

    const during = await spaceState(LAB.coSpaces.guest);
    expect(during.call?.legs).toHaveLength(1);
    expect(during.call?.legs[0]).toMatchObject({ name: 'Guest', state: 'inConference', pending: { action: 'disconnect' } });
    expect((await api('GET', `/api/v1/callLegs/${guest.leg.id}`)).status).toBe(200);

    await new Promise((r) => setTimeout(r, 1400));
    expect((await api('GET', `/api/v1/callLegs/${guest.leg.id}`)).status).toBe(404);
    const after = await spaceState(LAB.coSpaces.guest);
    expect(after.call).toBeNull();
    expect(after.log.map((e) => e.message)).toContain(`call ${guest.leg.id} disconnected: no activator left (deactivationMode disconnect)`);
  });
});

describe('the simulation and the API', () => {
  it('ends the simulation when the call is deleted through the API, and answers plain sentences', async () => {
    const guest = await join('/dial-in', { uri: 'guest.space' });
    expect((await api('DELETE', `/api/v1/calls/${guest.call.id}`)).status).toBe(200);
    expect((await spaceState(LAB.coSpaces.guest)).call).toBeNull();
    expect((await hangUp(guest.leg.id)).status).toBe(404);

    expect(await refused({ uri: 'nowhere.space' })).toMatchObject({ field: 'uri', error: expect.stringMatching(/No space answers nowhere\.space/) });
    expect((await refused({ callId: '12a' })).field).toBe('callId');
    expect((await simulate('GET', `/spaces/00000000-0000-4000-8000-0000000000ff`)).status).toBe(404);
    expect((await simulate('GET', '/nothing')).status).toBe(404);
  });
});
