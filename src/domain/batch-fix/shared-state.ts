import { listAllDialInSecurityProfiles } from '../../api/resources/dial-in-security';
import { listSpaces } from '../../api/resources/spaces';
import { getSystemProfiles } from '../../api/resources/system';
import { listAllTenants } from '../../api/resources/tenants';
import { isCmsError } from '../../api/transport/errors';
import type { PinRule } from '../dial-in/pin-length';
import { everyCallLegProfile, everyCallProfile } from '../space-planning/read-current';
import type { CurrentState, SpaceSnapshot } from '../space-planning/types';

/** What every space of a batch shares, read once: profiles, tenants, /system/profiles, the dial-in security profiles. */
export interface SharedState {
  current: Omit<CurrentState, 'space'>;
  pinRules: PinRule[];
}

/** Reads the shared part of the wizard's CurrentState once for the whole batch (6 collections, each followed through its pages). */
export async function readSharedState(wantsCallProfiles: boolean, signal?: AbortSignal): Promise<SharedState> {
  const [callLegProfiles, callProfiles, systemProfiles, tenantList, allSpaces, dialIn] = await Promise.all([
    everyCallLegProfile(signal),
    wantsCallProfiles ? everyCallProfile(signal) : Promise.resolve([]),
    getSystemProfiles(signal),
    listAllTenants({}, signal),
    listSpaces({ limit: 1 }, signal),
    // A CMS before 3.0 has no /dialInSecurityProfiles (404): no profile, no minimum.
    listAllDialInSecurityProfiles({}, signal).catch((error: unknown) => {
      if (isCmsError(error) && error.status === 404) return { items: [] };
      throw error;
    }),
  ]);
  const tenants: CurrentState['tenants'] = {};
  for (const tenant of tenantList.items) if (tenant.id) tenants[tenant.id.toLowerCase()] = { ...tenant, id: tenant.id.toLowerCase() };
  return {
    current: { sameUriSpaces: [], callLegProfiles, callProfiles, tenants, systemProfiles, reach: { system: { spaces: allSpaces.total } }, missing: [] },
    pinRules: dialIn.items.flatMap((p) => (p.id ? [{ ...p, id: p.id }] : [])),
  };
}

/** The wizard's view of one space of the batch: the shared reads plus the space's own. */
export function currentStateOf(shared: SharedState, space: SpaceSnapshot): CurrentState {
  return { ...shared.current, space };
}
