import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HangUpAnswer, JoinAnswer, SimulationErrorBody, SpaceSimulation } from '../../api/wire/simulation-contract';
import { children, flatten, parseXml } from '../../api/wire/xml';
import { createMockCms, type MockCms } from './mock-cms';
import { LAB } from './seeds/lab';

// Edge cases of the simulation, in process (fake timers); the guide's scenarios run over HTTP in
// simulation-contract.test.ts.

let mock: MockCms;
const BASE = 'http://mock.test';

async function send<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; location?: string }> {
  const res = await mock.handle(
    new Request(BASE + path, { method, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) }),
  );
  if (!res) throw new Error(`no answer for ${path}`);
  const text = await res.text();
  const location = res.headers.get('location') ?? undefined;
  return { status: res.status, body: (text === '' || text.startsWith('<') ? text : JSON.parse(text)) as T, ...(location ? { location } : {}) };
}

const dial = async (body: unknown) => (await send<JoinAnswer>('POST', '/mock-cms/simulate/dial-in', body)).body;
const hangUp = async (legId: string) => (await send<HangUpAnswer>('DELETE', `/mock-cms/simulate/legs/${legId}`)).body;
const state = async (spaceId: string = LAB.coSpaces.guest) => (await send<SpaceSimulation>('GET', `/mock-cms/simulate/spaces/${spaceId}`)).body;
const names = async (spaceId?: string) => Object.fromEntries(((await state(spaceId)).call?.legs ?? []).map((l) => [l.name, l.state]));
const api = (method: string, path: string, form?: Record<string, string>) =>
  send<string>(method, `/api/v1${path}`, form ? new URLSearchParams(form).toString() : undefined);

async function guestProfileId(settings: Record<string, string>) {
  const res = await api('POST', '/callLegProfiles', { needsActivation: 'true', ...settings });
  return res.location!.split('/').pop()!;
}

/** Gives the guest.space default route a fresh guest profile with these settings. */
async function guestProfile(settings: Record<string, string>) {
  await api('PUT', `/coSpaces/${LAB.coSpaces.guest}`, { callLegProfile: await guestProfileId(settings) });
}

beforeEach(() => {
  vi.useFakeTimers();
  mock = createMockCms({ credentials: null });
});
afterEach(() => {
  mock.reset();
  vi.useRealTimers();
});

describe('when the last activator leaves', () => {
  it('waits deactivationModeTime before deactivating, and a host who returns meanwhile cancels it', async () => {
    await guestProfile({ deactivationMode: 'deactivate', deactivationModeTime: '10' });
    await dial({ uri: 'guest.space', name: 'G' });
    const host = await dial({ uri: 'host.space', name: 'H' });
    await hangUp(host.leg.id);
    const pending = (await state()).call!.legs[0]!;
    expect(pending).toMatchObject({ state: 'inConference', pending: { action: 'deactivate' } });
    vi.advanceTimersByTime(5_000);
    const back = await dial({ uri: 'host.space', name: 'H2' });
    expect(back.call.legs.find((l) => l.name === 'G')?.pending).toBeUndefined();
    vi.advanceTimersByTime(10_000);
    expect(await names()).toEqual({ G: 'inConference', H2: 'inConference' });

    await hangUp(back.leg.id);
    vi.advanceTimersByTime(9_999);
    expect(await names()).toEqual({ G: 'inConference' });
    vi.advanceTimersByTime(1);
    expect(await names()).toEqual({ G: 'lobby' });
  });

  it('leaves remainActivated guests in the conference, while a newcomer waits in the lobby', async () => {
    await guestProfile({ deactivationMode: 'remainActivated' });
    await dial({ uri: 'guest.space', name: 'G' });
    const host = await dial({ uri: 'host.space', name: 'H' });
    await hangUp(host.leg.id);
    await dial({ uri: 'guest.space', name: 'Late' });
    expect(await names()).toEqual({ G: 'inConference', Late: 'lobby' });
    expect((await state()).log.map((e) => e.message).some((m) => m.includes('remains activated'))).toBe(true);
  });

  it('disconnects at once when deactivationModeTime is unset, and leaves guests in when deactivationMode is unset', async () => {
    await guestProfile({ deactivationMode: 'disconnect' });
    const guest = await dial({ uri: 'guest.space', name: 'G' });
    const host = await dial({ uri: 'host.space', name: 'H' });
    const after = await hangUp(host.leg.id);
    expect(after.call).toBeNull();
    expect((await api('GET', `/callLegs/${guest.leg.id}`)).status).toBe(404);

    await guestProfile({});
    await dial({ uri: 'guest.space', name: 'G2' });
    const host2 = await dial({ uri: 'host.space', name: 'H2' });
    await hangUp(host2.leg.id);
    expect(await names()).toEqual({ G2: 'inConference' });
  });

  it('follows each guest’s own deactivationMode', async () => {
    await guestProfile({ deactivationMode: 'disconnect' });
    const staying = await guestProfileId({ deactivationMode: 'remainActivated' });
    expect((await api('POST', `/coSpaces/${LAB.coSpaces.guest}/accessMethods`, { uri: 'stay.space', callLegProfile: staying })).status).toBe(200);
    await dial({ uri: 'guest.space', name: 'Leaves' });
    await dial({ uri: 'stay.space', name: 'Stays' });
    const host = await dial({ uri: 'host.space', name: 'H' });
    await hangUp(host.leg.id);
    expect(await names()).toEqual({ Stays: 'inConference' });
  });
});

describe('legs made or ended through /api/v1', () => {
  it('counts a dial-out activator, and recomputes when a leg is deleted through the API', async () => {
    const guest = await dial({ uri: 'guest.space', name: 'G' });
    const leg = await api('POST', `/calls/${guest.call.id}/callLegs`, { remoteParty: 'boss@example.com', needsActivation: 'false' });
    const dialOut = leg.location!.split('/').pop()!;
    const during = await state();
    expect(during.call?.legs.find((l) => l.id === dialOut)).toMatchObject({ role: 'host', connection: 'api', state: 'inConference' });
    expect(await names()).toMatchObject({ G: 'inConference' });
    const status = flatten(children(parseXml((await api('GET', `/callLegs/${dialOut}`)).body).node, 'status')[0]!);
    expect(status).toMatchObject({ state: 'connected', deactivated: 'false' });

    expect((await api('DELETE', `/callLegs/${dialOut}`)).status).toBe(200);
    expect(await names()).toEqual({ G: 'lobby' });
  });

  it('keeps a call started through POST /calls when its last simulated leg leaves', async () => {
    const callId = (await api('POST', '/calls', { coSpace: LAB.coSpaces.guest })).location!.split('/').pop()!;
    const guest = await dial({ uri: 'guest.space' });
    expect(guest.call.id).toBe(callId);
    expect(guest.leg.name).toBe('Caller 1');
    await hangUp(guest.leg.id);
    expect((await state()).call).toMatchObject({ id: callId, legs: [] });
  });

  it('forgets pending actions and the log on reset', async () => {
    await guestProfile({ deactivationMode: 'disconnect', deactivationModeTime: '5' });
    await dial({ uri: 'guest.space' });
    const host = await dial({ uri: 'host.space' });
    await hangUp(host.leg.id);
    expect(vi.getTimerCount()).toBe(1);
    mock.reset();
    expect(vi.getTimerCount()).toBe(0);
    expect(await state()).toEqual({ space: { id: LAB.coSpaces.guest, name: 'Guest.space' }, call: null, log: [] });
  });
});

describe('refusals', () => {
  it('answers a plain sentence and the field at fault', async () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{}, 'uri', /Dial a URI or a call ID/],
      [{ uri: 'guest.space', callId: '888' }, 'uri', /not both/],
      [{ uri: 'guest.space', pin: '12a' }, 'pin', /digits/],
      [{ uri: 'guest.space', via: 'h323' }, 'via', /via/],
      [{ callId: '5002' }, 'pin', /PIN not accepted/],
    ];
    for (const [body, field, error] of cases) {
      const res = await send<SimulationErrorBody>('POST', '/mock-cms/simulate/dial-in', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.field, JSON.stringify(body)).toBe(field);
      expect(res.body.error, JSON.stringify(body)).toMatch(error);
    }
    const notJson = await send<SimulationErrorBody>('POST', '/mock-cms/simulate/dial-in', '{');
    expect(notJson.body.error).toBe('The body must be JSON.');
    const stranger = await send<SimulationErrorBody>('POST', '/mock-cms/simulate/sign-in', { spaceId: LAB.coSpaces.global, userJid: 'nobody@x' });
    expect(stranger.body).toMatchObject({ field: 'userJid', error: expect.stringMatching(/No user nobody@x/) });
    expect((await send('GET', '/mock-cms/simulate/dial-in')).status).toBe(405);
  });

  it('refuses a non-member signing in to a space closed to non-members', async () => {
    const tms = 'a1b2c3d4-0002-4e5f-8a9b-0c1d2e3f4a02';
    const res = await send<SimulationErrorBody>('POST', '/mock-cms/simulate/sign-in', { spaceId: tms, userJid: 'user1@evacanoalone.net' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/nonMemberAccess is false/);
  });
});

describe('profiles in force', () => {
  it('makes a space with no needsActivation anywhere a host (the blueprint default is false)', async () => {
    const joined = await dial({ uri: 'cool.bridge.space' });
    expect(joined.leg).toMatchObject({ role: 'host', state: 'inConference', path: 'Space URI cool.bridge.space' });
  });

  it('inherits the tenant’s guest profile, and a tenant host access method activates', async () => {
    const guest = await dial({ uri: 'acme.lobby', pin: '#' });
    expect(guest.leg).toMatchObject({ role: 'guest', state: 'lobby', path: 'Space URI acme.lobby, blank PIN' });
    const host = await dial({ callId: '5002', pin: '2468' });
    expect(host.leg).toMatchObject({ role: 'host', path: 'Access method call ID 5002, PIN' });
    expect(await names(LAB.coSpaces.tenantLobby)).toEqual({ 'Caller 1': 'inConference', 'Caller 2': 'inConference' });
  });
});
