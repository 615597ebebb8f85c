import { queryOptions } from '@tanstack/react-query';
import type { CmsCollection } from '../transport/client';
import { cmsClient } from '../transport/cms-client';
import { fetchEveryPage, fetchPage, type EveryPage, type PageParams } from '../transport/collection';
import type { callLegProfileParams } from '../params/call-leg-profile';
import { pathSegment } from '../transport/path-segment';
import {
  callLegProfileSchema,
  callLegProfileUsageSchema,
  type CallLegProfile,
  type CallLegProfileUsage,
} from '../params/schemas';
import { toWire, type CreateForm, type WriteForm } from '../params/write-form';

export type CallLegProfileForm = WriteForm<typeof callLegProfileParams>;
export type NewCallLegProfileForm = CreateForm<typeof callLegProfileParams>;

export type CallLegProfileListParams = PageParams & { usageFilter?: 'referenced' | 'unreferenced' };

const profilePath = (id: string) => `callLegProfiles/${pathSegment(id)}`;
const profiles = { path: 'callLegProfiles', item: 'callLegProfile', schema: callLegProfileSchema };

export function listCallLegProfiles(
  params: CallLegProfileListParams = {},
  signal?: AbortSignal,
): Promise<CmsCollection<CallLegProfile>> {
  return fetchPage(profiles, params, signal);
}

export function listAllCallLegProfiles(
  params: EveryPage<CallLegProfileListParams> = {},
  signal?: AbortSignal,
): Promise<CmsCollection<CallLegProfile>> {
  return fetchEveryPage(profiles, params, signal);
}

export function getCallLegProfile(id: string, signal?: AbortSignal): Promise<CallLegProfile> {
  return cmsClient().get(profilePath(id), callLegProfileSchema, undefined, signal);
}

/** Answers the new profile's id. */
export function createCallLegProfile(form: NewCallLegProfileForm, signal?: AbortSignal): Promise<string> {
  return cmsClient().create('callLegProfiles', toWire(form), signal);
}

/** Sends only the fields given: `undefined` leaves a setting as it is, `''` unsets it (the level above applies). */
export function updateCallLegProfile(id: string, form: CallLegProfileForm, signal?: AbortSignal): Promise<void> {
  return cmsClient().update(profilePath(id), toWire(form), signal);
}

export function deleteCallLegProfile(id: string, signal?: AbortSignal): Promise<void> {
  return cmsClient().remove(profilePath(id), signal);
}

/** Where the profile is attached: global, tenants, spaces, access methods, members. */
export function getCallLegProfileUsage(id: string, signal?: AbortSignal): Promise<CallLegProfileUsage> {
  return cmsClient().get(`${profilePath(id)}/usage`, callLegProfileUsageSchema, undefined, signal);
}

// No connection target in the keys: switching to another CMS clears the whole ['cms'] cache.
const callLegProfileKeys = {
  all: () => ['cms', 'callLegProfiles'] as const,
  lists: () => [...callLegProfileKeys.all(), 'list'] as const,
  details: () => [...callLegProfileKeys.all(), 'detail'] as const,
  detail: (id: string) => [...callLegProfileKeys.details(), id] as const,
};

/**
 * A profile's usage changes with writes elsewhere (a space, tenant or the global profiles naming
 * it): invalidate `all()` after those too.
 */
export const callLegProfileQueries = {
  all: callLegProfileKeys.all,
  lists: callLegProfileKeys.lists,
  /** Every profile: the pickers and the resolution matrix need them all. */
  listAll: (params: EveryPage<CallLegProfileListParams> = {}) =>
    queryOptions({
      queryKey: [...callLegProfileKeys.lists(), 'all', params] as const,
      queryFn: ({ signal }) => listAllCallLegProfiles(params, signal),
    }),
  details: callLegProfileKeys.details,
  detail: (id: string) =>
    queryOptions({
      queryKey: callLegProfileKeys.detail(id),
      queryFn: ({ signal }) => getCallLegProfile(id, signal),
    }),
  usage: (id: string) =>
    queryOptions({
      queryKey: [...callLegProfileKeys.detail(id), 'usage'] as const,
      queryFn: ({ signal }) => getCallLegProfileUsage(id, signal),
    }),
};
