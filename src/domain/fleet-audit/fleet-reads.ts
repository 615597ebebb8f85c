import { getCallLegProfile } from '../../api/resources/call-leg-profiles';
import { getCallProfile } from '../../api/resources/call-profiles';
import { getSystemProfiles } from '../../api/resources/system';
import { getTenant } from '../../api/resources/tenants';
import { orMissing, type SharedReads } from '../profile-resolution/load-space-model';

/** Runs one CMS request under the scan's limiter, with the scan's signal. */
export type ScanRequest = <T>(path: string, task: (signal: AbortSignal) => Promise<T>) => Promise<T>;

/** Each id read once; a failed read is forgotten, so the next space that needs it asks again. */
function once<T>(read: (id: string) => Promise<T>): (id: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (id) => {
    const key = id.toLowerCase();
    const hit = cache.get(key);
    if (hit) return hit;
    const pending = read(key);
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
    return pending;
  };
}

/**
 * What every space of a cluster shares, read once for the whole scan: the system's profiles, each
 * tenant, each callLegProfile and callProfile. A space then costs only its own reads.
 */
export function createFleetReads(request: ScanRequest): SharedReads {
  const system = once(() => request('system/profiles', (s) => getSystemProfiles(s)));
  return {
    systemProfiles: () => system('system'),
    tenant: once((id) => request(`tenants/${id}`, (s) => getTenant(id, s)).then((tenant) => ({ ...tenant, id: tenant.id ?? id }))),
    callLegProfile: once((id) => orMissing(request(`callLegProfiles/${id}`, (s) => getCallLegProfile(id, s)))),
    callProfile: once((id) => orMissing(request(`callProfiles/${id}`, (s) => getCallProfile(id, s)))),
  };
}
