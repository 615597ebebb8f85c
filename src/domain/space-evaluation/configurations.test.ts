import { describe, expect, it } from 'vitest';
import type { CallLegProfileSettings, SpaceModel } from '../profile-resolution/model';
import { PROFILES, spaceModel } from '../profile-resolution/testing/space-model';
import { checklistOf } from './checklist';
import { evaluateSpace } from './evaluate';
import { reachOnSpace, type ProfileChange } from './reach';

/**
 * The 13 configurations of issue 12, built by hand: each must give the verdict, findings and reach
 * below, and Troubleshoot's checklist must end on the verdict of the Profiles tab's findings.
 */

const EXTRA = {
  mute: 'cccccccc-0000-4000-8000-000000000001',
  layout: 'cccccccc-0000-4000-8000-000000000002',
  unsetGuest: 'cccccccc-0000-4000-8000-000000000003',
  newGlobal: 'cccccccc-0000-4000-8000-000000000004',
  gone: {
    space: 'dddddddd-0000-4000-8000-000000000001',
    accessMethod: 'dddddddd-0000-4000-8000-000000000002',
    member: 'dddddddd-0000-4000-8000-000000000003',
    callProfile: 'dddddddd-0000-4000-8000-000000000004',
    tenant: 'dddddddd-0000-4000-8000-000000000005',
  },
  limit: 'eeeeeeee-0000-4000-8000-000000000001',
} as const;

const EXTRA_LEG_PROFILES: Record<string, CallLegProfileSettings> = {
  [EXTRA.mute]: { rxAudioMute: true },
  [EXTRA.layout]: { defaultLayout: 'allEqual' },
  // The guest profile after `PUT needsActivation=`: everything but needsActivation is still set.
  [EXTRA.unsetGuest]: { defaultLayout: 'speakerOnly', presentationContributionAllowed: false, rxAudioMute: true, rxVideoMute: false, deactivationMode: 'deactivate' },
};

/** The global callLegProfile every reach below is computed for: it adds deactivationModeTime and needsActivation=true. */
const NEW_GLOBAL = { participantLabels: true, muteOthersAllowed: true, deactivationModeTime: 30, needsActivation: true } as const;
const GLOBAL_CHANGE: ProfileChange = { kind: 'callLegProfile', level: { scope: 'global' }, to: EXTRA.newGlobal, profile: { id: EXTRA.newGlobal, ...NEW_GLOBAL } };

const withGlobal = (parts: Parameters<typeof spaceModel>[0]): SpaceModel =>
  spaceModel({
    systemProfiles: { callLegProfile: PROFILES.global },
    ...parts,
    callLegProfiles: { ...EXTRA_LEG_PROFILES, ...parts?.callLegProfiles },
    callProfiles: { [EXTRA.limit]: { participantLimit: 50 }, ...parts?.callProfiles },
  });

interface Expected {
  verdict: 'pass' | 'warn' | 'fail';
  findings: string[];
  /** the ways in the global change reaches, each with the parameters that change on it */
  reach: Record<string, string[]>;
  /** the ways in that change role, as "key: from → to" */
  roles: string[];
}

const TENANT = { id: 'tenant-1', name: 'Acme', callLegProfile: PROFILES.tenant };

const CONFIGURATIONS: Array<{ name: string; model: () => SpaceModel; expected: Expected }> = [
  {
    name: '1. tenant fall-through with a host access method',
    model: () =>
      withGlobal({
        space: { uri: 'acme.lobby', callId: '5001', tenant: TENANT.id },
        tenant: TENANT,
        accessMethods: [{ id: 'h', uri: 'acme.host', callId: '5002', passcode: '', callLegProfile: PROFILES.host }],
      }),
    expected: {
      verdict: 'pass',
      findings: [],
      reach: { 'space:uri': ['deactivationModeTime'], 'space:callId': ['deactivationModeTime'], 'accessMethod:h': ['deactivationModeTime'] },
      roles: [],
    },
  },
  {
    name: '2. host space with a guest member and a layout-only member',
    model: () =>
      withGlobal({
        space: { uri: 'c2.host', callId: '2002', callLegProfile: PROFILES.host },
        members: [
          { id: 'guest', userJid: 'visitor@x', callLegProfile: PROFILES.guest },
          { id: 'layout', userJid: 'wall@x', callLegProfile: EXTRA.layout },
        ],
      }),
    expected: {
      verdict: 'warn',
      findings: ['member-is-guest-on-host-space:guest'],
      reach: {
        'space:uri': ['deactivationModeTime'],
        'space:callId': ['deactivationModeTime'],
        'member:guest': ['deactivationModeTime'],
        'member:layout': ['deactivationModeTime'],
      },
      roles: [],
    },
  },
  {
    name: '3. guest space with PIN, secondary URI as host access method, member without profile',
    model: () =>
      withGlobal({
        space: { uri: 'c3.guests', secondaryUri: 'c3.hosts', callId: '3003', passcode: '789', callLegProfile: PROFILES.guest },
        accessMethods: [{ id: 'h', uri: 'c3.hosts', passcode: '1234', callLegProfile: PROFILES.host }],
        members: [{ id: 'plain', userJid: 'plain@x' }],
      }),
    expected: {
      verdict: 'warn',
      findings: ['member-resolves-to-guest:plain'],
      reach: {
        'space:uri': ['deactivationModeTime'],
        'space:secondaryUri': ['deactivationModeTime'],
        'space:callId': ['deactivationModeTime'],
        'accessMethod:h': ['deactivationModeTime'],
        'member:plain': ['deactivationModeTime'],
      },
      roles: [],
    },
  },
  {
    name: '4. blank guest PIN sharing a URI with a host PIN',
    model: () =>
      withGlobal({
        space: { uri: 'c4.pin', callId: '4004', callLegProfile: PROFILES.guest },
        accessMethods: [{ id: 'h', uri: 'c4.pin', callId: '4005', passcode: '1234', callLegProfile: PROFILES.host }],
      }),
    expected: {
      verdict: 'warn',
      findings: ['blank-guest-pin-without-passcode-mode'],
      reach: { 'space:uri': ['deactivationModeTime'], 'space:callId': ['deactivationModeTime'], 'accessMethod:h': ['deactivationModeTime'] },
      roles: [],
    },
  },
  {
    name: '5. three access methods on one URI (host, mute, layout)',
    model: () =>
      withGlobal({
        space: { uri: 'c5.meet', callId: '5005', callLegProfile: PROFILES.guest, callProfile: PROFILES.timeout },
        accessMethods: [
          { id: 'hosts', name: 'Hosts', uri: 'c5.meet', passcode: '1111', callLegProfile: PROFILES.host },
          { id: 'mute', name: 'Muted guests', uri: 'c5.meet', passcode: '2222', callLegProfile: EXTRA.mute },
          { id: 'layout', name: 'Big screen guests', uri: 'c5.meet', passcode: '3333', callLegProfile: EXTRA.layout },
        ],
      }),
    expected: {
      verdict: 'pass',
      findings: [],
      reach: {
        'space:uri': ['deactivationModeTime'],
        'space:callId': ['deactivationModeTime'],
        'accessMethod:hosts': ['deactivationModeTime'],
        'accessMethod:mute': ['deactivationModeTime'],
        'accessMethod:layout': ['deactivationModeTime'],
      },
      roles: [],
    },
  },
  {
    name: '6. all-guest tenant space',
    model: () =>
      withGlobal({
        space: { uri: 'c6.lobby', callId: '6006', tenant: TENANT.id },
        tenant: TENANT,
        accessMethods: [{ id: 'more', uri: 'c6.more', passcode: '' }],
      }),
    expected: {
      verdict: 'fail',
      findings: ['no-host-path', 'access-method-joins-as-guest:more'],
      reach: { 'space:uri': ['deactivationModeTime'], 'space:callId': ['deactivationModeTime'], 'accessMethod:more': ['deactivationModeTime'] },
      roles: [],
    },
  },
  {
    name: '7. dangling space, access-method, member and callProfile references',
    model: () =>
      withGlobal({
        space: { uri: 'c7', callId: '7007', callLegProfile: EXTRA.gone.space, callProfile: EXTRA.gone.callProfile },
        accessMethods: [{ id: 'h', uri: 'c7.host', passcode: '', callLegProfile: EXTRA.gone.accessMethod }],
        members: [{ id: 'm', userJid: 'm@x', callLegProfile: EXTRA.gone.member }],
        missingProfiles: [EXTRA.gone.space, EXTRA.gone.accessMethod, EXTRA.gone.member, EXTRA.gone.callProfile],
      }),
    expected: {
      verdict: 'fail',
      findings: [
        `missing-profile:${EXTRA.gone.space}`,
        `missing-profile:${EXTRA.gone.callProfile}`,
        `missing-profile:${EXTRA.gone.accessMethod}`,
        `missing-profile:${EXTRA.gone.member}`,
      ],
      reach: {
        'space:uri': ['needsActivation', 'deactivationModeTime'],
        'space:callId': ['needsActivation', 'deactivationModeTime'],
        'accessMethod:h': ['needsActivation', 'deactivationModeTime'],
        'member:m': ['needsActivation', 'deactivationModeTime'],
      },
      roles: ['space:uri: host → guest', 'space:callId: host → guest', 'accessMethod:h: host → guest', 'member:m: host → guest'],
    },
  },
  {
    name: '8. tenant callProfile with timeout under a space callProfile without passcodeMode',
    model: () =>
      withGlobal({
        space: { uri: 'c8', callId: '8008', callLegProfile: PROFILES.guest, callProfile: EXTRA.limit, tenant: 't8' },
        tenant: { id: 't8', name: 'Timeouts', callProfile: PROFILES.timeout },
        accessMethods: [{ id: 'h', uri: 'c8', callId: '8009', passcode: '1234', callLegProfile: PROFILES.host }],
      }),
    expected: {
      verdict: 'pass',
      findings: [],
      reach: { 'space:uri': ['deactivationModeTime'], 'space:callId': ['deactivationModeTime'], 'accessMethod:h': ['deactivationModeTime'] },
      roles: [],
    },
  },
  {
    name: '9. a space profile with needsActivation unset by `PUT needsActivation=`',
    model: () =>
      withGlobal({
        space: { uri: 'c9', callId: '9009', callLegProfile: EXTRA.unsetGuest },
        accessMethods: [{ id: 'h', uri: 'c9.host', callId: '9010', passcode: '', callLegProfile: PROFILES.host }],
      }),
    expected: {
      verdict: 'warn',
      findings: ['no-guest-path'],
      reach: {
        'space:uri': ['needsActivation', 'deactivationModeTime'],
        'space:callId': ['needsActivation', 'deactivationModeTime'],
        'accessMethod:h': ['deactivationModeTime'],
      },
      roles: ['space:uri: host → guest', 'space:callId: host → guest'],
    },
  },
  {
    name: '10. mixed-case URI clash',
    model: () =>
      withGlobal({
        space: { uri: 'c10.meet', callId: '1010', passcode: '55', callLegProfile: PROFILES.guest },
        accessMethods: [{ id: 'h', uri: 'C10.MEET', passcode: '55', callLegProfile: PROFILES.host }],
      }),
    expected: {
      verdict: 'fail',
      findings: ['same-pin-guest-and-host'],
      reach: { 'space:uri': ['deactivationModeTime'], 'space:callId': ['deactivationModeTime'], 'accessMethod:h': ['deactivationModeTime'] },
      roles: [],
    },
  },
  {
    name: '11. secondary URI shared with a host access method',
    model: () =>
      withGlobal({
        space: { uri: 'c11.guests', secondaryUri: 'c11.shared', callId: '1111', callLegProfile: PROFILES.guest },
        accessMethods: [{ id: 'h', uri: 'c11.shared', passcode: '2468', callLegProfile: PROFILES.host }],
      }),
    expected: {
      verdict: 'warn',
      findings: ['blank-guest-pin-without-passcode-mode'],
      reach: {
        'space:uri': ['deactivationModeTime'],
        'space:secondaryUri': ['deactivationModeTime'],
        'space:callId': ['deactivationModeTime'],
        'accessMethod:h': ['deactivationModeTime'],
      },
      roles: [],
    },
  },
  {
    name: '12. a tenant whose profile was deleted',
    model: () =>
      withGlobal({
        space: { uri: 'c12', callId: '1212', tenant: 't12' },
        tenant: { id: 't12', name: 'Orphan', callLegProfile: EXTRA.gone.tenant },
        accessMethods: [{ id: 'h', uri: 'c12', passcode: '4321', callLegProfile: PROFILES.host }],
        missingProfiles: [EXTRA.gone.tenant],
      }),
    expected: {
      verdict: 'fail',
      findings: [`missing-profile:${EXTRA.gone.tenant}`, 'no-guest-path'],
      reach: {
        'space:uri': ['needsActivation', 'deactivationModeTime'],
        'space:callId': ['needsActivation', 'deactivationModeTime'],
        'accessMethod:h': ['deactivationModeTime'],
      },
      roles: ['space:uri: host → guest', 'space:callId: host → guest'],
    },
  },
  {
    name: '13. a host member on a guest space with a profile-less access method',
    model: () =>
      withGlobal({
        space: { uri: 'c13', callId: '1313', callLegProfile: PROFILES.guest },
        accessMethods: [{ id: 'extra', uri: 'c13.extra', callId: '1314', passcode: '' }],
        members: [{ id: 'boss', userJid: 'boss@x', callLegProfile: PROFILES.host }],
      }),
    expected: {
      verdict: 'pass',
      findings: [],
      reach: {
        'space:uri': ['deactivationModeTime'],
        'space:callId': ['deactivationModeTime'],
        'accessMethod:extra': ['deactivationModeTime'],
        'member:boss': ['deactivationModeTime'],
      },
      roles: [],
    },
  },
];

describe('the 13 configurations of issue 12', () => {
  it.each(CONFIGURATIONS)('$name', ({ model, expected }) => {
    const evaluation = evaluateSpace(model());
    expect(evaluation.findings.map((f) => f.id)).toEqual(expected.findings);
    expect(evaluation.verdict.status).toBe(expected.verdict);

    const checklist = checklistOf(evaluation);
    expect(checklist.verdict.status).toBe(expected.verdict);
    expect(checklist.steps.flatMap((step) => step.findings.map((f) => f.id)).sort()).toEqual([...expected.findings].sort());

    const reach = reachOnSpace(evaluation.model, GLOBAL_CHANGE);
    expect(Object.fromEntries(reach.paths.map((p) => [p.key, p.params]))).toEqual(expected.reach);
    expect(reach.paths.flatMap((p) => (p.role ? [`${p.key}: ${p.role.from} → ${p.role.to}`] : []))).toEqual(expected.roles);
  });
});

describe('what the configurations say in words', () => {
  const evaluationOf = (name: string) => {
    const config = CONFIGURATIONS.find((c) => c.name.startsWith(name));
    if (!config) throw new Error(name);
    return evaluateSpace(config.model());
  };

  it('3: the member without a profile inherits the space guest profile, and Troubleshoot lists them', () => {
    const evaluation = evaluationOf('3.');
    const members = checklistOf(evaluation).steps.find((s) => s.id === 'members');
    expect(members?.status).toBe('warn');
    expect(members?.sentences.join(' ')).toContain('Member plain@x: no callLegProfile of its own → needsActivation true from the space level');
    expect(evaluation.summary).toBe('Guests (4 ways in) wait in the lobby until a host joins; hosts: 1 access method.');
  });

  it('5: the three access methods on one URI are told apart by name and PIN', () => {
    const labels = evaluationOf('5.').paths.filter((p) => p.kind === 'accessMethod').map((p) => p.label);
    expect(labels).toEqual([
      'Access method “Hosts” (c5.meet, PIN 1111)',
      'Access method “Muted guests” (c5.meet, PIN 2222)',
      'Access method “Big screen guests” (c5.meet, PIN 3333)',
    ]);
  });

  it('8: passcodeMode comes from the tenant although the space has a callProfile of its own', () => {
    const evaluation = evaluationOf('8.');
    expect(evaluation.callProfile.resolved.passcodeMode).toMatchObject({ value: 'timeout', scope: 'tenant' });
    expect(evaluation.callProfile.resolved.participantLimit).toMatchObject({ value: 50, scope: 'coSpace' });
    const step = checklistOf(evaluation).steps.find((s) => s.id === 'callProfiles');
    expect(step?.sentences.join(' ')).toContain('passcodeMode timeout, from the tenant level');
    expect(step?.status).toBe('pass');
    const globalRequired: ProfileChange = { kind: 'callProfile', level: { scope: 'global' }, to: PROFILES.required, profile: { id: PROFILES.required, passcodeMode: 'required' } };
    expect(reachOnSpace(evaluation.model, globalRequired).callParams).toEqual([]);
    const tenantUnset: ProfileChange = { kind: 'callProfile', level: { scope: 'tenant', tenantId: 't8' }, to: '' };
    expect(reachOnSpace(evaluation.model, tenantUnset).callParams).toEqual(['passcodeMode', 'passcodeTimeout']);
  });

  it('9: the space profile no longer says needsActivation: hosts everywhere, flagged with the guest profile fix', () => {
    const evaluation = evaluationOf('9.');
    expect(evaluation.paths.every((p) => p.role === 'host')).toBe(true);
    expect(evaluation.findings[0]).toMatchObject({ severity: 'warning', fix: { scenario: 'different-uris', step: 'space' } });
  });

  it('12: a tenant change to a profile that exists puts the guests back', () => {
    const evaluation = evaluationOf('12.');
    const fixTenant: ProfileChange = { kind: 'callLegProfile', level: { scope: 'tenant', tenantId: 't12' }, to: PROFILES.tenant, profile: { id: PROFILES.tenant, needsActivation: true } };
    const reach = reachOnSpace(evaluation.model, fixTenant);
    expect(reach.paths.map((p) => [p.key, p.role])).toEqual([
      ['space:uri', { from: 'host', to: 'guest' }],
      ['space:callId', { from: 'host', to: 'guest' }],
    ]);
    const otherTenant: ProfileChange = { ...fixTenant, level: { scope: 'tenant', tenantId: 'someone-else' } };
    expect(reachOnSpace(evaluation.model, otherTenant).paths).toEqual([]);
  });
});
