import { queryOptions } from '@tanstack/react-query';
import type { CmsCollection } from '../transport/client';
import { cmsClient } from '../transport/cms-client';
import { fetchEveryPage, fetchPage, type EveryPage, type PageParams } from '../transport/collection';
import { listAll } from '../transport/paging';
import type { accessMethodParams } from '../params/access-method';
import type { coSpaceParams } from '../params/co-space';
import type { coSpaceUserParams } from '../params/co-space-user';
import { pathSegment } from '../transport/path-segment';
import {
  accessMethodSchema,
  coSpaceSchema,
  coSpaceUserSchema,
  type AccessMethod,
  type CoSpace,
  type CoSpaceUser,
} from '../params/schemas';
import { toWire, type CreateForm, type WriteForm } from '../params/write-form';

export type SpaceForm = WriteForm<typeof coSpaceParams>;
export type NewSpaceForm = CreateForm<typeof coSpaceParams>;
export type AccessMethodForm = WriteForm<typeof accessMethodParams>;
export type NewAccessMethodForm = CreateForm<typeof accessMethodParams>;
export type SpaceMemberForm = WriteForm<typeof coSpaceUserParams>;
export type NewSpaceMemberForm = CreateForm<typeof coSpaceUserParams>;

export type SpaceListParams = PageParams & {
  /** case-insensitive substring of name, uri, secondaryUri or callId */
  filter?: string;
  tenantFilter?: string;
  callLegProfileFilter?: string;
};

/** Access methods and members of one space. */
export type SpaceChildListParams = PageParams & { filter?: string; callLegProfileFilter?: string };

const spacePath = (id: string) => `coSpaces/${pathSegment(id)}`;
const spaces = { path: 'coSpaces', item: 'coSpace', schema: coSpaceSchema };
const accessMethods = (spaceId: string) => ({ path: `${spacePath(spaceId)}/accessMethods`, item: 'accessMethod', schema: accessMethodSchema });
const members = (spaceId: string) => ({ path: `${spacePath(spaceId)}/coSpaceUsers`, item: 'coSpaceUser', schema: coSpaceUserSchema });

// --- coSpaces ---

/** One page; list entries carry only the list fields (name, uri, secondaryUri, callId, tenant, callLegProfile…). */
export function listSpaces(params: SpaceListParams = {}, signal?: AbortSignal): Promise<CmsCollection<CoSpace>> {
  return fetchPage(spaces, params, signal);
}

export function listAllSpaces(params: EveryPage<SpaceListParams> = {}, signal?: AbortSignal): Promise<CmsCollection<CoSpace>> {
  return fetchEveryPage(spaces, params, signal);
}

export function getSpace(id: string, signal?: AbortSignal): Promise<CoSpace> {
  return cmsClient().get(spacePath(id), coSpaceSchema, undefined, signal);
}

/** Answers the new space's id. */
export function createSpace(form: NewSpaceForm, signal?: AbortSignal): Promise<string> {
  return cmsClient().create('coSpaces', toWire(form), signal);
}

/** Sends only the fields given: `undefined` leaves a value as it is, `''` unsets it. */
export function updateSpace(id: string, form: SpaceForm, signal?: AbortSignal): Promise<void> {
  return cmsClient().update(spacePath(id), toWire(form), signal);
}

/** CMS also removes the space's access methods and members and ends its calls. */
export function deleteSpace(id: string, signal?: AbortSignal): Promise<void> {
  return cmsClient().remove(spacePath(id), signal);
}

/**
 * The spaces whose uri or secondaryUri is exactly `uri` (a URI user part, any case). CMS offers
 * only a substring `filter`, so this filters, then matches exactly across every page.
 */
export async function findSpacesByUri(uri: string, signal?: AbortSignal): Promise<CoSpace[]> {
  const wanted = uri.trim().toLowerCase();
  if (wanted === '') return [];
  const found: CoSpace[] = [];
  const pages = listAll(cmsClient(), spaces.path, { item: spaces.item, schema: spaces.schema, query: { filter: wanted }, signal });
  for await (const page of pages) {
    found.push(...page.items.filter((space) => [space.uri, space.secondaryUri].some((u) => u?.toLowerCase() === wanted)));
  }
  return found;
}

/** Pages of a filtered list read at once, after the first told the total. */
const FILTER_CONCURRENCY = 4;

/**
 * The spaces whose own call ID is exactly `callId`. CMS's `filter` is a substring match (888 also
 * matches 100000888), so this filters, then matches exactly across every page. An access method's
 * call ID is not in the list: CMS offers no query that names the space behind one.
 */
export async function findSpacesByCallId(callId: string, signal?: AbortSignal): Promise<CoSpace[]> {
  const wanted = callId.trim();
  if (wanted === '') return [];
  const found: CoSpace[] = [];
  const pages = listAll(cmsClient(), spaces.path, { item: spaces.item, schema: spaces.schema, query: { filter: wanted }, concurrency: FILTER_CONCURRENCY, signal });
  for await (const page of pages) found.push(...page.items.filter((space) => space.callId === wanted));
  return found;
}

// --- accessMethods ---

export function listAccessMethods(
  spaceId: string,
  params: SpaceChildListParams = {},
  signal?: AbortSignal,
): Promise<CmsCollection<AccessMethod>> {
  return fetchPage(accessMethods(spaceId), params, signal);
}

export function listAllAccessMethods(
  spaceId: string,
  params: EveryPage<SpaceChildListParams> = {},
  signal?: AbortSignal,
): Promise<CmsCollection<AccessMethod>> {
  return fetchEveryPage(accessMethods(spaceId), params, signal);
}

export function getAccessMethod(spaceId: string, id: string, signal?: AbortSignal): Promise<AccessMethod> {
  return cmsClient().get(`${accessMethods(spaceId).path}/${pathSegment(id)}`, accessMethodSchema, undefined, signal);
}

/** Answers the new access method's id. */
export function createAccessMethod(spaceId: string, form: NewAccessMethodForm, signal?: AbortSignal): Promise<string> {
  return cmsClient().create(accessMethods(spaceId).path, toWire(form), signal);
}

export function updateAccessMethod(spaceId: string, id: string, form: AccessMethodForm, signal?: AbortSignal): Promise<void> {
  return cmsClient().update(`${accessMethods(spaceId).path}/${pathSegment(id)}`, toWire(form), signal);
}

export function deleteAccessMethod(spaceId: string, id: string, signal?: AbortSignal): Promise<void> {
  return cmsClient().remove(`${accessMethods(spaceId).path}/${pathSegment(id)}`, signal);
}

// --- coSpaceUsers (members) ---

export function listSpaceMembers(
  spaceId: string,
  params: SpaceChildListParams = {},
  signal?: AbortSignal,
): Promise<CmsCollection<CoSpaceUser>> {
  return fetchPage(members(spaceId), params, signal);
}

export function listAllSpaceMembers(
  spaceId: string,
  params: EveryPage<SpaceChildListParams> = {},
  signal?: AbortSignal,
): Promise<CmsCollection<CoSpaceUser>> {
  return fetchEveryPage(members(spaceId), params, signal);
}

export function getSpaceMember(spaceId: string, id: string, signal?: AbortSignal): Promise<CoSpaceUser> {
  return cmsClient().get(`${members(spaceId).path}/${pathSegment(id)}`, coSpaceUserSchema, undefined, signal);
}

/** Adds a user (by `userJid`) as a member; answers the new coSpaceUser's id. */
export function createSpaceMember(spaceId: string, form: NewSpaceMemberForm, signal?: AbortSignal): Promise<string> {
  return cmsClient().create(members(spaceId).path, toWire(form), signal);
}

export function updateSpaceMember(spaceId: string, id: string, form: SpaceMemberForm, signal?: AbortSignal): Promise<void> {
  return cmsClient().update(`${members(spaceId).path}/${pathSegment(id)}`, toWire(form), signal);
}

export function deleteSpaceMember(spaceId: string, id: string, signal?: AbortSignal): Promise<void> {
  return cmsClient().remove(`${members(spaceId).path}/${pathSegment(id)}`, signal);
}

// --- query options ---

// No connection target in the keys: switching to another CMS clears the whole ['cms'] cache.
const spaceKeys = {
  all: () => ['cms', 'spaces'] as const,
  lists: () => [...spaceKeys.all(), 'list'] as const,
  details: () => [...spaceKeys.all(), 'detail'] as const,
  detail: (id: string) => [...spaceKeys.details(), id] as const,
};

/**
 * After a write, invalidate by prefix: a space's create/delete → `lists()`; its update →
 * `lists()` and `detail(id).queryKey` (which covers its access methods and members); an access
 * method or member write → `detail(spaceId).queryKey` (numAccessMethods changes too).
 */
export const spaceQueries = {
  all: spaceKeys.all,
  lists: spaceKeys.lists,
  /** One page, with the total. */
  list: (params: SpaceListParams = {}) =>
    queryOptions({
      queryKey: [...spaceKeys.lists(), params] as const,
      queryFn: ({ signal }) => listSpaces(params, signal),
    }),
  byUri: (uri: string) =>
    queryOptions({
      queryKey: [...spaceKeys.lists(), 'byUri', uri.trim().toLowerCase()] as const,
      queryFn: ({ signal }) => findSpacesByUri(uri, signal),
    }),
  details: spaceKeys.details,
  detail: (id: string) =>
    queryOptions({
      queryKey: spaceKeys.detail(id),
      queryFn: ({ signal }) => getSpace(id, signal),
    }),
  /** Every access method of the space. */
  accessMethods: (spaceId: string) =>
    queryOptions({
      queryKey: [...spaceKeys.detail(spaceId), 'accessMethods'] as const,
      queryFn: ({ signal }) => listAllAccessMethods(spaceId, {}, signal),
    }),
  /** Every member (coSpaceUser) of the space. */
  members: (spaceId: string) =>
    queryOptions({
      queryKey: [...spaceKeys.detail(spaceId), 'members'] as const,
      queryFn: ({ signal }) => listAllSpaceMembers(spaceId, {}, signal),
    }),
};
