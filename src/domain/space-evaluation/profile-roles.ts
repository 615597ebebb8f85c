import { queryOptions } from '@tanstack/react-query';
import { callLegProfileQueries, getCallLegProfile, getCallLegProfileUsage } from '../../api/resources/call-leg-profiles';
import { getSystemProfiles } from '../../api/resources/system';
import { getTenant } from '../../api/resources/tenants';
import type { CallLegProfileUsage } from '../../api/params/schemas';
import { isNotFound } from '../../api/transport/errors';
import { loadSpaceModel } from '../profile-resolution/load-space-model';
import type { CallLegLevel } from '../profile-resolution/model';
import { callLegSettingsOf, resolveCallLegProfile } from '../profile-resolution/resolve';
import { plural } from '../profile-resolution/words';
import { evaluateSpace } from './evaluate';

/** Spaces read to tell the role of a profile that leaves needsActivation unset; the rest are not counted. */
const SPACES_READ = 10;

export interface InheritedRoles {
  guest: number;
  host: number;
  /** uses not counted: beyond the spaces read, or in a space or tenant that vanished meanwhile */
  notCounted: number;
}

/** A read whose object vanished meanwhile (404) answers undefined; other failures still throw. */
async function orUndefined<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

const roleOf = (levels: CallLegLevel[]) => (resolveCallLegProfile(levels).needsActivation.value === true ? 'guest' : 'host');

async function settingsOf(id: string | undefined, signal?: AbortSignal) {
  if (!id) return undefined;
  // A dangling reference is a level that sets nothing.
  return callLegSettingsOf(await orUndefined(getCallLegProfile(id, signal)));
}

/**
 * What callers get where a profile that leaves needsActivation unset is attached: per use, the
 * levels above it resolve needsActivation for it (the system's for a tenant use, the space's
 * evaluation for a space, access method or member use).
 */
export async function inheritedRoles(usage: CallLegProfileUsage, signal?: AbortSignal): Promise<InheritedRoles> {
  const out: InheritedRoles = { guest: 0, host: 0, notCounted: 0 };
  const count = (role: 'guest' | 'host') => void out[role]++;
  const system = await getSystemProfiles(signal);
  const globalLevel = async (): Promise<CallLegLevel[]> => {
    const settings = await settingsOf(system.callLegProfile, signal);
    return settings ? [{ scope: 'global', settings }] : [];
  };
  const mine = (await settingsOf(usage.id, signal)) ?? {};
  const spaces = [...new Set(usage.uses.flatMap((u) => (u.scope === 'coSpace' ? [u.id] : u.coSpace ? [u.coSpace] : [])).filter((id): id is string => !!id))];
  const read = spaces.slice(0, SPACES_READ);
  const models = new Map(await Promise.all(read.map(async (id) => [id, await orUndefined(loadSpaceModel(id, { signal }))] as const)));
  for (const use of usage.uses) {
    if (use.scope === 'global') count(roleOf([{ scope: 'global', profileId: usage.id, settings: mine }]));
    else if (use.scope === 'tenant') {
      const tenant = use.id ? await orUndefined(getTenant(use.id, signal)) : undefined;
      if (tenant) count(roleOf([...(await globalLevel()), { scope: 'tenant', profileId: usage.id, settings: mine }]));
      else out.notCounted++;
    } else {
      const spaceId = use.scope === 'coSpace' ? use.id : use.coSpace;
      const model = spaceId ? models.get(spaceId) : undefined;
      if (!model) {
        out.notCounted++;
        continue;
      }
      const evaluation = evaluateSpace(model);
      const key = use.scope === 'accessMethod' ? `accessMethod:${use.id}` : use.scope === 'coSpaceUser' ? `member:${use.id}` : undefined;
      const path = key ? evaluation.paths.find((p) => p.key === key) : undefined;
      if (key && !path) out.notCounted++;
      else count(path ? path.role : evaluation.spaceRole);
    }
  }
  return out;
}

/** "not set: guest wherever it is used (3 uses)", "not set: guest on 2 uses, host on 1", "not set: unused". */
export function inheritedLabel(roles: InheritedRoles): string {
  const uses = roles.guest + roles.host;
  const rest = roles.notCounted > 0 ? ` (${plural(roles.notCounted, 'more use')} not read)` : '';
  if (uses === 0) return roles.notCounted > 0 ? `Not set: inherited${rest}` : 'Not set: inherited (unused)';
  if (roles.host === 0) return `Not set: inherits guest wherever it is used (${plural(uses, 'use')})${rest}`;
  if (roles.guest === 0) return `Not set: inherits host wherever it is used (${plural(uses, 'use')})${rest}`;
  return `Not set: inherits guest on ${plural(roles.guest, 'use')}, host on ${plural(roles.host, 'use')}${rest}`;
}

export const profileRoleQueries = {
  inherited: (profileId: string) =>
    queryOptions({
      queryKey: [...callLegProfileQueries.usage(profileId).queryKey, 'inherited-roles'] as const,
      queryFn: async ({ signal }) => inheritedRoles(await getCallLegProfileUsage(profileId, signal), signal),
    }),
};
