import type { CallLegProfile, CallProfile } from '../../api/params/schemas';
import { joinPaths, resolveCallProfileFor } from '../profile-resolution/join-paths';
import { CALL_LEG_PARAMETER_ORDER, CALL_PROFILE_PARAMETER_ORDER } from '../profile-resolution/resolve';
import type { CallLegProfileParam, CallProfileParam, SpaceModel } from '../profile-resolution/model';

export type ChangeLevel = { scope: 'global' } | { scope: 'tenant'; tenantId: string };

/** A write of the callLegProfile or callProfile reference at the global level or on one tenant. */
export interface ProfileChange {
  kind: 'callLegProfile' | 'callProfile';
  level: ChangeLevel;
  /** the profile id referenced after the write; '' unsets the reference */
  to: string;
  /** that profile as CMS holds it; absent for '' or an id CMS does not have (fleetReach reads it when absent) */
  profile?: CallLegProfile | CallProfile;
}

export interface PathReach {
  key: string;
  label: string;
  /** the parameters whose value in force changes on this way in */
  params: CallLegProfileParam[];
  /** set when needsActivation flips: a guest becomes a host or the reverse */
  role?: { from: 'host' | 'guest'; to: 'host' | 'guest' };
}

export interface SpaceReach {
  spaceId: string;
  spaceName: string;
  /** the ways in whose resolved callLegProfile changes */
  paths: PathReach[];
  /** the callProfile parameters whose value in force changes for the space's calls */
  callParams: CallProfileParam[];
}

/** A profile's name is no behaviour a leg or call inherits. */
export const isBehaviour = (param: string) => param !== 'name';

/** The model as CMS will hold it after the write: same space, the changed level pointing elsewhere. */
export function applyChange(model: SpaceModel, change: ProfileChange): SpaceModel {
  const onTenant = change.level.scope === 'tenant';
  if (onTenant && model.tenant?.id.toLowerCase() !== (change.level.scope === 'tenant' ? change.level.tenantId.toLowerCase() : '')) return model;
  const id = change.to.toLowerCase();
  const next: SpaceModel = { ...model };
  if (change.kind === 'callLegProfile') {
    const profiles = new Map(model.callLegProfiles);
    if (id !== '' && change.profile) profiles.set(id, change.profile as CallLegProfile);
    next.callLegProfiles = profiles;
  } else {
    const profiles = new Map(model.callProfiles);
    if (id !== '' && change.profile) profiles.set(id, change.profile as CallProfile);
    next.callProfiles = profiles;
  }
  const missing = new Set(model.missingProfiles);
  if (id !== '') {
    if (change.profile) missing.delete(id);
    else missing.add(id);
  }
  next.missingProfiles = missing;
  const reference = id === '' ? undefined : id;
  if (onTenant && model.tenant) {
    const { [change.kind]: _old, ...rest } = model.tenant;
    void _old;
    next.tenant = reference === undefined ? rest : { ...rest, [change.kind]: reference };
  } else {
    const { [change.kind]: _old, ...rest } = model.systemProfiles;
    void _old;
    next.systemProfiles = reference === undefined ? rest : { ...rest, [change.kind]: reference };
  }
  return next;
}

/**
 * What the change does to one space, parameter by parameter, with the one resolver: each way in is
 * resolved before and after, and every parameter whose value in force differs is named.
 */
export function reachOnSpace(model: SpaceModel, change: ProfileChange): SpaceReach {
  const after = applyChange(model, change);
  const base = { spaceId: model.space.id, spaceName: model.space.name ?? model.space.id };
  if (after === model) return { ...base, paths: [], callParams: [] };
  if (change.kind === 'callProfile') {
    const before = resolveCallProfileFor(model);
    const then = resolveCallProfileFor(after);
    return { ...base, paths: [], callParams: CALL_PROFILE_PARAMETER_ORDER.filter((param) => isBehaviour(param) && before[param].value !== then[param].value) };
  }
  const afterPaths = new Map(joinPaths(after).map((p) => [p.key, p]));
  const paths: PathReach[] = [];
  for (const before of joinPaths(model)) {
    const then = afterPaths.get(before.key);
    if (!then) continue;
    const params = CALL_LEG_PARAMETER_ORDER.filter((param) => isBehaviour(param) && before.resolved[param].value !== then.resolved[param].value);
    if (params.length === 0) continue;
    paths.push({ key: before.key, label: before.label, params, ...(before.role !== then.role ? { role: { from: before.role, to: then.role } } : {}) });
  }
  return { ...base, paths, callParams: [] };
}

export const reaches = (reach: SpaceReach) => reach.paths.length > 0 || reach.callParams.length > 0;
