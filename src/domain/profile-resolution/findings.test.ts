import { describe, expect, it } from 'vitest';
import { findings } from './findings';
import { joinPaths } from './join-paths';
import type { Finding, SpaceModel } from './model';
import { PROFILES, spaceModel, type ModelParts } from './testing/space-model';

const findingsOf = (model: SpaceModel): Finding[] => findings(model, joinPaths(model));
const ids = (model: SpaceModel) => findingsOf(model).map((f) => f.id);
const find = (model: SpaceModel, id: string): Finding => {
  const all = findingsOf(model);
  const found = all.find((f) => f.id === id);
  if (!found) throw new Error(`no finding ${id}; got ${all.map((f) => f.id).join(', ') || 'none'}`);
  return found;
};

const GUEST_SPACE: ModelParts['space'] = { uri: 'guest.space', callId: '628821815', callLegProfile: PROFILES.guest };
const HOST_METHOD = { id: 'am-host', uri: 'host.space', callId: '888', passcode: '', callLegProfile: PROFILES.host };

describe('a space set up as the guide says', () => {
  it('has no findings for scenario 1 (different URIs)', () => {
    expect(findingsOf(spaceModel({ space: GUEST_SPACE, accessMethods: [HOST_METHOD] }))).toEqual([]);
  });

  it('has no findings for scenario 3 with its timeout callProfile', () => {
    const model = spaceModel({
      space: { uri: 'guestpin.space', callId: '189', callLegProfile: PROFILES.guest, callProfile: PROFILES.timeout },
      accessMethods: [{ id: 'h', uri: 'guestpin.space', callId: '889', passcode: '1234', callLegProfile: PROFILES.host }],
    });
    expect(findingsOf(model)).toEqual([]);
  });
});

describe('no-host-path', () => {
  it('is an error when every way in is a guest: a fresh space with only a guest profile', () => {
    const finding = find(spaceModel({ space: GUEST_SPACE }), 'no-host-path');
    expect(finding).toMatchObject({
      severity: 'error',
      paths: ['space:uri', 'space:callId'],
      fix: { scenario: 'different-uris', step: 'access' },
    });
    expect(finding.title).toMatch(/wait forever/);
  });

  it('is not raised when a member is the host', () => {
    expect(ids(spaceModel({ space: GUEST_SPACE, members: [{ id: 'm', userJid: 'u@x', callLegProfile: PROFILES.host }] }))).not.toContain('no-host-path');
  });

  it('becomes "nobody can join" (info) for a space with no way in at all', () => {
    const model = spaceModel({ space: { uri: undefined, callId: undefined, callLegProfile: PROFILES.guest } });
    expect(findingsOf(model)).toEqual([expect.objectContaining({ id: 'no-join-path', severity: 'info', paths: [] })]);
  });
});

describe('member-resolves-to-guest', () => {
  it('warns about a member without a profile who inherits needsActivation=true', () => {
    const model = spaceModel({
      space: GUEST_SPACE,
      accessMethods: [HOST_METHOD],
      members: [
        { id: 'm1', userJid: 'host@x', callLegProfile: PROFILES.host },
        { id: 'm2', userJid: 'plain@x' },
      ],
    });
    const finding = find(model, 'member-resolves-to-guest:m2');
    expect(finding).toMatchObject({ severity: 'warning', paths: ['member:m2'], fix: { scenario: 'members-are-hosts', step: 'members' } });
    expect(finding.explanation).toContain('space level');
    expect(ids(model)).not.toContain('member-resolves-to-guest:m1');
  });

  it('is not raised for a member without a profile on a space whose default is host', () => {
    expect(ids(spaceModel({ space: { callLegProfile: PROFILES.host }, members: [{ id: 'm', userJid: 'u@x' }] }))).toEqual([]);
  });
});

describe('access-method-joins-as-guest', () => {
  it('warns about a guest access method on a space with no host way in, fixing only that access method', () => {
    const model = spaceModel({ space: GUEST_SPACE, accessMethods: [{ id: 'am', uri: 'host.space', passcode: '', callLegProfile: PROFILES.bare }] });
    const finding = find(model, 'access-method-joins-as-guest:am');
    expect(finding).toMatchObject({ severity: 'warning', topic: 'accessMethods', paths: ['accessMethod:am'], fix: { scenario: 'different-uris', step: 'access' } });
    expect(finding.explanation).toContain('does not set needsActivation');
    expect(ids(model)).toContain('no-host-path');
  });

  it('is an error where the access method is evidently the host way in: a PIN of its own on the guests\' URI, no host there', () => {
    const blankGuestPin = spaceModel({ space: GUEST_SPACE, accessMethods: [{ id: 'am', uri: 'guest.space', passcode: '1' }, HOST_METHOD] });
    expect(find(blankGuestPin, 'access-method-joins-as-guest:am')).toMatchObject({
      severity: 'error',
      fix: { scenario: 'blank-guest-pin', step: 'access' },
    });
    expect(find(blankGuestPin, 'access-method-joins-as-guest:am').explanation).toContain('shares guest.space with the space\'s guests');
    const twoPins = spaceModel({ space: { ...GUEST_SPACE, passcode: '789' }, accessMethods: [{ id: 'am', callId: '628821815', passcode: '1' }] });
    expect(find(twoPins, 'access-method-joins-as-guest:am')).toMatchObject({ severity: 'error', fix: { scenario: 'same-uri-two-pins' } });
  });

  it('leaves alone guest variants on a space with a host way in: own layout or mute profiles, or an address of their own', () => {
    const model = spaceModel({
      space: { uri: 'c4', callId: '44', callLegProfile: PROFILES.guest, callProfile: PROFILES.timeout },
      accessMethods: [
        { id: 'host', uri: 'c4', passcode: '1111', callLegProfile: PROFILES.host },
        { id: 'mute', uri: 'c4', passcode: '2222', callLegProfile: PROFILES.bare },
        { id: 'plain', uri: 'c4', passcode: '3333' },
        { id: 'own-uri', uri: 'c4.more', passcode: '' },
      ],
    });
    expect(findingsOf(model)).toEqual([]);
  });

  it('inherits through the tenant too', () => {
    const model = spaceModel({
      space: { uri: 'acme.lobby', callId: '5001', tenant: 't' },
      tenant: { id: 't', callLegProfile: PROFILES.tenant },
      accessMethods: [{ id: 'am', uri: 'acme.host', passcode: '', callLegProfile: PROFILES.bare }],
    });
    expect(find(model, 'access-method-joins-as-guest:am').explanation).toContain('tenant level');
  });

  it('leaves alone an access method whose own profile deliberately says needsActivation=true, even with no host way in', () => {
    const model = spaceModel({ space: GUEST_SPACE, accessMethods: [{ id: 'guests2', uri: 'more.guests', passcode: '', callLegProfile: PROFILES.guest }] });
    expect(ids(model)).toEqual(['no-host-path']);
    expect(findingsOf(spaceModel({ space: GUEST_SPACE, accessMethods: [HOST_METHOD, { id: 'g2', uri: 'more.guests', passcode: '', callLegProfile: PROFILES.guest }] }))).toEqual([]);
  });
});

describe('members', () => {
  it('warns about a member whose own profile does not set needsActivation, fixed on the member', () => {
    const model = spaceModel({ space: GUEST_SPACE, accessMethods: [HOST_METHOD], members: [{ id: 'm', userJid: 'u@x', callLegProfile: PROFILES.bare }] });
    const finding = find(model, 'member-resolves-to-guest:m');
    expect(finding).toMatchObject({ severity: 'warning', topic: 'members', fix: { scenario: 'members-are-hosts', step: 'members' } });
    expect(finding.explanation).toContain(`callLegProfile ${PROFILES.bare} does not set needsActivation`);
  });

  it('warns about a member whose own profile makes them a guest on a space where callers are hosts', () => {
    const model = spaceModel({ space: { callLegProfile: PROFILES.host }, members: [{ id: 'm', userJid: 'u@x', callLegProfile: PROFILES.guest }] });
    expect(find(model, 'member-is-guest-on-host-space:m')).toMatchObject({ severity: 'warning', paths: ['member:m'] });
    const onGuestSpace = spaceModel({ space: GUEST_SPACE, accessMethods: [HOST_METHOD], members: [{ id: 'm', userJid: 'u@x', callLegProfile: PROFILES.guest }] });
    expect(ids(onGuestSpace)).toEqual([]);
  });

  it('notes an owner who is not a member, and not one who is (by user id or any-case JID)', () => {
    const notMember = spaceModel({ space: { ...GUEST_SPACE, ownerJid: 'Boss@x' }, accessMethods: [HOST_METHOD] });
    expect(findingsOf(notMember)).toEqual([expect.objectContaining({ id: 'owner-not-member', severity: 'info', topic: 'members' })]);
    expect(find(notMember, 'owner-not-member').explanation).toContain('as a guest on the space');
    const member = spaceModel({ space: { ...GUEST_SPACE, ownerJid: 'Boss@x' }, accessMethods: [HOST_METHOD], members: [{ id: 'm', userJid: 'boss@X', callLegProfile: PROFILES.host }] });
    expect(ids(member)).toEqual([]);
    const byId = spaceModel({ space: { ...GUEST_SPACE, ownerId: 'u1' }, accessMethods: [HOST_METHOD], members: [{ id: 'm', userId: 'u1', callLegProfile: PROFILES.host }] });
    expect(ids(byId)).toEqual([]);
  });
});

describe('no-guest-path', () => {
  it('warns when a dedicated host way in exists but every way in is a host', () => {
    const model = spaceModel({ space: { uri: 'open', callId: '1' }, accessMethods: [HOST_METHOD] });
    expect(find(model, 'no-guest-path')).toMatchObject({ severity: 'warning', topic: 'space', paths: ['space:uri', 'space:callId'] });
  });

  it('is not raised for a space with no guest/host set-up at all', () => {
    expect(ids(spaceModel({ space: { uri: 'open', callId: '1' } }))).toEqual([]);
  });
});

describe('same-pin-guest-and-host', () => {
  it('is an error when a guest and a host way in share URI and PIN', () => {
    const model = spaceModel({
      space: { uri: 'meet', callId: '1', passcode: '55', callLegProfile: PROFILES.guest },
      accessMethods: [{ id: 'h', uri: 'MEET', callId: '2', passcode: '55', callLegProfile: PROFILES.host }],
    });
    const finding = find(model, 'same-pin-guest-and-host');
    expect(finding).toMatchObject({ severity: 'error', paths: ['space:uri', 'accessMethod:h'], fix: { scenario: 'same-uri-two-pins', step: 'access' } });
    expect(finding.explanation).toContain('meet (PIN 55)');
  });

  it('catches a shared call ID with blank PINs too', () => {
    const model = spaceModel({
      space: { uri: 'a', callId: '1234', callLegProfile: PROFILES.guest },
      accessMethods: [{ id: 'h', uri: 'b', callId: '1234', passcode: '', callLegProfile: PROFILES.host }],
    });
    expect(find(model, 'same-pin-guest-and-host').explanation).toContain('call ID 1234 (blank PIN)');
  });

  it('is not raised for two guest ways in with the same PIN', () => {
    const model = spaceModel({
      space: { uri: 'a', callId: '1', passcode: '5', callLegProfile: PROFILES.guest },
      accessMethods: [HOST_METHOD, { id: 'g', uri: 'a', passcode: '5', callLegProfile: PROFILES.guest }],
    });
    expect(ids(model)).not.toContain('same-pin-guest-and-host');
  });
});

describe('blank-guest-pin-without-passcode-mode', () => {
  const scenario4 = (parts: ModelParts = {}) =>
    spaceModel({
      space: { uri: 'global', callId: '1234', callLegProfile: PROFILES.guest, ...parts.space },
      accessMethods: [{ id: 'h', uri: 'global', callId: '1234', passcode: '12345', callLegProfile: PROFILES.host }],
      ...(parts.systemProfiles ? { systemProfiles: parts.systemProfiles } : {}),
      ...(parts.tenant ? { tenant: parts.tenant } : {}),
    });

  it('warns when a blank guest PIN shares URI and call ID with a host PIN and no callProfile sets passcodeMode', () => {
    const finding = find(scenario4(), 'blank-guest-pin-without-passcode-mode');
    expect(finding).toMatchObject({
      severity: 'warning',
      paths: ['space:uri', 'accessMethod:h', 'space:callId'],
      fix: { scenario: 'blank-guest-pin', step: 'call-profile' },
    });
    expect(finding.explanation).toContain('global and call ID 1234');
  });

  it('is satisfied by passcodeMode at any level: space, tenant or global', () => {
    expect(ids(scenario4({ space: { callProfile: PROFILES.timeout } }))).toEqual([]);
    expect(ids(scenario4({ space: { tenant: 't' }, tenant: { id: 't', callProfile: PROFILES.required } }))).toEqual([]);
    expect(ids(scenario4({ systemProfiles: { callProfile: PROFILES.required } }))).toEqual([]);
  });

  it('is not raised when the blank PIN has its URI and call ID to itself', () => {
    expect(ids(spaceModel({ space: GUEST_SPACE, accessMethods: [{ ...HOST_METHOD, passcode: '1' }] }))).toEqual([]);
  });
});

describe('non-member-access-off', () => {
  it('warns when nonMemberAccess is false while guests have ways in', () => {
    const model = spaceModel({ space: { ...GUEST_SPACE, nonMemberAccess: false }, accessMethods: [HOST_METHOD] });
    expect(find(model, 'non-member-access-off')).toMatchObject({
      severity: 'warning',
      paths: ['space:uri', 'space:callId'],
      fix: { scenario: 'members-are-hosts', step: 'space' },
    });
  });

  it('is not raised when only members and hosts can get in', () => {
    const model = spaceModel({
      space: { uri: undefined, callId: undefined, nonMemberAccess: false, callLegProfile: PROFILES.host },
      members: [{ id: 'm', userJid: 'u@x' }],
    });
    expect(ids(model)).toEqual([]);
  });
});

describe('missing-profile', () => {
  it('is an error for an access method profile CMS no longer has, naming where it is attached', () => {
    const model = spaceModel({
      space: GUEST_SPACE,
      accessMethods: [{ ...HOST_METHOD, callLegProfile: PROFILES.gone }],
      missingProfiles: [PROFILES.gone],
    });
    const finding = find(model, `missing-profile:${PROFILES.gone}`);
    expect(finding).toMatchObject({ severity: 'error', paths: ['accessMethod:am-host'], fix: { scenario: 'different-uris', step: 'access' } });
    expect(finding.explanation).toContain('access method host.space (call ID 888, no PIN)');
    expect(ids(model)).toContain('no-host-path');
  });

  it('has no wizard fix for the system level, and covers every path', () => {
    const model = spaceModel({ space: GUEST_SPACE, accessMethods: [HOST_METHOD], systemProfiles: { callLegProfile: PROFILES.gone }, missingProfiles: [PROFILES.gone] });
    const finding = find(model, `missing-profile:${PROFILES.gone}`);
    expect(finding.fix).toBeUndefined();
    expect(finding.paths).toEqual(['space:uri', 'space:callId', 'accessMethod:am-host']);
    expect(finding.explanation).toContain('system (global) profiles');
  });

  it('covers a missing callProfile, fixed in the callProfile step', () => {
    const model = spaceModel({ space: { ...GUEST_SPACE, callProfile: 'cp-gone' }, accessMethods: [HOST_METHOD], missingProfiles: ['cp-gone'] });
    expect(find(model, 'missing-profile:cp-gone')).toMatchObject({
      title: 'A callProfile that no longer exists is still referenced',
      fix: { scenario: 'blank-guest-pin', step: 'call-profile' },
    });
  });

  it('names a member whose profile is gone', () => {
    const model = spaceModel({
      space: GUEST_SPACE,
      accessMethods: [HOST_METHOD],
      members: [{ id: 'm', userJid: 'u@x', callLegProfile: PROFILES.gone }],
      missingProfiles: [PROFILES.gone],
    });
    const finding = find(model, `missing-profile:${PROFILES.gone}`);
    expect(finding).toMatchObject({ paths: ['member:m'], fix: { step: 'members' } });
    // The member's own level sets nothing, so the member inherits the space's guest role.
    expect(ids(model)).toContain('member-resolves-to-guest:m');
  });
});

describe('deactivation-mode-unset', () => {
  it('warns when guests have no deactivationMode at any level', () => {
    const model = spaceModel({
      space: GUEST_SPACE,
      accessMethods: [HOST_METHOD],
      callLegProfiles: { [PROFILES.guest]: { needsActivation: true } },
    });
    const finding = find(model, 'deactivation-mode-unset');
    expect(finding).toMatchObject({ severity: 'warning', paths: ['space:uri', 'space:callId'], fix: { scenario: 'different-uris', step: 'profiles' } });
    expect(finding.explanation).toContain('remainActivated');
  });

  it('is satisfied by a deactivationMode inherited from the tenant', () => {
    const model = spaceModel({
      space: { ...GUEST_SPACE, tenant: 't' },
      tenant: { id: 't', callLegProfile: PROFILES.tenant },
      accessMethods: [HOST_METHOD],
      callLegProfiles: { [PROFILES.guest]: { needsActivation: true } },
    });
    expect(ids(model)).toEqual([]);
  });
});

describe('ordering', () => {
  it('puts errors before warnings', () => {
    const model = spaceModel({
      space: { ...GUEST_SPACE, nonMemberAccess: false },
      members: [{ id: 'm', userJid: 'u@x' }],
      callLegProfiles: { [PROFILES.guest]: { needsActivation: true } },
    });
    const severities = findingsOf(model).map((f) => f.severity);
    expect(severities[0]).toBe('error');
    expect(severities).toEqual([...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)));
    expect(findingsOf(model).map((f) => f.id)).toEqual(['no-host-path', 'member-resolves-to-guest:m', 'non-member-access-off', 'deactivation-mode-unset']);
  });
});
