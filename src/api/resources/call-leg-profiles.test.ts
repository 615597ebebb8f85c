import { describe, expect, it } from 'vitest';
import {
  callLegProfileQueries,
  createCallLegProfile,
  deleteCallLegProfile,
  getCallLegProfile,
  getCallLegProfileUsage,
  listAllCallLegProfiles,
  listCallLegProfiles,
  updateCallLegProfile,
} from './call-leg-profiles';
import { CmsError } from '../transport/errors';
import { updateSpace } from './spaces';
import { LAB, withMockCms } from '../../testing/mock-cms';

const { mock } = withMockCms();

describe('callLegProfiles', () => {
  it("reads the guide's guest and host profiles with typed values", async () => {
    const guest = await getCallLegProfile(LAB.callLegProfiles.guest);
    expect(guest).toMatchObject({
      id: LAB.callLegProfiles.guest,
      needsActivation: true,
      defaultLayout: 'speakerOnly',
      presentationContributionAllowed: false,
      rxAudioMute: true,
      deactivationMode: 'deactivate',
    });
    expect(typeof guest.needsActivation).toBe('boolean');
    const host = await getCallLegProfile(LAB.callLegProfiles.host);
    expect(host.needsActivation).toBe(false);
    const global = await getCallLegProfile(LAB.callLegProfiles.global);
    expect(global.joinToneParticipantThreshold).toBe(100);
    expect(global.participantCounter).toBe('always');
  });

  it('lists every profile and filters by usage', async () => {
    const all = await listAllCallLegProfiles();
    expect(all.items.map((p) => p.id)).toEqual(expect.arrayContaining(Object.values(LAB.callLegProfiles)));
    expect(all.total).toBe(Object.keys(LAB.callLegProfiles).length);

    const unused = await createCallLegProfile({ name: 'Unused', needsActivation: true });
    const unreferenced = await listCallLegProfiles({ usageFilter: 'unreferenced' });
    expect(unreferenced.items.map((p) => p.id)).toContain(unused);
    const referenced = await listAllCallLegProfiles({ usageFilter: 'referenced' });
    expect(referenced.items.map((p) => p.id)).not.toContain(unused);
    expect(referenced.items.map((p) => p.id)).toContain(LAB.callLegProfiles.guest);
  });

  it('creates, updates (unsetting with an empty value) and deletes', async () => {
    const id = await createCallLegProfile({ name: 'Lobby guest', needsActivation: true, deactivationMode: 'disconnect', deactivationModeTime: 30 });
    expect(await getCallLegProfile(id)).toMatchObject({ name: 'Lobby guest', needsActivation: true, deactivationModeTime: 30 });
    await updateCallLegProfile(id, { deactivationModeTime: '', needsActivation: false });
    const after = await getCallLegProfile(id);
    expect(after).toMatchObject({ name: 'Lobby guest', needsActivation: false, deactivationMode: 'disconnect' });
    expect(after.deactivationModeTime).toBeUndefined();
    await deleteCallLegProfile(id);
    expect(mock.store.get('callLegProfile', id)).toBeUndefined();
    const gone = await getCallLegProfile(id).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(CmsError);
    expect((gone as CmsError).failures[0]?.code).toBe('callLegProfileDoesNotExist');
  });

  it('reports where a profile is used, and follows a write elsewhere', async () => {
    const host = await getCallLegProfileUsage(LAB.callLegProfiles.host);
    expect(host.id).toBe(LAB.callLegProfiles.host);
    expect(host.uses).toEqual(
      expect.arrayContaining([
        { scope: 'accessMethod', id: LAB.accessMethods.host, coSpace: LAB.coSpaces.guest },
        { scope: 'accessMethod', id: LAB.accessMethods.guestPinHost, coSpace: LAB.coSpaces.guestPin },
        { scope: 'accessMethod', id: LAB.accessMethods.tenantHost, coSpace: LAB.coSpaces.tenantLobby },
      ]),
    );
    expect(host.total).toBe(host.uses.length);

    const global = await getCallLegProfileUsage(LAB.callLegProfiles.global);
    expect(global.uses).toEqual([{ scope: 'global', id: undefined, coSpace: undefined }]);

    const tenantGuest = await getCallLegProfileUsage(LAB.callLegProfiles.tenantGuest);
    expect(tenantGuest.uses).toEqual([{ scope: 'tenant', id: LAB.tenants.acme, coSpace: undefined }]);

    await updateSpace(LAB.coSpaces.coolBridge, { callLegProfile: LAB.callLegProfiles.host });
    const after = await getCallLegProfileUsage(LAB.callLegProfiles.host);
    expect(after.uses).toContainEqual({ scope: 'coSpace', id: LAB.coSpaces.coolBridge, coSpace: undefined });
    expect(after.total).toBe(host.total + 1);
  });

  it('keys usage under the profile', () => {
    expect(callLegProfileQueries.all()).toEqual(['cms', 'callLegProfiles']);
    expect(callLegProfileQueries.usage('p').queryKey).toEqual([...callLegProfileQueries.detail('p').queryKey, 'usage']);
    expect(callLegProfileQueries.listAll().queryKey.slice(0, 3)).toEqual(callLegProfileQueries.lists());
  });
});
