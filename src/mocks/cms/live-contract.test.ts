import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attribute, children, flatten } from '../../api/wire/xml';
import { LAB } from './seeds/lab';
import { type SpawnedMock, spawnMockCms } from './testing/spawn-mock';
import { elementOrder, failureOf, idFrom, objectOf, wireClient } from './testing/wire-client';

let mock: SpawnedMock;
const cms = wireClient(() => mock.url);
const GHOST = '00000000-0000-4000-8000-0000000000ff';
const OWNER = '7a7a7a7a-0000-4000-8000-000000000007';

beforeAll(async () => {
  mock = await spawnMockCms();
});
afterAll(async () => {
  await mock?.stop();
});
beforeEach(async () => {
  expect((await cms.control('/mock-cms/reset')).status).toBe(200);
});

/** A call on the Global space with a guest dialled out through /callLegs and a host through /participants. */
async function liveCall() {
  const call = idFrom((await cms.post('/api/v1/calls', { coSpace: LAB.coSpaces.global })).headers.get('location'));
  const leg = idFrom((await cms.post(`/api/v1/calls/${call}/callLegs`, { remoteParty: 'guest@example.com', callLegProfile: LAB.callLegProfiles.guest4 })).headers.get('location'));
  const joined = await cms.post(`/api/v1/calls/${call}/participants`, { remoteParty: 'user1@evacanoalone.net', callLegProfile: LAB.callLegProfiles.host4 });
  expect(joined.headers.get('location')).toMatch(/^\/api\/v1\/participants\/[0-9a-f-]{36}$/);
  return { call, leg, participant: idFrom(joined.headers.get('location')) };
}

describe('calls, legs and participants', () => {
  it('GET /calls/<id> has the live fields', async () => {
    const { call } = await liveCall();
    const read = objectOf(await cms.get(`/api/v1/calls/${call}`));
    expect(read).toMatchObject({
      coSpace: LAB.coSpaces.global,
      callType: 'coSpace',
      numCallLegs: '2',
      maxCallLegs: '2',
      numParticipantsLocal: '2',
      locked: 'false',
      recording: 'false',
      streaming: 'false',
      allowAllMuteSelf: 'false',
      allowAllPresentationContribution: 'false',
      activeWhenEmpty: 'true',
    });
    expect(Number(read.durationSeconds)).toBeGreaterThanOrEqual(0);
  });

  it('GET /callLegs/<id>: ownerId and chosenLayout inside <configuration>; type, canMove, originalRemoteParty; status with durationSeconds, encryptedMedia, layout', async () => {
    const { leg } = await liveCall();
    expect((await cms.put(`/api/v1/callLegs/${leg}`, { ownerId: OWNER, chosenLayout: 'speakerOnly' })).status).toBe(200);
    const res = await cms.get(`/api/v1/callLegs/${leg}`);
    const read = objectOf(res);
    expect(read).toMatchObject({ remoteParty: 'guest@example.com', originalRemoteParty: 'guest@example.com', type: 'sip', canMove: 'false' });
    expect(read.ownerId).toBeUndefined();
    expect(flatten(children(res.xml!.node, 'configuration')[0]!)).toMatchObject({ ownerId: OWNER, chosenLayout: 'speakerOnly' });
    const status = flatten(children(res.xml!.node, 'status')[0]!);
    expect(status).toMatchObject({ state: 'connected', encryptedMedia: 'true', layout: 'speakerOnly' });
    expect(status.durationSeconds).toMatch(/^\d+$/);
  });

  it('refuses to change remoteParty on a leg', async () => {
    const { leg } = await liveCall();
    const res = await cms.put(`/api/v1/callLegs/${leg}`, { remoteParty: 'someone.else@example.com' });
    expect([res.status, failureOf(res).parameter]).toEqual([400, 'remoteParty']);
  });

  it('GET /participants/<id> has call, numCallLegs, name, uri, originalUri, userJid, isActivator, canMove, configuration, status', async () => {
    const { participant, call } = await liveCall();
    const res = await cms.get(`/api/v1/participants/${participant}`);
    expect(elementOrder(res.text).filter((n) => !['state', 'deactivated'].includes(n!))).toEqual([
      'name', 'call', 'numCallLegs', 'uri', 'originalUri', 'userJid', 'isActivator', 'canMove', 'configuration', 'status',
    ]);
    expect(objectOf(res)).toMatchObject({ call, numCallLegs: '1', uri: 'user1@evacanoalone.net', userJid: 'user1@evacanoalone.net', isActivator: 'true', canMove: 'false' });
    const legs = await cms.get(`/api/v1/participants/${participant}/callLegs`);
    expect(attribute(legs.xml!.node, 'total')).toBe('1');
    expect(flatten(children(legs.xml!.node, 'callLeg')[0]!).remoteParty).toBe('user1@evacanoalone.net');
  });

  it('PUT /participants/<id> and PUT /calls/<id>/participants/* change participants; unknown ones answer 400', async () => {
    const { participant, call } = await liveCall();
    expect((await cms.put(`/api/v1/participants/${participant}`, { importance: '5', nameLabelOverride: 'Chair' })).status).toBe(200);
    const config = flatten(children((await cms.get(`/api/v1/participants/${participant}`)).xml!.node, 'configuration')[0]!);
    expect(config).toMatchObject({ importance: '5', nameLabelOverride: 'Chair' });
    expect((await cms.put(`/api/v1/calls/${call}/participants/*`, { defaultLayout: 'allEqual' })).status).toBe(200);
    const all = await cms.get(`/api/v1/calls/${call}/participants`);
    for (const p of children(all.xml!.node, 'participant')) {
      const one = await cms.get(`/api/v1/participants/${attribute(p, 'id')}`);
      expect(flatten(children(one.xml!.node, 'configuration')[0]!).defaultLayout).toBe('allEqual');
    }
    const ghost = await cms.put(`/api/v1/participants/${GHOST}`, { importance: '1' });
    expect([ghost.status, failureOf(ghost).code]).toEqual([400, 'participantDoesNotExist']);
    expect((await cms.get(`/api/v1/participants/${GHOST}`)).status).toBe(404);
    expect(failureOf(await cms.put(`/api/v1/participants/${participant}`, { isActivator: 'true' })).parameter).toBe('isActivator');
  });

  it('filters legs by participantFilter and ownerIdSet, participants by tenantFilter', async () => {
    const { participant, leg } = await liveCall();
    await cms.put(`/api/v1/callLegs/${leg}`, { ownerId: OWNER });
    const byParticipant = await cms.get(`/api/v1/callLegs?participantFilter=${participant}`);
    expect(children(byParticipant.xml!.node, 'callLeg').map((l) => flatten(l).remoteParty)).toEqual(['user1@evacanoalone.net']);
    const owned = await cms.get('/api/v1/callLegs?ownerIdSet=true');
    expect(children(owned.xml!.node, 'callLeg').map((l) => attribute(l, 'id'))).toEqual([leg]);
    expect(attribute((await cms.get('/api/v1/callLegs?ownerIdSet=false')).xml!.node, 'total')).toBe('1');
    expect(attribute((await cms.get(`/api/v1/participants?tenantFilter=${LAB.tenants.acme}`)).xml!.node, 'total')).toBe('0');
    const acmeCall = idFrom((await cms.post('/api/v1/calls', { coSpace: LAB.coSpaces.tenantLobby })).headers.get('location'));
    await cms.post(`/api/v1/calls/${acmeCall}/participants`, { remoteParty: 'x@example.com' });
    expect(attribute((await cms.get(`/api/v1/participants?tenantFilter=${LAB.tenants.acme}`)).xml!.node, 'total')).toBe('1');
  });
});
