import { describe, expect, it } from 'vitest';
import { callProfileLevels, ivrBehaviour, joinPaths, lobbyBehaviour, resolveCallProfileFor, sharedAddresses } from './join-paths';
import type { JoinPath } from './model';
import { resolveCallLegProfile } from './resolve';
import { PROFILES, spaceModel } from './testing/space-model';

const byKey = (paths: JoinPath[], key: string): JoinPath => {
  const path = paths.find((p) => p.key === key);
  if (!path) throw new Error(`no path ${key} in ${paths.map((p) => p.key).join(', ')}`);
  return path;
};

/** The guide's scenario 1: guests on the space's URI and call ID, hosts on their own access method. */
const scenario1 = () =>
  spaceModel({
    space: { uri: 'guest.space', callId: '628821815', callLegProfile: PROFILES.guest },
    accessMethods: [{ id: 'am-host', uri: 'host.space', callId: '888', passcode: '', callLegProfile: PROFILES.host }],
    systemProfiles: { callLegProfile: PROFILES.global },
  });

describe('joinPaths', () => {
  it('lists the space URI, call ID and each access method, with their PINs and roles', () => {
    const paths = joinPaths(scenario1());
    expect(paths.map((p) => [p.key, p.kind, p.label, p.uri, p.callId, p.passcode, p.role])).toEqual([
      ['space:uri', 'spaceUri', 'Space URI guest.space', 'guest.space', undefined, '', 'guest'],
      ['space:callId', 'spaceCallId', 'Call ID 628821815', undefined, '628821815', '', 'guest'],
      ['accessMethod:am-host', 'accessMethod', 'Access method host.space (call ID 888, no PIN)', 'host.space', '888', '', 'host'],
    ]);
  });

  it('walks global, then the space, then the access method', () => {
    const paths = joinPaths(scenario1());
    expect(byKey(paths, 'space:uri').levels.map((l) => [l.scope, l.profileId])).toEqual([
      ['global', PROFILES.global],
      ['coSpace', PROFILES.guest],
    ]);
    const host = byKey(paths, 'accessMethod:am-host');
    expect(host.levels.map((l) => l.scope)).toEqual(['global', 'coSpace', 'accessMethod']);
    expect(host.levels[2]?.settings).toMatchObject({ needsActivation: false, presentationContributionAllowed: true });
    expect(host.resolved.needsActivation).toEqual({ value: false, scope: 'accessMethod', profileId: PROFILES.host });
    expect(host.resolved.participantLabels).toEqual({ value: true, scope: 'global', profileId: PROFILES.global });
    expect(host.resolved.deactivationMode).toEqual({ value: 'deactivate', scope: 'coSpace', profileId: PROFILES.guest });
  });

  it('adds the secondary URI with the space PIN, and inserts the tenant level between global and space', () => {
    const paths = joinPaths(
      spaceModel({
        space: { uri: 'lobby', secondaryUri: '7001', callId: '5001', passcode: '42', tenant: 'tenant-1' },
        tenant: { id: 'tenant-1', name: 'Acme', callLegProfile: PROFILES.tenant },
        systemProfiles: { callLegProfile: PROFILES.global },
      }),
    );
    expect(paths.map((p) => [p.key, p.passcode])).toEqual([
      ['space:uri', '42'],
      ['space:secondaryUri', '42'],
      ['space:callId', '42'],
    ]);
    const secondary = byKey(paths, 'space:secondaryUri');
    expect(secondary).toMatchObject({ kind: 'spaceSecondaryUri', label: 'Secondary URI 7001', uri: '7001', role: 'guest' });
    expect(secondary.levels.map((l) => l.scope)).toEqual(['global', 'tenant']);
    expect(secondary.resolved.needsActivation).toEqual({ value: true, scope: 'tenant', profileId: PROFILES.tenant });
  });

  it('reaches an access method without a URI by its call ID, and skips one with neither', () => {
    const paths = joinPaths(
      spaceModel({
        space: { callLegProfile: PROFILES.guest },
        accessMethods: [
          { id: 'by-call-id', callId: '889', passcode: '1234', callLegProfile: PROFILES.host },
          { id: 'named', name: 'Hosts', uri: 'hosts', passcode: '9' },
          { id: 'nothing', passcode: '1' },
        ],
      }),
    );
    expect(byKey(paths, 'accessMethod:by-call-id')).toMatchObject({ label: 'Access method call ID 889 (PIN 1234)', callId: '889', passcode: '1234', role: 'host' });
    expect(byKey(paths, 'accessMethod:by-call-id').uri).toBeUndefined();
    expect(byKey(paths, 'accessMethod:named').label).toBe('Access method “Hosts” (hosts, PIN 9)');
    expect(paths.some((p) => p.key === 'accessMethod:nothing')).toBe(false);
  });

  it('adds members signed in to the web app, with no PIN, walking their own profile last', () => {
    const paths = joinPaths(
      spaceModel({
        space: { callLegProfile: PROFILES.guest },
        members: [
          { id: 'm1', userJid: 'user1@example.com', callLegProfile: PROFILES.host },
          { id: 'm2', userJid: 'user2@example.com' },
        ],
      }),
    );
    const host = byKey(paths, 'member:m1');
    expect(host).toMatchObject({ kind: 'member', label: 'Member user1@example.com', role: 'host' });
    expect(host).not.toHaveProperty('passcode');
    expect(host.levels.map((l) => l.scope)).toEqual(['coSpace', 'coSpaceUser']);
    expect(byKey(paths, 'member:m2')).toMatchObject({ role: 'guest' });
    expect(byKey(paths, 'member:m2').levels.map((l) => l.scope)).toEqual(['coSpace']);
  });

  it('makes everyone a host when no level sets needsActivation (the CMS default is false)', () => {
    const paths = joinPaths(spaceModel({ space: { callLegProfile: PROFILES.bare }, members: [{ id: 'm', userJid: 'u@x' }] }));
    expect(paths.every((p) => p.role === 'host')).toBe(true);
    expect(byKey(paths, 'space:uri').resolved.needsActivation).toEqual({ value: false, scope: 'default' });
    expect(joinPaths(spaceModel()).map((p) => p.levels)).toEqual([[], []]);
  });

  it('keeps a level for a profile that no longer exists, with its id and no settings', () => {
    const paths = joinPaths(
      spaceModel({
        space: { callLegProfile: PROFILES.guest },
        accessMethods: [{ id: 'am', uri: 'host', passcode: '1', callLegProfile: PROFILES.gone }],
        missingProfiles: [PROFILES.gone],
      }),
    );
    const method = byKey(paths, 'accessMethod:am');
    expect(method.levels[1]).toEqual({ scope: 'accessMethod', profileId: PROFILES.gone, settings: {} });
    expect(method.role).toBe('guest');
  });

  it('lists a space without URI or call ID only through its access methods and members', () => {
    const paths = joinPaths(spaceModel({ space: { uri: undefined, callId: undefined }, members: [{ id: 'm', userJid: 'u@x' }] }));
    expect(paths.map((p) => p.key)).toEqual(['member:m']);
  });
});

describe('callProfile of a space', () => {
  it('walks global, tenant and space callProfiles, most specific winning per parameter', () => {
    const model = spaceModel({
      space: { callProfile: PROFILES.timeout, tenant: 't' },
      tenant: { id: 't', callProfile: PROFILES.required },
      systemProfiles: { callProfile: 'system-cp' },
      callProfiles: { 'system-cp': { participantLimit: 10, passcodeMode: 'required' } },
    });
    expect(callProfileLevels(model).map((l) => [l.scope, l.profileId])).toEqual([
      ['global', 'system-cp'],
      ['tenant', PROFILES.required],
      ['coSpace', PROFILES.timeout],
    ]);
    const resolved = resolveCallProfileFor(model);
    expect(resolved.passcodeMode).toEqual({ value: 'timeout', scope: 'coSpace', profileId: PROFILES.timeout });
    expect(resolved.passcodeTimeout).toEqual({ value: 5, scope: 'coSpace', profileId: PROFILES.timeout });
    expect(resolved.participantLimit).toEqual({ value: 10, scope: 'global', profileId: 'system-cp' });
  });

  it('answers defaults when no callProfile is attached', () => {
    expect(resolveCallProfileFor(spaceModel()).passcodeMode).toEqual({ value: undefined, scope: 'default' });
  });
});

/** The guide's scenario 3: blank guest PIN and host PIN 1234 on guestpin.space. */
const scenario3 = (callProfile?: string) =>
  spaceModel({
    space: { uri: 'guestpin.space', callId: '189', callLegProfile: PROFILES.guest, ...(callProfile ? { callProfile } : {}) },
    accessMethods: [{ id: 'am-host', uri: 'GuestPin.Space', callId: '889', passcode: '1234', callLegProfile: PROFILES.host }],
    members: [{ id: 'm', userJid: 'u@x', callLegProfile: PROFILES.host }],
  });

describe('ivrBehaviour', () => {
  it('applies passcodeMode timeout to both sides of a URI shared by a blank and a set PIN', () => {
    const model = scenario3(PROFILES.timeout);
    const paths = joinPaths(model);
    const guest = ivrBehaviour(model, byKey(paths, 'space:uri'));
    expect(guest).toMatchObject({ matters: true, assumed: false, shared: [{ kind: 'uri', value: 'guestpin.space', with: ['accessMethod:am-host'] }] });
    expect(guest.passcodeMode).toEqual({ value: 'timeout', scope: 'coSpace', profileId: PROFILES.timeout });
    expect(guest.passcodeTimeout.value).toBe(5);
    expect(guest.description).toContain('5 s');
    expect(guest.description).toContain('Web app users are not affected');
    const host = ivrBehaviour(model, byKey(paths, 'accessMethod:am-host'));
    expect(host.matters).toBe(true);
    expect(host.shared).toEqual([{ kind: 'uri', value: 'GuestPin.Space', with: ['space:uri'] }]);
    expect(host.description).toContain('PIN 1234');
  });

  it('does not matter on a call ID only one kind of PIN answers, nor for members', () => {
    const model = scenario3(PROFILES.timeout);
    const paths = joinPaths(model);
    expect(ivrBehaviour(model, byKey(paths, 'space:callId'))).toMatchObject({ matters: false, shared: [] });
    expect(ivrBehaviour(model, byKey(paths, 'member:m'))).toMatchObject({ matters: false, shared: [] });
  });

  it('describes required, and assumes required when passcodeMode is set nowhere', () => {
    const required = scenario3(PROFILES.required);
    const requiredIvr = ivrBehaviour(required, byKey(joinPaths(required), 'space:uri'));
    expect(requiredIvr).toMatchObject({ matters: true, assumed: false });
    expect(requiredIvr.description).toContain('#');
    const unset = scenario3();
    const unsetIvr = ivrBehaviour(unset, byKey(joinPaths(unset), 'space:uri'));
    expect(unsetIvr).toMatchObject({ matters: true, assumed: true });
    expect(unsetIvr.passcodeMode.scope).toBe('default');
    expect(unsetIvr.description).toContain('no default');
  });

  it('says the wait is unknown for timeout without passcodeTimeout', () => {
    const model = spaceModel({
      space: { uri: 'a', callLegProfile: PROFILES.guest, callProfile: 'cp' },
      accessMethods: [{ id: 'h', uri: 'a', passcode: '1', callLegProfile: PROFILES.host }],
      callProfiles: { cp: { passcodeMode: 'timeout' } },
    });
    const ivr = ivrBehaviour(model, byKey(joinPaths(model), 'space:uri'));
    expect(ivr.passcodeTimeout).toEqual({ value: undefined, scope: 'default' });
    expect(ivr.description).toContain('passcodeTimeout is set nowhere');
  });

  it('finds shared call IDs too, and ignores addresses shared by two set PINs', () => {
    const model = spaceModel({
      space: { uri: 'global', callId: '1234', passcode: '', callLegProfile: PROFILES.guest },
      accessMethods: [
        { id: 'h', uri: 'global', callId: '1234', passcode: '12345', callLegProfile: PROFILES.host },
        { id: 'other', uri: 'other', callId: '77', passcode: '1' },
        { id: 'other2', uri: 'other', callId: '78', passcode: '2' },
      ],
    });
    const paths = joinPaths(model);
    expect(sharedAddresses(model, byKey(paths, 'space:callId'))).toEqual([{ kind: 'callId', value: '1234', with: ['accessMethod:h'] }]);
    expect(sharedAddresses(model, byKey(paths, 'accessMethod:h')).map((s) => s.kind)).toEqual(['uri', 'callId']);
    expect(sharedAddresses(model, byKey(paths, 'accessMethod:other'))).toEqual([]);
  });
});

describe('lobbyBehaviour', () => {
  const guestWith = (settings: Record<string, unknown>) => {
    const resolved = resolveCallLegProfile([{ scope: 'coSpace', profileId: 'p', settings: { needsActivation: true, ...settings } }]);
    return lobbyBehaviour({ role: 'guest', resolved });
  };

  it('sends guests back to the lobby with deactivate', () => {
    expect(guestWith({ deactivationMode: 'deactivate' })).toMatchObject({
      role: 'guest',
      whileNoHost: 'lobby',
      whenLastHostLeaves: 'backToLobby',
      afterSeconds: 0,
      assumed: true,
    });
    const timed = guestWith({ deactivationMode: 'deactivate', deactivationModeTime: 30 });
    expect(timed).toMatchObject({ whenLastHostLeaves: 'backToLobby', afterSeconds: 30, assumed: false });
    expect(timed.description).toContain('back to the lobby after 30 s');
  });

  it('ends the call after deactivationModeTime with disconnect', () => {
    const behaviour = guestWith({ deactivationMode: 'disconnect', deactivationModeTime: 10 });
    expect(behaviour).toMatchObject({ whenLastHostLeaves: 'disconnected', afterSeconds: 10, assumed: false });
    expect(behaviour.description).toContain('call ends for this guest after 10 s');
  });

  it('keeps guests in with remainActivated', () => {
    expect(guestWith({ deactivationMode: 'remainActivated' })).toMatchObject({ whenLastHostLeaves: 'stayInConference', assumed: false });
  });

  it('assumes remainActivated when deactivationMode is set nowhere', () => {
    const behaviour = guestWith({});
    expect(behaviour).toMatchObject({ whenLastHostLeaves: 'stayInConference', assumed: true });
    expect(behaviour.deactivationMode).toEqual({ value: undefined, scope: 'default' });
    expect(behaviour.description).toContain('no default');
  });

  it('lets hosts straight in', () => {
    const host = lobbyBehaviour({ role: 'host', resolved: resolveCallLegProfile([]) });
    expect(host).toMatchObject({ role: 'host', whileNoHost: 'inConference', assumed: false });
    expect(host.whenLastHostLeaves).toBeUndefined();
  });
});
