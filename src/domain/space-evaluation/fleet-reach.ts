import type { z } from 'zod';
import { getCallLegProfile, getCallLegProfileUsage, listCallLegProfiles } from '../../api/resources/call-leg-profiles';
import { getCallProfile, listCallProfiles } from '../../api/resources/call-profiles';
import { getSpace, listAccessMethods, listSpaceMembers, listSpaces } from '../../api/resources/spaces';
import { getSystemProfiles } from '../../api/resources/system';
import { getTenant, listTenants } from '../../api/resources/tenants';
import {
  accessMethodSchema,
  callLegProfileSchema,
  callProfileSchema,
  coSpaceSchema,
  coSpaceUserSchema,
  tenantSchema,
  type AccessMethod,
  type CallLegProfile,
  type CallProfile,
  type CoSpace,
  type CoSpaceUser,
  type SystemProfiles,
  type Tenant,
} from '../../api/params/schemas';
import type { CmsCollection } from '../../api/transport/client';
import type { PageParams } from '../../api/transport/collection';
import { isNotFound } from '../../api/transport/errors';
import { collectAll } from '../../api/transport/paging';
import { mapLimited } from '../../lib/limit';
import { pagerOver } from '../profile-resolution/load-space-model';
import type { SpaceModel } from '../profile-resolution/model';
import { callLegSettingsOf, callProfileSettingsOf } from '../profile-resolution/resolve';
import { isBehaviour, reaches, reachOnSpace, type ProfileChange, type SpaceReach } from './reach';

export interface FleetReachOptions {
  /** requests in flight at once while spaces are read one by one */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, of: number) => void;
}

export interface ParamReach {
  param: string;
  spaces: number;
  paths: number;
}

export interface RoleChange {
  spaceId: string;
  spaceName: string;
  key: string;
  label: string;
  from: 'host' | 'guest';
  to: 'host' | 'guest';
}

/** What a global or tenant profile change does before it is written, counted with the one resolver. */
export interface FleetReach {
  /** the spaces the change could touch: all of them for a global change, the tenant's for a tenant change */
  scopeSpaces: number;
  /** the spaces where some value in force changes, with the ways in and parameters it changes */
  spaces: SpaceReach[];
  pathsChanged: number;
  params: ParamReach[];
  roleChanges: RoleChange[];
  /** spaces read one by one: those where the tenant's and the space's own profiles do not set every changed parameter */
  spacesRead: number;
  requests: number;
}

type Id<T> = T & { id: string };
const withId = <T extends { id?: string }>(items: T[]): Array<Id<T>> => items.filter((item): item is Id<T> => typeof item.id === 'string' && item.id !== '');
const lower = (id: string | undefined) => (id ? id.toLowerCase() : undefined);

interface Counter {
  requests: number;
}

/** Runs a read and counts it; a profile CMS answers 404 for comes back undefined. */
async function counted<T>(counter: Counter, read: () => Promise<T>): Promise<T> {
  counter.requests++;
  return read();
}

/** Every page of a collection through its request module, each page counted as the request it is. */
function everyPage<S extends z.ZodType>(
  counter: Counter,
  path: string,
  item: string,
  schema: S,
  readPage: (params: PageParams, signal: AbortSignal | undefined) => Promise<CmsCollection<z.output<S>>>,
  signal?: AbortSignal,
): Promise<CmsCollection<z.output<S>>> {
  const pager = pagerOver((params, wanted) => {
    counter.requests++;
    return readPage(params, wanted);
  });
  return collectAll(pager, path, { item, schema, concurrency: 4, signal });
}

async function orMissing<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

interface Fleet {
  system: SystemProfiles;
  tenants: Map<string, Id<Tenant>>;
  spaces: Array<Id<CoSpace>>;
  profiles: Map<string, CallLegProfile | CallProfile>;
  missing: Set<string>;
}

async function readFleet(change: ProfileChange, counter: Counter, signal?: AbortSignal): Promise<Fleet> {
  const read = <T>(fn: () => Promise<T>) => counted(counter, fn);
  const onTenant = change.level.scope === 'tenant' ? change.level.tenantId : undefined;
  const [system, tenantList, spaceList, profileList] = await Promise.all([
    read(() => getSystemProfiles(signal)),
    everyPage(counter, 'tenants', 'tenant', tenantSchema, (p, s) => listTenants(p, s), signal),
    everyPage(counter, 'coSpaces', 'coSpace', coSpaceSchema, (p, s) => listSpaces({ ...p, ...(onTenant ? { tenantFilter: onTenant } : {}) }, s), signal),
    change.kind === 'callLegProfile'
      ? everyPage(counter, 'callLegProfiles', 'callLegProfile', callLegProfileSchema, (p, s) => listCallLegProfiles(p, s), signal)
      : everyPage(counter, 'callProfiles', 'callProfile', callProfileSchema, (p, s) => listCallProfiles(p, s), signal),
  ]);
  // Each object by its own GET: a list entry need not carry the profile references or settings.
  const tenants = await mapLimited(withId(tenantList.items), 6, async (t) => ({ ...t, ...(await read(() => getTenant(t.id, signal))), id: t.id }));
  const profiles = new Map<string, CallLegProfile | CallProfile>();
  const missing = new Set<string>();
  const wanted = new Set([...withId(profileList.items).map((p) => p.id.toLowerCase())]);
  for (const id of [change.to, system[change.kind], ...tenants.map((t) => t[change.kind])]) if (id) wanted.add(id.toLowerCase());
  await mapLimited([...wanted], 6, async (id) => {
    const profile = await read(() => orMissing(change.kind === 'callLegProfile' ? getCallLegProfile(id, signal) : getCallProfile(id, signal)));
    if (profile) profiles.set(id, profile);
    else missing.add(id);
  });
  return { system, tenants: new Map(tenants.map((t) => [t.id.toLowerCase(), t])), spaces: withId(spaceList.items), profiles, missing };
}

/** Where each callLegProfile is attached below the tenants, from `/callLegProfiles/<id>/usage`. */
interface Attachments {
  space: Map<string, string>;
  accessMethod: Map<string, string>;
  member: Map<string, string>;
}

async function readAttachments(fleet: Fleet, counter: Counter, signal?: AbortSignal): Promise<Attachments> {
  const out: Attachments = { space: new Map(), accessMethod: new Map(), member: new Map() };
  await mapLimited([...fleet.profiles.keys()], 6, async (id) => {
    const usage = await counted(counter, () => getCallLegProfileUsage(id, signal));
    for (const use of usage.uses) {
      if (!use.id) continue;
      if (use.scope === 'coSpace') out.space.set(use.id.toLowerCase(), id);
      if (use.scope === 'accessMethod') out.accessMethod.set(use.id.toLowerCase(), id);
      if (use.scope === 'coSpaceUser') out.member.set(use.id.toLowerCase(), id);
    }
  });
  return out;
}

/** The parameters the changed level sets differently before and after: only these can change anywhere. */
function changedParams(change: ProfileChange, fleet: Fleet): string[] {
  const level = change.level;
  const before = level.scope === 'global' ? fleet.system[change.kind] : fleet.tenants.get(level.tenantId.toLowerCase())?.[change.kind];
  const settings = (profile: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> =>
    change.kind === 'callLegProfile' ? callLegSettingsOf(profile) : callProfileSettingsOf(profile);
  const was = settings(before ? fleet.profiles.get(before.toLowerCase()) : undefined);
  const will = settings(change.to === '' ? undefined : change.profile);
  return [...new Set([...Object.keys(was), ...Object.keys(will)])].filter((param) => isBehaviour(param) && was[param] !== will[param]);
}

function baseModel(fleet: Fleet, space: Id<CoSpace>): SpaceModel {
  const callLegProfiles = new Map<string, CallLegProfile>();
  const callProfiles = new Map<string, CallProfile>();
  for (const [id, profile] of fleet.profiles) {
    callLegProfiles.set(id, profile as CallLegProfile);
    callProfiles.set(id, profile as CallProfile);
  }
  const tenant = space.tenant ? fleet.tenants.get(space.tenant.toLowerCase()) : undefined;
  return {
    space,
    accessMethods: [],
    members: [],
    ...(tenant ? { tenant } : {}),
    systemProfiles: fleet.system,
    callLegProfiles,
    callProfiles,
    missingProfiles: fleet.missing,
  };
}

/** Whether the tenant's and the space's own profiles set every parameter that changes: then no way in can change. */
function shielded(model: SpaceModel, change: ProfileChange, params: readonly string[]): boolean {
  const set = new Set<string>();
  const add = (id: string | undefined) => {
    const profile = id ? (change.kind === 'callLegProfile' ? model.callLegProfiles : model.callProfiles).get(id.toLowerCase()) : undefined;
    const settings = change.kind === 'callLegProfile' ? callLegSettingsOf(profile) : callProfileSettingsOf(profile);
    for (const param of Object.keys(settings)) set.add(param);
  };
  if (change.level.scope === 'global') add(model.tenant?.[change.kind]);
  add(model.space[change.kind]);
  return params.every((param) => set.has(param));
}

async function readWaysIn(model: SpaceModel, attachments: Attachments, counter: Counter, signal?: AbortSignal): Promise<SpaceModel> {
  const id = model.space.id;
  const [methods, members] = await Promise.all([
    everyPage(counter, `coSpaces/${id}/accessMethods`, 'accessMethod', accessMethodSchema, (p, s) => listAccessMethods(id, p, s), signal),
    everyPage(counter, `coSpaces/${id}/coSpaceUsers`, 'coSpaceUser', coSpaceUserSchema, (p, s) => listSpaceMembers(id, p, s), signal),
  ]);
  const attach = <T extends { id?: string; callLegProfile?: string }>(items: T[], from: Map<string, string>) =>
    withId(items).map((item) => {
      const profile = from.get(item.id.toLowerCase()) ?? lower(item.callLegProfile);
      return profile ? { ...item, callLegProfile: profile } : item;
    });
  return { ...model, accessMethods: attach<AccessMethod>(methods.items, attachments.accessMethod), members: attach<CoSpaceUser>(members.items, attachments.member) };
}

export function summarizeReach(reached: readonly SpaceReach[]): Pick<FleetReach, 'pathsChanged' | 'params' | 'roleChanges'> {
  const params = new Map<string, ParamReach>();
  const roleChanges: RoleChange[] = [];
  let pathsChanged = 0;
  for (const space of reached) {
    pathsChanged += space.paths.length;
    const inSpace = new Set<string>([...space.callParams, ...space.paths.flatMap((p) => p.params)]);
    for (const param of inSpace) {
      const entry = params.get(param) ?? { param, spaces: 0, paths: 0 };
      entry.spaces++;
      entry.paths += space.paths.filter((p) => (p.params as string[]).includes(param)).length;
      params.set(param, entry);
    }
    for (const p of space.paths) if (p.role) roleChanges.push({ spaceId: space.spaceId, spaceName: space.spaceName, key: p.key, label: p.label, ...p.role });
  }
  return { pathsChanged, params: [...params.values()].sort((a, b) => b.spaces - a.spaces || a.param.localeCompare(b.param)), roleChanges };
}

/**
 * The reach of a global or tenant profile change, before it is written: every space in scope is
 * resolved before and after with the one resolver. A space whose tenant and own profiles set every
 * changed parameter cannot change and is not read further; the others are read with their access
 * methods and members. Which profile each object uses comes from each profile's usage; callProfiles,
 * which have none, are read from each space.
 */
export async function fleetReach(asked: ProfileChange, { concurrency = 6, signal, onProgress }: FleetReachOptions = {}): Promise<FleetReach> {
  const counter: Counter = { requests: 0 };
  const fleet = await readFleet(asked, counter, signal);
  // The profile the change points at, as CMS holds it (read with the others), unless the caller gave it.
  const target = asked.to === '' ? undefined : (asked.profile ?? fleet.profiles.get(asked.to.toLowerCase()));
  const change: ProfileChange = target ? { ...asked, profile: target } : asked;
  const params = changedParams(change, fleet);
  const attachments = change.kind === 'callLegProfile' ? await readAttachments(fleet, counter, signal) : undefined;
  const models = fleet.spaces.map((space) => {
    const model = baseModel(fleet, space);
    const own = attachments?.space.get(space.id.toLowerCase());
    return own ? { ...model, space: { ...space, callLegProfile: own } } : model;
  });
  const toRead = params.length === 0 ? [] : models.filter((m) => !shielded(m, change, params));
  let done = 0;
  onProgress?.(0, toRead.length);
  const read = await mapLimited(toRead, concurrency, async (model) => {
    let full: SpaceModel;
    if (attachments) full = await readWaysIn(model, attachments, counter, signal);
    else {
      // Space lists leave callProfile out, and callProfiles have no usage: the space's own GET says.
      const detail = await counted(counter, () => getSpace(model.space.id, signal));
      full = { ...model, space: { ...model.space, ...detail, id: model.space.id } };
    }
    onProgress?.(++done, toRead.length);
    return full;
  });
  const spaces = read.map((model) => reachOnSpace(model, change)).filter(reaches);
  return { scopeSpaces: fleet.spaces.length, spaces, ...summarizeReach(spaces), spacesRead: toRead.length, requests: counter.requests };
}
