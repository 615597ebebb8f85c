import type { CallLegProfileTrace } from '../../api/params/schemas';
import type { CallLegLevel, ResolvedCallLegProfile } from './model';
import { resolveCallLegProfile } from './resolve';

/** CMS's callLegProfileTrace of a live leg, as the levels the resolver takes. */
export function traceLevels(trace: CallLegProfileTrace): CallLegLevel[] {
  return trace.levels.map((level) => ({
    scope: level.scope,
    ...(level.profileId ? { profileId: level.profileId } : {}),
    settings: level.settings as CallLegLevel['settings'],
  }));
}

/** What CMS applies to the leg, per parameter, with the level each value comes from. */
export function resolveTrace(trace: CallLegProfileTrace): ResolvedCallLegProfile {
  return resolveCallLegProfile(traceLevels(trace));
}

/** Guest when the needsActivation in force is true, else host (an activator). */
export function roleOfTrace(trace: CallLegProfileTrace): 'host' | 'guest' {
  return resolveTrace(trace).needsActivation.value === true ? 'guest' : 'host';
}
