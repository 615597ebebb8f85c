import { describe, expect, it } from 'vitest';
import { callLegProfileParams } from '../../api/params/call-leg-profile';
import { callProfileParams } from '../../api/params/call-profile';
import type { ParamTable } from '../../api/params/param-def';
import { CALL_LEG_SCOPES, type CallLegLevel, type CallLegProfileParam, type CallProfileLevel } from './model';
import {
  CALL_LEG_GROUP_LABELS,
  CALL_LEG_PARAMETER_GROUPS,
  CALL_LEG_PARAMETER_ORDER,
  CALL_LEG_PARAMETERS_BY_GROUP,
  CALL_PROFILE_PARAMETER_ORDER,
  callLegParameterGroup,
  callLegSettingsOf,
  callProfileSettingsOf,
  resolveCallLegProfile,
  resolveCallProfile,
} from './resolve';

const PARAMS = Object.keys(callLegProfileParams) as CallLegProfileParam[];
const table = callLegProfileParams as ParamTable;

describe('resolveCallLegProfile', () => {
  it('with no levels, answers every parameter with the blueprint default and scope default', () => {
    const resolved = resolveCallLegProfile([]);
    expect(Object.keys(resolved).sort()).toEqual([...PARAMS].sort());
    for (const name of PARAMS) {
      expect(resolved[name]).toEqual({ value: table[name]?.default, scope: 'default' });
      expect(resolved[name]).not.toHaveProperty('profileId');
    }
    expect(resolved.needsActivation.value).toBe(false);
    expect(resolved.muteSelfAllowed.value).toBe(true);
    expect(resolved.videoMuteOthersAllowed.value).toBe(false);
    expect(resolved.audioPacketSizeMs.value).toBe(20);
    expect(resolved.qualityMain.value).toBe('unrestricted');
    expect(resolved.deactivationMode.value).toBeUndefined();
    expect(resolved.deactivationModeTime.value).toBeUndefined();
  });

  it('answers the parameters in matrix order', () => {
    expect(Object.keys(resolveCallLegProfile([]))).toEqual(CALL_LEG_PARAMETER_ORDER);
  });

  it.each(CALL_LEG_SCOPES.map((scope, index) => [scope, index] as const))(
    'the %s level overrides every level above it',
    (scope, index) => {
      const levels: CallLegLevel[] = CALL_LEG_SCOPES.slice(0, index + 1).map((s, i) => ({
        scope: s,
        profileId: `profile-${s}`,
        settings: { needsActivation: i % 2 === 0, defaultLayout: i % 2 === 0 ? 'allEqual' : 'speakerOnly' },
      }));
      const resolved = resolveCallLegProfile(levels);
      expect(resolved.needsActivation).toEqual({ value: index % 2 === 0, scope, profileId: `profile-${scope}` });
      expect(resolved.defaultLayout.scope).toBe(scope);
    },
  );

  it('lets an unset parameter fall through to the nearest level above that sets it', () => {
    const resolved = resolveCallLegProfile([
      { scope: 'global', profileId: 'g', settings: { needsActivation: true, participantLabels: true, deactivationMode: 'disconnect' } },
      { scope: 'tenant', profileId: 't', settings: { deactivationMode: 'deactivate' } },
      { scope: 'coSpace', profileId: 's', settings: { defaultLayout: 'telepresence' } },
      { scope: 'accessMethod', profileId: 'a', settings: { rxAudioMute: true } },
    ]);
    expect(resolved.needsActivation).toEqual({ value: true, scope: 'global', profileId: 'g' });
    expect(resolved.participantLabels).toEqual({ value: true, scope: 'global', profileId: 'g' });
    expect(resolved.deactivationMode).toEqual({ value: 'deactivate', scope: 'tenant', profileId: 't' });
    expect(resolved.defaultLayout).toEqual({ value: 'telepresence', scope: 'coSpace', profileId: 's' });
    expect(resolved.rxAudioMute).toEqual({ value: true, scope: 'accessMethod', profileId: 'a' });
    expect(resolved.muteSelfAllowed).toEqual({ value: true, scope: 'default' });
  });

  it('treats false and 0 as values that win, not as unset', () => {
    const resolved = resolveCallLegProfile([
      { scope: 'global', profileId: 'g', settings: { needsActivation: true, joinToneParticipantThreshold: 100 } },
      { scope: 'coSpace', profileId: 's', settings: { needsActivation: false, joinToneParticipantThreshold: 0 } },
    ]);
    expect(resolved.needsActivation).toEqual({ value: false, scope: 'coSpace', profileId: 's' });
    expect(resolved.joinToneParticipantThreshold).toEqual({ value: 0, scope: 'coSpace', profileId: 's' });
  });

  it('treats undefined, null, empty and nested values as unset', () => {
    const settings = { needsActivation: undefined, defaultLayout: '', deactivationMode: null, rxAudioMute: { nested: 'x' } };
    const resolved = resolveCallLegProfile([
      { scope: 'global', profileId: 'g', settings: { needsActivation: true, defaultLayout: 'allEqual', deactivationMode: 'deactivate', rxAudioMute: false } },
      { scope: 'coSpace', profileId: 's', settings: settings as unknown as CallLegLevel['settings'] },
    ]);
    expect(resolved.needsActivation.scope).toBe('global');
    expect(resolved.defaultLayout.scope).toBe('global');
    expect(resolved.deactivationMode.scope).toBe('global');
    expect(resolved.rxAudioMute).toEqual({ value: false, scope: 'global', profileId: 'g' });
  });

  it('ignores parameters the blueprint does not list', () => {
    const resolved = resolveCallLegProfile([
      { scope: 'coSpace', profileId: 's', settings: { id: 's', somethingNew: 'x', needsActivation: true } as unknown as CallLegLevel['settings'] },
    ]);
    expect(resolved).not.toHaveProperty('somethingNew');
    expect(resolved).not.toHaveProperty('id');
    expect(Object.keys(resolved)).toHaveLength(PARAMS.length);
    expect(resolved.needsActivation.scope).toBe('coSpace');
  });

  it('reports the profile id of the winning level, and none for a level without a profile', () => {
    const resolved = resolveCallLegProfile([
      { scope: 'coSpace', profileId: 'space-profile', settings: { needsActivation: true, rxAudioMute: true } },
      { scope: 'callLeg', settings: { rxAudioMute: false } },
    ]);
    expect(resolved.needsActivation.profileId).toBe('space-profile');
    expect(resolved.rxAudioMute).toEqual({ value: false, scope: 'callLeg' });
    expect(resolved.rxAudioMute).not.toHaveProperty('profileId');
  });

  it('goes by the order of the array, not by the scope names', () => {
    const a: CallLegLevel = { scope: 'accessMethod', profileId: 'a', settings: { needsActivation: false } };
    const s: CallLegLevel = { scope: 'coSpace', profileId: 's', settings: { needsActivation: true } };
    expect(resolveCallLegProfile([s, a]).needsActivation).toEqual({ value: false, scope: 'accessMethod', profileId: 'a' });
    expect(resolveCallLegProfile([a, s]).needsActivation).toEqual({ value: true, scope: 'coSpace', profileId: 's' });
  });

  it('lets a level with a missing profile (no settings) be walked without setting anything', () => {
    const resolved = resolveCallLegProfile([
      { scope: 'coSpace', profileId: 'guest', settings: { needsActivation: true } },
      { scope: 'accessMethod', profileId: 'gone', settings: {} },
    ]);
    expect(resolved.needsActivation).toEqual({ value: true, scope: 'coSpace', profileId: 'guest' });
  });

  it('does not change the levels it is given', () => {
    const levels: CallLegLevel[] = [{ scope: 'global', profileId: 'g', settings: { needsActivation: true } }];
    const copy = structuredClone(levels);
    resolveCallLegProfile(levels);
    expect(levels).toEqual(copy);
  });
});

describe('resolveCallProfile', () => {
  it('answers every callProfile parameter with its default when nothing is attached', () => {
    const resolved = resolveCallProfile([]);
    expect(Object.keys(resolved).sort()).toEqual(Object.keys(callProfileParams).sort());
    expect(resolved.passcodeMode).toEqual({ value: undefined, scope: 'default' });
    expect(resolved.passcodeTimeout).toEqual({ value: undefined, scope: 'default' });
    expect(resolved.recordingMode).toEqual({ value: 'manual', scope: 'default' });
    expect(resolved.streamingMode).toEqual({ value: 'manual', scope: 'default' });
  });

  it('takes the most specific of global, tenant and coSpace per parameter', () => {
    const levels: CallProfileLevel[] = [
      { scope: 'global', profileId: 'g', settings: { passcodeMode: 'required', participantLimit: 50 } },
      { scope: 'tenant', profileId: 't', settings: { passcodeMode: 'timeout', passcodeTimeout: 10 } },
      { scope: 'coSpace', profileId: 's', settings: { passcodeTimeout: 5 } },
    ];
    const resolved = resolveCallProfile(levels);
    expect(resolved.passcodeMode).toEqual({ value: 'timeout', scope: 'tenant', profileId: 't' });
    expect(resolved.passcodeTimeout).toEqual({ value: 5, scope: 'coSpace', profileId: 's' });
    expect(resolved.participantLimit).toEqual({ value: 50, scope: 'global', profileId: 'g' });
    expect(resolved.lockMode).toEqual({ value: undefined, scope: 'default' });
  });

  it('ignores unknown parameters and empty values', () => {
    const resolved = resolveCallProfile([
      { scope: 'global', profileId: 'g', settings: { passcodeMode: 'required' } },
      { scope: 'coSpace', profileId: 's', settings: { passcodeMode: '', bogus: true } as unknown as CallProfileLevel['settings'] },
    ]);
    expect(resolved.passcodeMode.scope).toBe('global');
    expect(resolved).not.toHaveProperty('bogus');
  });

  it('puts the passcode handling first', () => {
    expect(CALL_PROFILE_PARAMETER_ORDER.slice(0, 2)).toEqual(['passcodeMode', 'passcodeTimeout']);
    expect([...CALL_PROFILE_PARAMETER_ORDER].sort()).toEqual(Object.keys(callProfileParams).sort());
  });
});

describe('parameter order and groups', () => {
  it('lists every parameter once, needsActivation first', () => {
    expect(CALL_LEG_PARAMETER_ORDER[0]).toBe('needsActivation');
    expect(new Set(CALL_LEG_PARAMETER_ORDER).size).toBe(PARAMS.length);
    expect([...CALL_LEG_PARAMETER_ORDER].sort()).toEqual([...PARAMS].sort());
  });

  it('keeps each group together, in group order, table order inside', () => {
    const groups = CALL_LEG_PARAMETER_ORDER.map(callLegParameterGroup);
    const firstSeen = [...new Set(groups)];
    expect(firstSeen).toEqual(CALL_LEG_PARAMETER_GROUPS.filter((g) => groups.includes(g)));
    for (let i = 1; i < groups.length; i++) {
      const previous = groups[i - 1] as string;
      if (previous !== groups[i]) expect(groups.slice(i)).not.toContain(previous);
    }
    for (const { group, params } of CALL_LEG_PARAMETERS_BY_GROUP) {
      const inTable = PARAMS.filter((p) => callLegParameterGroup(p) === group && p !== 'needsActivation');
      expect(params.filter((p) => p !== 'needsActivation')).toEqual(inTable);
    }
  });

  it('groups the guest/host parameters under activation', () => {
    const activation = CALL_LEG_PARAMETERS_BY_GROUP.find((g) => g.group === 'activation');
    expect(activation?.params).toEqual(['needsActivation', 'deactivationMode', 'deactivationModeTime']);
    expect(activation?.label).toBe(CALL_LEG_GROUP_LABELS.activation);
    expect(CALL_LEG_PARAMETERS_BY_GROUP.flatMap((g) => g.params)).toEqual(CALL_LEG_PARAMETER_ORDER);
  });
});

describe('settings of a profile read from CMS', () => {
  it('keeps the parameters a profile sets and drops its id, unknown and empty elements', () => {
    expect(callLegSettingsOf({ id: 'x', needsActivation: true, rxAudioMute: false, name: '', newThing: 'y' })).toEqual({
      needsActivation: true,
      rxAudioMute: false,
    });
    expect(callLegSettingsOf(undefined)).toEqual({});
    expect(callProfileSettingsOf({ id: 'c', passcodeMode: 'timeout', passcodeTimeout: 5, extra: 1 })).toEqual({ passcodeMode: 'timeout', passcodeTimeout: 5 });
  });
});
