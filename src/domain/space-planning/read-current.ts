import { getCallLegProfile, listAllCallLegProfiles } from '../../api/resources/call-leg-profiles';
import { getCallProfile, listAllCallProfiles } from '../../api/resources/call-profiles';
import { isNotFound } from '../../api/transport/errors';
import type { CallLegProfile, CallProfile, Tenant } from '../../api/params/schemas';
import { findSpacesByUri, getAccessMethod, getSpace, getSpaceMember, listAllAccessMethods, listAllSpaceMembers, listSpaces } from '../../api/resources/spaces';
import { getSystemProfiles } from '../../api/resources/system';
import { getTenant } from '../../api/resources/tenants';
import { mapLimited } from '../../lib/limit';
import { normalizeUri, type WizardInput } from './wizard-schema';
import type { CurrentState, SpaceSnapshot } from './types';
export type { CurrentState, SpaceSnapshot } from './types';

/** Requests in flight at once for the detail reads (CMS admins share the API with other tools). */
const CONCURRENCY = 4;
/** At most this many same-URI spaces are read in full (CMS allows one; more means a broken CMS). */
const SAME_URI_LIMIT = 3;

const hasId = <T extends { id?: string }>(item: T): item is T & { id: string } => typeof item.id === 'string' && item.id !== '';

async function orMissing<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/**
 * What `readCurrentState` reads from the form: works on a partly filled form too, so a step can
 * show "current vs new" before the whole wizard is valid. A full `WizardInput` fits.
 */
export interface ReadCurrentInput {
  scenario?: WizardInput['scenario'];
  profiles?: {
    guest?: { mode?: string; id?: string };
    host?: { mode?: string; id?: string };
    guestScope?: string;
    tenantId?: string;
  };
  space?: { mode?: string; id?: string; uri?: string };
  callProfile?: { mode?: string; id?: string };
}

/** One space with every access method and member read in full (list entries lack passcodes, profiles and permissions). */
export async function readSpaceSnapshot(spaceId: string, signal?: AbortSignal): Promise<SpaceSnapshot | undefined> {
  const space = await orMissing(getSpace(spaceId, signal));
  if (!space) return undefined;
  const [methods, members] = await Promise.all([listAllAccessMethods(spaceId, {}, signal), listAllSpaceMembers(spaceId, {}, signal)]);
  const [fullMethods, fullMembers] = await Promise.all([
    mapLimited(methods.items.filter(hasId), CONCURRENCY, (m) => orMissing(getAccessMethod(spaceId, m.id, signal))),
    mapLimited(members.items.filter(hasId), CONCURRENCY, (m) => orMissing(getSpaceMember(spaceId, m.id, signal))),
  ]);
  return {
    space: { ...space, id: (space.id ?? spaceId).toLowerCase() },
    accessMethods: fullMethods.filter((m) => m !== undefined).filter(hasId),
    members: fullMembers.filter((m) => m !== undefined).filter(hasId),
  };
}

/** A list entry that carries settings is used as it is; a bare one (id, name) is read in full. */
const isSparse = (entry: Record<string, unknown>) => Object.keys(entry).every((key) => key === 'id' || key === 'name');

export async function everyCallLegProfile(signal?: AbortSignal): Promise<Array<CallLegProfile & { id: string }>> {
  const list = await listAllCallLegProfiles({}, signal);
  const full = await mapLimited(list.items.filter(hasId), CONCURRENCY, async (entry) =>
    isSparse(entry) ? ((await orMissing(getCallLegProfile(entry.id, signal))) ?? entry) : entry,
  );
  return full.filter(hasId);
}

export async function everyCallProfile(signal?: AbortSignal): Promise<Array<CallProfile & { id: string }>> {
  const list = await listAllCallProfiles({}, signal);
  const full = await mapLimited(list.items.filter(hasId), CONCURRENCY, async (entry) =>
    isSparse(entry) ? ((await orMissing(getCallProfile(entry.id, signal))) ?? entry) : entry,
  );
  return full.filter(hasId);
}

const byId = <T extends { id: string }>(items: readonly T[], id: string | undefined) =>
  id === undefined || id === '' ? undefined : items.find((item) => item.id.toLowerCase() === id.toLowerCase());

/**
 * Reads what exists now, for "current vs new", the plan and the pre-flight: the existing space
 * (or same-URI spaces when creating), every callLegProfile (and callProfile for scenario 3), the
 * tenants involved, /system/profiles and how many spaces a tenant or system attachment reaches.
 */
export async function readCurrentState(input: ReadCurrentInput, signal?: AbortSignal): Promise<CurrentState> {
  const missing: string[] = [];
  const spaceInput = input.space ?? {};
  const profiles = input.profiles ?? {};
  const wantsCallProfiles = input.scenario === 'blank-guest-pin' || input.callProfile !== undefined;

  const spaceRead: Promise<SpaceSnapshot | undefined> =
    spaceInput.mode === 'existing' && spaceInput.id ? readSpaceSnapshot(spaceInput.id.toLowerCase(), signal) : Promise.resolve(undefined);
  const sameUriRead: Promise<SpaceSnapshot[]> = (async () => {
    if (spaceInput.mode !== 'create' || !spaceInput.uri) return [];
    const uri = normalizeUri(spaceInput.uri).uri.toLowerCase();
    if (uri === '') return [];
    const spaces = (await findSpacesByUri(uri, signal)).filter((s) => s.uri?.toLowerCase() === uri).filter(hasId).slice(0, SAME_URI_LIMIT);
    const snapshots = await mapLimited(spaces, CONCURRENCY, (s) => readSpaceSnapshot(s.id, signal));
    return snapshots.filter((s): s is SpaceSnapshot => s !== undefined);
  })();

  const [space, sameUriSpaces, callLegProfiles, callProfiles, systemProfiles, allSpaces] = await Promise.all([
    spaceRead,
    sameUriRead,
    everyCallLegProfile(signal),
    wantsCallProfiles ? everyCallProfile(signal) : Promise.resolve([]),
    getSystemProfiles(signal),
    listSpaces({ limit: 1 }, signal),
  ]);
  if (spaceInput.mode === 'existing' && spaceInput.id && !space) missing.push('space');

  const pick = async (choice: { mode?: string; id?: string } | undefined, key: string) => {
    if (choice?.mode !== 'existing' || !choice.id) return undefined;
    const found = byId(callLegProfiles, choice.id) ?? (await orMissing(getCallLegProfile(choice.id, signal)));
    if (!found) missing.push(key);
    return found ? { ...found, id: (found.id ?? choice.id).toLowerCase() } : undefined;
  };
  const guestProfile = await pick(profiles.guest, 'guestProfile');
  const hostProfile = await pick(profiles.host, 'hostProfile');

  let callProfile: (CallProfile & { id: string }) | undefined;
  if (input.callProfile?.mode === 'existing' && input.callProfile.id) {
    const id = input.callProfile.id;
    const found = byId(callProfiles, id) ?? (await orMissing(getCallProfile(id, signal)));
    if (found) callProfile = { ...found, id: (found.id ?? id).toLowerCase() };
    else missing.push('callProfile');
  }

  const tenants: Record<string, Tenant & { id: string }> = {};
  const tenantIds = new Set<string>();
  const chosenTenant = profiles.guestScope === 'tenant' && profiles.tenantId ? profiles.tenantId.toLowerCase() : undefined;
  if (chosenTenant) tenantIds.add(chosenTenant);
  for (const snapshot of [space, ...sameUriSpaces]) if (snapshot?.space.tenant) tenantIds.add(snapshot.space.tenant.toLowerCase());
  await Promise.all(
    [...tenantIds].map(async (id) => {
      const tenant = await orMissing(getTenant(id, signal));
      if (tenant) tenants[id] = { ...tenant, id };
      else if (id === chosenTenant) missing.push('tenant');
    }),
  );

  const reach: CurrentState['reach'] = { system: { spaces: allSpaces.total } };
  if (chosenTenant) reach.tenant = { tenantId: chosenTenant, spaces: (await listSpaces({ tenantFilter: chosenTenant, limit: 1 }, signal)).total };

  return {
    ...(space ? { space } : {}),
    sameUriSpaces,
    callLegProfiles,
    ...(guestProfile ? { guestProfile } : {}),
    ...(hostProfile ? { hostProfile } : {}),
    callProfiles,
    ...(callProfile ? { callProfile } : {}),
    tenants,
    systemProfiles,
    reach,
    missing,
  };
}
