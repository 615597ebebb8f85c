import { describe, expect, it } from 'vitest';
import { joinPaths } from './join-paths';
import { filterMatrix, resolutionMatrix } from './matrix';
import { CALL_LEG_PARAMETER_ORDER } from './resolve';
import { PROFILES, spaceModel } from './testing/space-model';

const model = spaceModel({
  space: { uri: 'guest.space', callId: '1', callLegProfile: PROFILES.guest, tenant: 't' },
  tenant: { id: 't', callLegProfile: PROFILES.tenant },
  systemProfiles: { callLegProfile: PROFILES.global },
  accessMethods: [{ id: 'h', uri: 'host.space', passcode: '', callLegProfile: PROFILES.host }],
});
const paths = joinPaths(model);
const rows = resolutionMatrix(model, paths);
const row = (param: string) => {
  const found = rows.find((r) => r.param === param);
  if (!found) throw new Error(param);
  return found;
};

describe('resolutionMatrix', () => {
  it('has a row per parameter in matrix order and a cell per path', () => {
    expect(rows.map((r) => r.param)).toEqual(CALL_LEG_PARAMETER_ORDER);
    expect(rows.every((r) => r.paths.length === paths.length)).toBe(true);
    expect(row('needsActivation').group).toBe('activation');
  });

  it('shows what each shared level sets and whether it is overridden on all, some or no paths', () => {
    const needsActivation = row('needsActivation');
    expect(needsActivation.global).toBeUndefined();
    expect(needsActivation.tenant).toEqual({ profileId: PROFILES.tenant, value: true, overridden: 'all' });
    expect(needsActivation.coSpace).toEqual({ profileId: PROFILES.guest, value: true, overridden: 'some' });
    expect(needsActivation.paths.map((c) => [c.value, c.scope])).toEqual([
      [true, 'coSpace'],
      [true, 'coSpace'],
      [false, 'accessMethod'],
    ]);
    expect(needsActivation).toMatchObject({ setSomewhere: true, differs: true });
    expect(row('participantLabels').global).toEqual({ profileId: PROFILES.global, value: true, overridden: 'none' });
    expect(row('participantLabels')).toMatchObject({ setSomewhere: true, differs: false });
  });

  it('filters to parameters that differ between paths, or are set somewhere', () => {
    expect(filterMatrix(rows, { onlyDiffering: true }).map((r) => r.param)).toEqual([
      'needsActivation',
      'presentationContributionAllowed',
      'rxAudioMute',
    ]);
    const set = filterMatrix(rows, { onlySet: true }).map((r) => r.param);
    expect(set).toContain('muteOthersAllowed');
    expect(set).not.toContain('audioPacketSizeMs');
    expect(filterMatrix(rows, {})).toHaveLength(rows.length);
  });
});
