import type { ParamValue } from '../../api/params/param-def';
import type { CallLegProfileTrace } from '../../api/params/schemas';
import { spaceLevels } from '../../domain/profile-resolution/join-paths';
import type { CallLegProfileParam, CallLegScope, JoinPath, Resolved, ResolvedCallLegProfile, SpaceModel } from '../../domain/profile-resolution/model';
import { resolveCallLegProfile } from '../../domain/profile-resolution/resolve';
import { MATRIX_PARAMETERS, ownLevel } from './matrix';

export type PathMatch =
  | { how: 'accessMethod' | 'coSpaceUser'; path: JoinPath }
  | { how: 'spaceDefault'; path?: JoinPath }
  /** the trace names an access method or member profile that no predicted path has */
  | { how: 'unmatched'; scope: CallLegScope; profileId?: string; path?: JoinPath };

/**
 * The join path a live leg came through, as far as its trace tells: an access method or member
 * level names that path's profile; without one, the leg came in on the space's own addresses.
 */
export function matchPath(paths: readonly JoinPath[], trace: CallLegProfileTrace): PathMatch {
  const spaceDefault = paths.find((p) => p.kind === 'spaceUri' || p.kind === 'spaceSecondaryUri' || p.kind === 'spaceCallId');
  for (const scope of ['coSpaceUser', 'accessMethod'] as const) {
    const level = trace.levels.find((l) => l.scope === scope);
    if (!level) continue;
    const id = level.profileId?.toLowerCase();
    const path = paths.find((p) => {
      const own = ownLevel(p);
      return own?.scope === scope && own.profileId?.toLowerCase() === id;
    });
    if (path) return { how: scope, path };
    return { how: 'unmatched', scope, ...(id ? { profileId: id } : {}), ...(spaceDefault ? { path: spaceDefault } : {}) };
  }
  return { how: 'spaceDefault', ...(spaceDefault ? { path: spaceDefault } : {}) };
}

export interface ComparedParam {
  param: CallLegProfileParam;
  actual: Resolved<ParamValue, CallLegScope>;
  predicted: Resolved<ParamValue, CallLegScope>;
  valueDiffers: boolean;
  /** same value, but CMS says another level set it */
  sourceDiffers: boolean;
  /** set on the leg itself (dial-out or a PUT on the leg): no prediction covers it */
  legOverride: boolean;
}

/** Parameter by parameter: what CMS applies to the leg beside what we predicted for its path. */
export function compareResolved(actual: ResolvedCallLegProfile, predicted: ResolvedCallLegProfile): ComparedParam[] {
  return MATRIX_PARAMETERS.map((param) => {
    const a = actual[param] as Resolved<ParamValue, CallLegScope>;
    const p = predicted[param] as Resolved<ParamValue, CallLegScope>;
    const valueDiffers = a.value !== p.value;
    return {
      param,
      actual: a,
      predicted: p,
      valueDiffers,
      sourceDiffers: !valueDiffers && (a.scope !== p.scope || (a.profileId ?? '') !== (p.profileId ?? '')),
      legOverride: a.scope === 'callLeg' || a.scope === 'callOut',
    };
  });
}

/** The prediction for a matched path, or the space's own levels when the space has no address of its own. */
export function predictionFor(model: SpaceModel, match: PathMatch): ResolvedCallLegProfile {
  return match.path ? match.path.resolved : resolveCallLegProfile(spaceLevels(model));
}
