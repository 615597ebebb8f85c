import type { ParamValue } from '../api/params/param-def';
import { spaceLevels } from './join-paths';
import type { CallLegProfileParam, CallLegScope, JoinPath, Resolved, SpaceModel } from './model';
import { CALL_LEG_PARAMETER_ORDER, callLegParameterGroup, isSet, type CallLegParameterGroup } from './resolve';

/** The System, Tenant and Space columns: what that level sets, and for how many paths a more specific level overrides it. */
export interface SharedLevelCell {
  profileId?: string;
  value: ParamValue;
  /** `all`: struck through everywhere; `some`: only on some paths */
  overridden: 'none' | 'some' | 'all';
}

export interface MatrixRow {
  param: CallLegProfileParam;
  group: CallLegParameterGroup;
  global?: SharedLevelCell;
  tenant?: SharedLevelCell;
  coSpace?: SharedLevelCell;
  /** one per join path, in the order of `paths`: the value in force and who set it */
  paths: Array<Resolved<ParamValue, CallLegScope>>;
  /** some level (shared or a path's own) sets it */
  setSomewhere: boolean;
  /** the value in force is not the same on every path */
  differs: boolean;
}

const SHARED = ['global', 'tenant', 'coSpace'] as const;

/**
 * The resolution matrix: rows are callLegProfile parameters (needsActivation first, then by group),
 * columns System, Tenant, Space, then one per join path. Cells reuse the paths' resolved entries.
 */
export function resolutionMatrix(model: SpaceModel, paths: readonly JoinPath[]): MatrixRow[] {
  const shared = spaceLevels(model);
  return CALL_LEG_PARAMETER_ORDER.map((param) => {
    const cells = paths.map((p) => p.resolved[param] as Resolved<ParamValue, CallLegScope>);
    const row: MatrixRow = { param, group: callLegParameterGroup(param), paths: cells, setSomewhere: false, differs: false };
    for (const scope of SHARED) {
      const level = shared.find((l) => l.scope === scope);
      const value = level?.settings[param];
      if (level === undefined || !isSet(value)) continue;
      let overriddenOn = 0;
      for (const cell of cells) if (cell.scope !== scope) overriddenOn++;
      // With no path at all there is nothing to override it on: it simply is in force.
      const overridden = overriddenOn === 0 ? 'none' : overriddenOn === cells.length ? 'all' : 'some';
      row[scope] = { ...(level.profileId ? { profileId: level.profileId } : {}), value, overridden };
      row.setSomewhere = true;
    }
    const first = cells[0]?.value;
    for (const cell of cells) {
      if (cell.scope !== 'default') row.setSomewhere = true;
      if (cell.value !== first) row.differs = true;
    }
    return row;
  });
}

/** The viewer's two filters. */
export function filterMatrix(rows: readonly MatrixRow[], filter: { onlyDiffering?: boolean; onlySet?: boolean }): MatrixRow[] {
  return rows.filter((row) => (!filter.onlyDiffering || row.differs) && (!filter.onlySet || row.setSomewhere));
}
