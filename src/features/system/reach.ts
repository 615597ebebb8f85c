import { listAllCallLegProfiles } from '../../api/resources/call-leg-profiles';
import { getSpace, listAllSpaces, listSpaces } from '../../api/resources/spaces';
import { listAllTenants } from '../../api/resources/tenants';
import { mapLimited } from '../../lib/limit';

/** How many spaces take a global profile: those that set none themselves and whose tenant sets none. */
export interface Reach {
  /** every space on the CMS */
  total: number;
  /** spaces that set the profile themselves */
  own: number;
  /** spaces without their own, in a tenant that sets one */
  viaTenant: number;
  reached: number;
  /** how many requests the count took */
  requests: number;
}

export type ReachProgress = (done: number, of: number) => void;

/**
 * callLegProfile: CMS filters spaces by callLegProfile, so the count needs no space-by-space read:
 * all spaces (the total of one page), minus the total for each callLegProfile filter, minus the
 * spaces without their own profile in each tenant that sets one (read page by page).
 */
export async function countCallLegProfileReach(signal?: AbortSignal): Promise<Reach> {
  let requests = 0;
  const count = async (params: Parameters<typeof listSpaces>[0]) => {
    requests++;
    return (await listSpaces({ ...params, limit: 1 }, signal)).total;
  };
  const [total, profiles, tenants] = await Promise.all([count({}), listAllCallLegProfiles({}, signal), listAllTenants({}, signal)]);
  requests += 2;
  const ids = profiles.items.flatMap((p) => (p.id ? [p.id] : []));
  const own = (await mapLimited(ids, 4, (id) => count({ callLegProfileFilter: id }))).reduce((a, b) => a + b, 0);
  let viaTenant = 0;
  for (const tenant of tenants.items) {
    if (!tenant.id || !tenant.callLegProfile) continue;
    const spaces = await listAllSpaces({ tenantFilter: tenant.id }, signal);
    requests += Math.max(1, Math.ceil(spaces.total / 10));
    viaTenant += spaces.items.filter((s) => !s.callLegProfile).length;
  }
  return { total, own, viaTenant, reached: Math.max(0, total - own - viaTenant), requests };
}

/**
 * callProfile: CMS has no callProfile filter and its space lists leave callProfile out, so every
 * space is read on its own (four at a time); tenants come with their callProfile in their list.
 */
export async function countCallProfileReach(signal?: AbortSignal, onProgress?: ReachProgress): Promise<Reach> {
  const [spaces, tenants] = await Promise.all([listAllSpaces({}, signal), listAllTenants({}, signal)]);
  let requests = Math.max(1, Math.ceil(spaces.total / 10)) + 1;
  const tenantSets = new Set(tenants.items.flatMap((t) => (t.id && t.callProfile ? [t.id] : [])));
  let done = 0;
  onProgress?.(0, spaces.items.length);
  const details = await mapLimited(spaces.items, 4, async (space) => {
    const detail = await getSpace(space.id ?? '', signal);
    requests++;
    onProgress?.(++done, spaces.items.length);
    return detail;
  });
  const own = details.filter((s) => Boolean(s.callProfile)).length;
  const viaTenant = details.filter((s) => !s.callProfile && s.tenant !== undefined && tenantSets.has(s.tenant)).length;
  return { total: details.length, own, viaTenant, reached: details.length - own - viaTenant, requests };
}
