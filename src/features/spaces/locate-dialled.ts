import { findSpacesByCallId } from '../../api/resources/spaces';
import { isCallIdReachable, queryUriUsage } from '../../api/resources/uri-usage';
import { mapLimited } from '../../lib/limit';
import type { DialledSearch } from './dialled-input';

/** uriUsageQuery answers per tenant: asked once without one and once per tenant, this many at a time. */
const CONCURRENCY = 4;

/** How a space was found: its own call ID (coSpaces filter), or uriUsageQuery (its URI or an access method's). */
export type FoundBy = 'callId' | 'uri';

export interface LocatedSpace {
  id: string;
  by: FoundBy[];
}

export interface Located {
  spaces: LocatedSpace[];
  /** IVRs answering the URI: a caller dialling it reaches the IVR, not a space */
  ivrIds: string[];
  /** users whose JID has the URI as its user part */
  userIds: string[];
  /**
   * Set when a call ID was searched and no space has it as its own: whether CMS routes it
   * anywhere (accessQuery). Routed then means an access method has it, and CMS names no space for it.
   */
  callIdRouted?: boolean;
  /** the tenant scopes uriUsageQuery was asked in (none, then each tenant) */
  uriScopes: number;
}

/**
 * Finds the spaces a dialled address reaches with CMS's own queries, never by reading every space:
 * a URI through `POST /uriUsageQuery` (without a tenant, then per tenant: CMS answers per tenant),
 * which covers a space's URI, secondary URI and its access methods' URIs; a call ID through the
 * coSpaces `filter` (spaces' own call IDs) and `POST /accessQuery` (routed at all?).
 */
export async function locateDialled(
  search: DialledSearch,
  tenantIds: readonly string[] | Promise<readonly string[]>,
  signal?: AbortSignal,
): Promise<Located> {
  const { uri, callId } = search;
  // All at once (the tenant scopes as soon as the tenants are known): the answer waits for the slowest, not the sum.
  const [withoutTenant, perTenant, byCallId, routed] = await Promise.all([
    queryUriUsage(uri, undefined, signal),
    Promise.resolve(tenantIds).then((ids) => mapLimited(ids, CONCURRENCY, (tenant) => queryUriUsage(uri, tenant, signal))),
    callId !== undefined ? findSpacesByCallId(callId, signal) : [],
    callId !== undefined ? isCallIdReachable(callId, signal) : undefined,
  ]);
  const uses = [withoutTenant, ...perTenant];

  const found = new Map<string, LocatedSpace>();
  const add = (id: string, by: FoundBy) => {
    const key = id.toLowerCase();
    const entry = found.get(key) ?? { id: key, by: [] };
    if (!entry.by.includes(by)) entry.by.push(by);
    found.set(key, entry);
  };
  for (const space of byCallId) if (space.id) add(space.id, 'callId');
  for (const use of uses) for (const id of use.coSpaceIds) add(id, 'uri');

  const located: Located = {
    spaces: [...found.values()],
    ivrIds: [...new Set(uses.flatMap((u) => u.ivrIds))],
    userIds: [...new Set(uses.flatMap((u) => u.userIds))],
    uriScopes: uses.length,
  };
  if (routed !== undefined && byCallId.length === 0) located.callIdRouted = routed;
  return located;
}
