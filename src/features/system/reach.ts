import { listAllCallLegProfiles } from '../../api/resources/call-leg-profiles';
import { getSpace, listAllSpaces, listSpaces } from '../../api/resources/spaces';
import { getTenant, listAllTenants } from '../../api/resources/tenants';
import type { Tenant } from '../../api/params/schemas';
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

/** Tenant list items carry only name and tenantGroup (blueprint): each tenant is read for its profiles. */
async function tenantsInFull(signal?: AbortSignal): Promise<{ tenants: Array<Tenant & { id: string }>; requests: number }> {
  const list = await listAllTenants({}, signal);
  const ids = list.items.flatMap((t) => (t.id ? [t.id] : []));
  const tenants = await mapLimited(ids, 4, async (id) => ({ ...(await getTenant(id, signal)), id }));
  return { tenants, requests: Math.max(1, Math.ceil(list.total / 10)) + ids.length };
}

/**
 * callLegProfile: CMS filters spaces by callLegProfile (and tenant), so the count needs no
 * space-by-space read: all spaces (the total of one page), minus the total for each
 * callLegProfile filter, minus, for each tenant that sets one, its spaces that set none (its
 * total less its totals per callLegProfile). Cost: 1 + P + T + Σ(1 + P) over tenants with a
 * profile, P profiles and T tenants, whatever the number of spaces.
 */
export async function countCallLegProfileReach(signal?: AbortSignal): Promise<Reach> {
  let requests = 0;
  const count = async (params: Parameters<typeof listSpaces>[0]) => {
    requests++;
    return (await listSpaces({ ...params, limit: 1 }, signal)).total;
  };
  const [total, profiles, full] = await Promise.all([count({}), listAllCallLegProfiles({}, signal), tenantsInFull(signal)]);
  requests += 1 + full.requests;
  const ids = profiles.items.flatMap((p) => (p.id ? [p.id] : []));
  const sum = async (tenantFilter?: string) =>
    (await mapLimited(ids, 4, (id) => count({ callLegProfileFilter: id, ...(tenantFilter ? { tenantFilter } : {}) }))).reduce((a, b) => a + b, 0);
  const own = await sum();
  let viaTenant = 0;
  for (const tenant of full.tenants) {
    if (!tenant.callLegProfile) continue;
    viaTenant += (await count({ tenantFilter: tenant.id })) - (await sum(tenant.id));
  }
  return { total, own, viaTenant, reached: Math.max(0, total - own - viaTenant), requests };
}

/**
 * callProfile: CMS has no callProfile filter and its space lists leave callProfile out, so every
 * space is read on its own (four at a time), and every tenant too (their list leaves it out as well).
 */
export async function countCallProfileReach(signal?: AbortSignal, onProgress?: ReachProgress): Promise<Reach> {
  const [spaces, full] = await Promise.all([listAllSpaces({}, signal), tenantsInFull(signal)]);
  let requests = Math.max(1, Math.ceil(spaces.total / 10)) + full.requests;
  const tenantSets = new Set(full.tenants.flatMap((t) => (t.callProfile ? [t.id] : [])));
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
