import { describe, expect, it } from 'vitest';
import { createCallLegProfile, deleteCallLegProfile } from '../../api/resources/call-leg-profiles';
import { createSpace, updateAccessMethod, updateSpace } from '../../api/resources/spaces';
import { LAB, withMockCms } from '../../testing/mock-cms';
import { findings } from './findings';
import { ivrBehaviour, joinPaths, lobbyBehaviour } from './join-paths';
import { loadSpaceModel } from './load-space-model';
import type { JoinPath } from './model';
import { summarize } from './summary';

withMockCms();

/** What the viewer computes for one space of the mock CMS. */
async function inspect(spaceId: string) {
  const model = await loadSpaceModel(spaceId);
  const paths = joinPaths(model);
  const found = findings(model, paths);
  const path = (key: string): JoinPath => {
    const hit = paths.find((p) => p.key === key);
    if (!hit) throw new Error(`no path ${key}`);
    return hit;
  };
  return { model, paths, findings: found, summary: summarize(model, paths), path, ids: found.map((f) => f.id) };
}

const table = (paths: JoinPath[]) => paths.map((p) => [p.key, p.uri ?? p.callId ?? '', p.passcode, p.role]);

describe('the lab seed, as a support engineer reads it', () => {
  it('Guest.space (scenario 1): guests on guest.space and 628821815, hosts on host.space; nothing to fix', async () => {
    const space = await inspect(LAB.coSpaces.guest);
    expect(table(space.paths)).toEqual([
      ['space:uri', 'guest.space', '', 'guest'],
      ['space:callId', '628821815', '', 'guest'],
      [`accessMethod:${LAB.accessMethods.host}`, 'host.space', '', 'host'],
    ]);
    // Its owner Guest@cms.steven.lab is no member: a note, which leaves the verdict at pass.
    expect(space.findings.map((f) => [f.id, f.severity])).toEqual([['owner-not-member', 'info']]);
    expect(space.summary).toBe('Guests (2 ways in) wait in the lobby until a host joins; hosts: 1 access method.');
    const guest = space.path('space:uri');
    expect(guest.resolved.needsActivation).toEqual({ value: true, scope: 'coSpace', profileId: LAB.callLegProfiles.guest });
    expect(guest.resolved.participantLabels).toEqual({ value: true, scope: 'global', profileId: LAB.callLegProfiles.global });
    expect(lobbyBehaviour(guest)).toMatchObject({ whileNoHost: 'lobby', whenLastHostLeaves: 'backToLobby' });
    const host = space.path(`accessMethod:${LAB.accessMethods.host}`);
    expect(host.resolved.presentationContributionAllowed).toEqual({ value: true, scope: 'accessMethod', profileId: LAB.callLegProfiles.host });
    expect(ivrBehaviour(space.model, guest).matters).toBe(false);
  });

  it('guestpin.space (scenario 3): blank guest PIN and host PIN 1234 on one URI, silence for 5 s counts as blank', async () => {
    const space = await inspect(LAB.coSpaces.guestPin);
    expect(table(space.paths)).toEqual([
      ['space:uri', 'guestpin.space', '', 'guest'],
      ['space:callId', '189', '', 'guest'],
      [`accessMethod:${LAB.accessMethods.guestPinHost}`, 'guestpin.space', '1234', 'host'],
    ]);
    expect(space.findings).toEqual([]);
    const ivr = ivrBehaviour(space.model, space.path('space:uri'));
    expect(ivr).toMatchObject({ matters: true, assumed: false });
    expect(ivr.passcodeMode).toEqual({ value: 'timeout', scope: 'coSpace', profileId: LAB.callProfiles.passcodeTimeout });
    expect(ivr.passcodeTimeout.value).toBe(5);
    expect(ivrBehaviour(space.model, space.path('space:callId')).matters).toBe(false);
  });

  it('Global (scenario 4): the member and the PIN 12345 are hosts; SIP guests must press # without a passcodeMode', async () => {
    const space = await inspect(LAB.coSpaces.global);
    expect(table(space.paths)).toEqual([
      ['space:uri', 'global', '', 'guest'],
      ['space:callId', '1234', '', 'guest'],
      [`accessMethod:${LAB.accessMethods.globalHost}`, 'global', '12345', 'host'],
      [`member:${LAB.coSpaceUsers.globalUser1}`, '', undefined, 'host'],
    ]);
    expect(space.path(`member:${LAB.coSpaceUsers.globalUser1}`).resolved.needsActivation).toEqual({
      value: false,
      scope: 'coSpaceUser',
      profileId: LAB.callLegProfiles.host4,
    });
    expect(space.summary).toBe('Guests (2 ways in) wait in the lobby until a host joins; hosts: 1 access method, 1 member.');
    expect(space.findings.map((f) => [f.id, f.severity])).toEqual([['blank-guest-pin-without-passcode-mode', 'warning']]);
    expect(space.findings[0]?.paths).toEqual(['space:uri', `accessMethod:${LAB.accessMethods.globalHost}`, 'space:callId']);
    expect(space.findings[0]?.fix).toMatchObject({ scenario: 'blank-guest-pin', step: 'call-profile' });
  });

  it('Acme lobby: guests by tenant inheritance, the access method with PIN 2468 is the host', async () => {
    const space = await inspect(LAB.coSpaces.tenantLobby);
    expect(table(space.paths)).toEqual([
      ['space:uri', 'acme.lobby', '', 'guest'],
      ['space:callId', '5001', '', 'guest'],
      [`accessMethod:${LAB.accessMethods.tenantHost}`, 'acme.lobby', '2468', 'host'],
    ]);
    const guest = space.path('space:uri');
    expect(guest.levels.map((l) => l.scope)).toEqual(['global', 'tenant']);
    expect(guest.resolved.needsActivation).toEqual({ value: true, scope: 'tenant', profileId: LAB.callLegProfiles.tenantGuest });
    expect(guest.resolved.defaultLayout).toEqual({ value: 'allEqual', scope: 'tenant', profileId: LAB.callLegProfiles.tenantGuest });
    expect(guest.resolved.deactivationMode).toEqual({ value: 'deactivate', scope: 'tenant', profileId: LAB.callLegProfiles.tenantGuest });
    const host = space.path(`accessMethod:${LAB.accessMethods.tenantHost}`);
    expect(host.levels.map((l) => l.scope)).toEqual(['global', 'tenant', 'accessMethod']);
    expect(host.resolved.defaultLayout).toEqual({ value: 'speakerOnly', scope: 'accessMethod', profileId: LAB.callLegProfiles.host });
    expect(host.resolved.rxVideoMute).toEqual({ value: false, scope: 'accessMethod', profileId: LAB.callLegProfiles.host });
    // The blank guest PIN on acme.lobby meets the host's 2468 with no passcodeMode anywhere.
    expect(space.ids).toEqual(['blank-guest-pin-without-passcode-mode']);
  });

  it('Cool Bridge Space: no profile anywhere, so everyone is a host', async () => {
    const space = await inspect(LAB.coSpaces.coolBridge);
    expect(space.paths.every((p) => p.role === 'host')).toBe(true);
    expect(space.findings).toEqual([]);
    expect(space.summary).toBe("Everyone joins as a host (2 ways in: the space's URI and call ID): nobody waits in a lobby.");
  });

  it('a TMS placeholder space has no way in yet', async () => {
    const space = await inspect(LAB.coSpaces.tmsMeeting1);
    expect(space.paths).toEqual([]);
    expect(space.ids).toEqual(['no-join-path']);
  });
});

describe('spaces a support engineer would be called about', () => {
  it('a fresh space with only the guest profile and no access method: no host path', async () => {
    const spaceId = await createSpace({ name: 'Fresh', uri: 'fresh', callId: '777', callLegProfile: LAB.callLegProfiles.guest });
    const space = await inspect(spaceId);
    expect(space.findings.map((f) => [f.id, f.severity])).toEqual([['no-host-path', 'error']]);
    expect(space.summary).toBe('Guests (2 ways in) wait in the lobby, but there is no way in for a host: guests would wait forever.');
  });

  it("Guest.space after its host profile was deleted: the dangling reference, and the host way in became a guest's", async () => {
    const doomed = await createCallLegProfile({ needsActivation: false });
    await updateAccessMethod(LAB.coSpaces.guest, LAB.accessMethods.host, { callLegProfile: doomed });
    await deleteCallLegProfile(doomed);
    const space = await inspect(LAB.coSpaces.guest);
    expect(space.ids).toEqual(['no-host-path', `missing-profile:${doomed}`, `access-method-joins-as-guest:${LAB.accessMethods.host}`, 'owner-not-member']);
    expect(space.findings.map((f) => f.severity)).toEqual(['error', 'error', 'warning', 'info']);
  });

  it('Global with non-member access switched off: the guest ways in admit nobody', async () => {
    await updateSpace(LAB.coSpaces.global, { nonMemberAccess: false });
    const space = await inspect(LAB.coSpaces.global);
    expect(space.ids).toContain('non-member-access-off');
    expect(space.findings.find((f) => f.id === 'non-member-access-off')?.paths).toEqual(['space:uri', 'space:callId']);
  });
});
