import type { ParamValue } from '../../api/params/param-def';
import { spaceLevels } from '../../domain/profile-resolution/join-paths';
import type { CallLegLevel, CallLegProfileParam, CallLegScope, JoinPath, Resolved, SpaceModel } from '../../domain/profile-resolution/model';
import { CALL_LEG_GROUP_LABELS, CALL_LEG_PARAMETER_ORDER, callLegParameterGroup, isSet, type CallLegParameterGroup } from '../../domain/profile-resolution/resolve';

/** The three levels every way into a space walks: the matrix's first columns. */
export const LEVEL_COLUMNS = ['global', 'tenant', 'coSpace'] as const;
export type LevelScope = (typeof LEVEL_COLUMNS)[number];

/** The profile's own name is no behaviour a leg inherits. */
const NOT_A_SETTING: ReadonlySet<CallLegProfileParam> = new Set(['name']);
export const MATRIX_PARAMETERS: readonly CallLegProfileParam[] = CALL_LEG_PARAMETER_ORDER.filter((param) => !NOT_A_SETTING.has(param));

export interface LevelColumn {
  scope: LevelScope;
  /** the callLegProfile attached at this level, if any */
  profileId?: string;
  /** the attached id answered 404 */
  missing: boolean;
  /** the level exists at all (a space outside any tenant has no tenant level) */
  present: boolean;
}

export interface LevelCell {
  /** what this level's profile sets; undefined = not set here */
  value: ParamValue | undefined;
  /** overridden for every way in: by a more specific level of the space, or on every path */
  struck: boolean;
  /** set here, in force on some paths and overridden on these (keys) */
  overriddenOn: string[];
}

export interface PathCell {
  pathKey: string;
  /** the scope of the path's own level (access method, member), when it has one */
  ownScope?: CallLegScope;
  ownProfileId?: string;
  /** what the path's own level sets; undefined = not set there */
  own: ParamValue | undefined;
  /** set at the path's own level but a more specific one wins */
  ownStruck: boolean;
  inForce: Resolved<ParamValue, CallLegScope>;
}

export interface ParamRow {
  type: 'param';
  param: CallLegProfileParam;
  group: CallLegParameterGroup;
  levels: Record<LevelScope, LevelCell>;
  /** one per join path column shown */
  paths: PathCell[];
  /** the value in force is not the same on every path */
  differs: boolean;
  /** some level (space levels or any path's own) sets it */
  setSomewhere: boolean;
}

export interface GroupRow {
  type: 'group';
  group: CallLegParameterGroup;
  label: string;
}

export type MatrixRow = GroupRow | ParamRow;

export interface MatrixOptions {
  onlyDiffering?: boolean;
  onlySetSomewhere?: boolean;
  /** the join path columns to build cells for (all by default); filters still look at every path */
  pathWindow?: { offset: number; limit: number };
}

export interface Matrix {
  levelColumns: LevelColumn[];
  /** the join paths whose columns are built (the window) */
  pathColumns: JoinPath[];
  rows: MatrixRow[];
  /** parameter rows before the filters */
  parameterCount: number;
  /** parameter rows after the filters */
  shownCount: number;
}

const levelOf = (levels: readonly CallLegLevel[], scope: CallLegScope) => levels.find((level) => level.scope === scope);

/** The path's own level: the one beyond the space's (access method or member), if it has one. */
export function ownLevel(path: JoinPath): CallLegLevel | undefined {
  const last = path.levels[path.levels.length - 1];
  return last && !(LEVEL_COLUMNS as readonly string[]).includes(last.scope) ? last : undefined;
}

const sameValue = (a: unknown, b: unknown) => a === b;

/**
 * The resolution matrix of a space as rows: callLegProfile parameters (needsActivation first, in
 * groups) × System, Tenant, Space and one column per join path. A level's value is struck through
 * where a more specific level wins for every way in; partly overridden values list the paths.
 */
export function buildMatrix(model: SpaceModel, paths: readonly JoinPath[], options: MatrixOptions = {}): Matrix {
  const base = spaceLevels(model);
  const baseLevel = (scope: LevelScope) => levelOf(base, scope);
  const attached: Record<LevelScope, string | undefined> = {
    global: model.systemProfiles.callLegProfile,
    tenant: model.tenant?.callLegProfile,
    coSpace: model.space.callLegProfile,
  };
  const levelColumns: LevelColumn[] = LEVEL_COLUMNS.map((scope) => {
    const profileId = attached[scope] || undefined;
    return {
      scope,
      ...(profileId ? { profileId } : {}),
      missing: profileId !== undefined && model.missingProfiles.has(profileId),
      present: scope !== 'tenant' || model.tenant !== undefined,
    };
  });

  const offset = Math.max(0, options.pathWindow?.offset ?? 0);
  const limit = options.pathWindow?.limit ?? paths.length;
  const pathColumns = paths.slice(offset, offset + limit);
  const owns = paths.map(ownLevel);

  const rows: MatrixRow[] = [];
  let lastGroup: CallLegParameterGroup | undefined;
  let shownCount = 0;
  for (const param of MATRIX_PARAMETERS) {
    const setAt = LEVEL_COLUMNS.map((scope) => baseLevel(scope)?.settings[param]);
    let setSomewhere = setAt.some(isSet);
    let differs = false;
    const first = paths[0]?.resolved[param].value;
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i] as JoinPath;
      if (!differs && !sameValue(path.resolved[param].value, first)) differs = true;
      if (!setSomewhere && isSet(owns[i]?.settings[param])) setSomewhere = true;
      if (differs && setSomewhere) break;
    }
    if (options.onlyDiffering && !differs) continue;
    if (options.onlySetSomewhere && !setSomewhere) continue;

    const levels = {} as Record<LevelScope, LevelCell>;
    LEVEL_COLUMNS.forEach((scope, i) => {
      const value = setAt[i];
      if (!isSet(value)) {
        levels[scope] = { value: undefined, struck: false, overriddenOn: [] };
        return;
      }
      const beatenBySpaceLevel = setAt.slice(i + 1).some(isSet);
      const overriddenOn = beatenBySpaceLevel ? [] : paths.filter((path) => path.resolved[param].scope !== scope).map((path) => path.key);
      const struck = beatenBySpaceLevel || (paths.length > 0 && overriddenOn.length === paths.length);
      levels[scope] = { value, struck, overriddenOn: struck ? [] : overriddenOn };
    });

    const pathCells = pathColumns.map((path, i): PathCell => {
      const own = owns[offset + i];
      const ownValue = own?.settings[param];
      const inForce = path.resolved[param] as Resolved<ParamValue, CallLegScope>;
      return {
        pathKey: path.key,
        ...(own ? { ownScope: own.scope } : {}),
        ...(own?.profileId ? { ownProfileId: own.profileId } : {}),
        own: isSet(ownValue) ? ownValue : undefined,
        ownStruck: own !== undefined && isSet(ownValue) && inForce.scope !== own.scope,
        inForce,
      };
    });

    const group = callLegParameterGroup(param);
    if (group !== lastGroup) {
      rows.push({ type: 'group', group, label: CALL_LEG_GROUP_LABELS[group] });
      lastGroup = group;
    }
    rows.push({ type: 'param', param, group, levels, paths: pathCells, differs, setSomewhere });
    shownCount++;
  }
  return { levelColumns, pathColumns, rows, parameterCount: MATRIX_PARAMETERS.length, shownCount };
}
