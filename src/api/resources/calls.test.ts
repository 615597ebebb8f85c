import { describe, expect, it } from 'vitest';
import {
  callQueries,
  createCall,
  createCallLeg,
  deleteCall,
  deleteCallLeg,
  getCall,
  getCallLeg,
  getCallLegProfileTrace,
  listAllCallLegs,
  listCalls,
  listParticipants,
} from './calls';
import { CmsError } from '../transport/errors';
import { LAB, withMockCms } from '../../testing/mock-cms';

const { mock } = withMockCms();

describe('calls and dial-out', () => {
  it("starts a space's call, dials out, traces the leg's profile levels, and hangs up", async () => {
    const callId = await createCall({ coSpace: LAB.coSpaces.tenantLobby });
    expect(await getCall(callId)).toMatchObject({ id: callId, coSpace: LAB.coSpaces.tenantLobby, name: 'Acme lobby', tenant: LAB.tenants.acme });
    expect((await listCalls({ coSpaceFilter: LAB.coSpaces.tenantLobby })).items.map((c) => c.id)).toEqual([callId]);

    const guestLeg = await createCallLeg(callId, { remoteParty: 'guest@example.com' });
    const hostLeg = await createCallLeg(callId, { remoteParty: 'host@example.com', needsActivation: false, callLegProfile: LAB.callLegProfiles.host });
    expect(mock.store.get('callLeg', hostLeg)).toMatchObject({ parent: callId, values: { remoteParty: 'host@example.com', direction: 'outgoing' } });

    const leg = await getCallLeg(hostLeg);
    expect(leg).toMatchObject({ id: hostLeg, remoteParty: 'host@example.com', call: callId, direction: 'outgoing', state: 'connected' });
    expect(leg.configuration.needsActivation).toBe(false);

    const guestTrace = await getCallLegProfileTrace(guestLeg);
    expect(guestTrace.callLeg).toBe(guestLeg);
    expect(guestTrace.levels.map((l) => [l.scope, l.profileId])).toEqual([
      ['global', LAB.callLegProfiles.global],
      ['tenant', LAB.callLegProfiles.tenantGuest],
    ]);
    expect(guestTrace.levels[1]?.settings).toMatchObject({ needsActivation: true, deactivationMode: 'deactivate' });

    const hostTrace = await getCallLegProfileTrace(hostLeg);
    const own = hostTrace.levels.at(-1);
    expect(own).toMatchObject({ scope: 'callLeg', profileId: LAB.callLegProfiles.host });
    expect(own?.settings.needsActivation).toBe(false);

    const legs = await listAllCallLegs(callId);
    expect(legs.items.map((l) => l.id)).toEqual([guestLeg, hostLeg]);
    const participants = await listParticipants(callId);
    expect(participants.total).toBe(2);
    expect(participants.items.map((p) => p.call)).toEqual([callId, callId]);

    await deleteCallLeg(guestLeg);
    expect(mock.store.get('callLeg', guestLeg)).toBeUndefined();
    await deleteCall(callId);
    expect(mock.store.all('call')).toEqual([]);
    const gone = await getCallLeg(hostLeg).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(CmsError);
    expect((gone as CmsError).kind).toBe('notFound');
    expect((gone as CmsError).failures).toEqual([{ code: 'callLegDoesNotExist' }]);
  });

  it('refuses a dial-out into a call that does not exist', async () => {
    const error = await createCallLeg('00000000-0000-4000-8000-00000000dead', { remoteParty: 'x@example.com' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'notFound', failures: [{ code: 'callDoesNotExist' }] });
  });

  it('keys legs and participants under their call, and the trace under its leg', () => {
    expect(callQueries.all()).toEqual(['cms', 'calls']);
    expect(callQueries.callLegs('c').queryKey.slice(0, 4)).toEqual(callQueries.detail('c').queryKey);
    expect(callQueries.participants('c').queryKey.slice(0, 4)).toEqual(callQueries.detail('c').queryKey);
    expect(callQueries.callLegProfileTrace('l').queryKey.slice(0, 4)).toEqual(callQueries.callLeg('l').queryKey);
  });
});
