import { describe, expect, it } from 'vitest';
import { joinPaths } from '../../domain/profile-resolution/join-paths';
import { buildMatrix, MATRIX_PARAMETERS, type ParamRow } from './matrix';
import { acmeLobbyModel, guestSpaceModel, IDS, largeSpaceModel } from './testing/space-models';

const paramRow = (rows: ReturnType<typeof buildMatrix>['rows'], param: string) =>
  rows.find((row): row is ParamRow => row.type === 'param' && row.param === param);

describe('buildMatrix', () => {
  it('starts with needsActivation under its group header, and has no row for the profile name', () => {
    const model = guestSpaceModel();
    const { rows, parameterCount } = buildMatrix(model, joinPaths(model));
    expect(rows[0]).toMatchObject({ type: 'group', group: 'activation' });
    expect(rows[1]).toMatchObject({ type: 'param', param: 'needsActivation' });
    expect(rows.some((row) => row.type === 'param' && row.param === 'name')).toBe(false);
    expect(parameterCount).toBe(MATRIX_PARAMETERS.length);
    const groups = rows.filter((row) => row.type === 'group').map((row) => row.group);
    expect(new Set(groups).size).toBe(groups.length);
  });

  it('Guest.space: the space sets guest, the host access method overrides it for its own path only', () => {
    const model = guestSpaceModel();
    const paths = joinPaths(model);
    const matrix = buildMatrix(model, paths);
    const row = paramRow(matrix.rows, 'needsActivation')!;
    expect(row.levels.coSpace).toEqual({ value: true, struck: false, overriddenOn: [`accessMethod:${IDS.hostAccessMethod}`] });
    expect(row.levels.global.value).toBeUndefined();
    expect(row.differs).toBe(true);

    const byKey = new Map(row.paths.map((cell) => [cell.pathKey, cell]));
    expect(byKey.get('space:uri')).toMatchObject({ own: undefined, inForce: { value: true, scope: 'coSpace', profileId: IDS.guestProfile } });
    expect(byKey.get(`accessMethod:${IDS.hostAccessMethod}`)).toMatchObject({
      ownScope: 'accessMethod',
      own: false,
      ownStruck: false,
      inForce: { value: false, scope: 'accessMethod', profileId: IDS.hostProfile },
    });
  });

  it('strikes a level value that a more specific level of the space overrides for every way in', () => {
    const model = acmeLobbyModel();
    model.space = { ...model.space, callLegProfile: IDS.guestProfile };
    const row = paramRow(buildMatrix(model, joinPaths(model)).rows, 'defaultLayout')!;
    // tenant says allEqual, the space's guest profile says speakerOnly
    expect(row.levels.tenant).toMatchObject({ value: 'allEqual', struck: true, overriddenOn: [] });
    expect(row.levels.coSpace).toMatchObject({ value: 'speakerOnly', struck: false });
  });

  it('strikes a level value overridden on every path even when no space level does', () => {
    const model = acmeLobbyModel();
    model.space = { ...model.space, uri: undefined, callId: undefined };
    const row = paramRow(buildMatrix(model, joinPaths(model)).rows, 'needsActivation')!;
    expect(row.levels.tenant).toMatchObject({ value: true, struck: true });
  });

  it('Acme lobby: needsActivation is in force from the tenant on the space URI path', () => {
    const model = acmeLobbyModel();
    const matrix = buildMatrix(model, joinPaths(model));
    expect(matrix.levelColumns.map((c) => [c.scope, c.profileId, c.present])).toEqual([
      ['global', IDS.globalProfile, true],
      ['tenant', IDS.tenantGuestProfile, true],
      ['coSpace', undefined, true],
    ]);
    const cell = paramRow(matrix.rows, 'needsActivation')!.paths.find((c) => c.pathKey === 'space:uri')!;
    expect(cell.inForce).toMatchObject({ value: true, scope: 'tenant', profileId: IDS.tenantGuestProfile });
  });

  it('falls back to the CMS default where no level sets a parameter', () => {
    const model = guestSpaceModel();
    const cell = paramRow(buildMatrix(model, joinPaths(model)).rows, 'qualityMain')!.paths[0]!;
    expect(cell.inForce).toMatchObject({ value: 'unrestricted', scope: 'default' });
  });

  it('filters: only parameters that differ between paths, only those set somewhere', () => {
    const model = guestSpaceModel();
    const paths = joinPaths(model);
    const differing = buildMatrix(model, paths, { onlyDiffering: true });
    const shown = differing.rows.filter((r): r is ParamRow => r.type === 'param').map((r) => r.param);
    // deactivationMode does not differ: the host profile leaves it to the space's guest profile.
    expect(shown).toEqual(['needsActivation', 'presentationContributionAllowed', 'rxAudioMute']);
    expect(differing.shownCount).toBe(3);
    expect(differing.rows[0]).toMatchObject({ type: 'group', group: 'activation' });

    const set = buildMatrix(model, paths, { onlySetSomewhere: true });
    const setParams = set.rows.filter((r): r is ParamRow => r.type === 'param').map((r) => r.param);
    expect(setParams).toContain('participantLabels');
    expect(setParams).toContain('needsActivation');
    expect(setParams).not.toContain('qualityMain');
    expect(set.rows.every((row) => row.type === 'group' || row.setSomewhere)).toBe(true);
  });

  it('builds cells only for the window of path columns, but filters over every path', () => {
    const model = largeSpaceModel(50, 200);
    const paths = joinPaths(model);
    const matrix = buildMatrix(model, paths, { pathWindow: { offset: 10, limit: 5 }, onlyDiffering: true });
    expect(matrix.pathColumns.map((p) => p.key)).toEqual(paths.slice(10, 15).map((p) => p.key));
    const row = paramRow(matrix.rows, 'needsActivation')!;
    expect(row.paths).toHaveLength(5);
    expect(row.levels.coSpace.overriddenOn.length).toBe(25 + 40);
  });
});
