import { queryOptions } from '@tanstack/react-query';
import type { CmsCollection } from '../transport/client';
import { cmsClient } from '../transport/cms-client';
import { fetchEveryPage, fetchPage, type EveryPage, type PageParams } from '../transport/collection';
import type { callProfileParams } from '../params/call-profile';
import { pathSegment } from '../transport/path-segment';
import { callProfileSchema, type CallProfile } from '../params/schemas';
import { toWire, type CreateForm, type WriteForm } from '../params/write-form';

export type CallProfileForm = WriteForm<typeof callProfileParams>;
export type NewCallProfileForm = CreateForm<typeof callProfileParams>;

export type CallProfileListParams = PageParams & { usageFilter?: 'referenced' | 'unreferenced' };

const profilePath = (id: string) => `callProfiles/${pathSegment(id)}`;
const profiles = { path: 'callProfiles', item: 'callProfile', schema: callProfileSchema };

export function listCallProfiles(params: CallProfileListParams = {}, signal?: AbortSignal): Promise<CmsCollection<CallProfile>> {
  return fetchPage(profiles, params, signal);
}

export function listAllCallProfiles(
  params: EveryPage<CallProfileListParams> = {},
  signal?: AbortSignal,
): Promise<CmsCollection<CallProfile>> {
  return fetchEveryPage(profiles, params, signal);
}

export function getCallProfile(id: string, signal?: AbortSignal): Promise<CallProfile> {
  return cmsClient().get(profilePath(id), callProfileSchema, undefined, signal);
}

/** Answers the new profile's id. */
export function createCallProfile(form: NewCallProfileForm, signal?: AbortSignal): Promise<string> {
  return cmsClient().create('callProfiles', toWire(form), signal);
}

/** Sends only the fields given: `undefined` leaves a setting as it is, `''` unsets it. */
export function updateCallProfile(id: string, form: CallProfileForm, signal?: AbortSignal): Promise<void> {
  return cmsClient().update(profilePath(id), toWire(form), signal);
}

export function deleteCallProfile(id: string, signal?: AbortSignal): Promise<void> {
  return cmsClient().remove(profilePath(id), signal);
}

// No connection target in the keys: switching to another CMS clears the whole ['cms'] cache.
const callProfileKeys = {
  all: () => ['cms', 'callProfiles'] as const,
  lists: () => [...callProfileKeys.all(), 'list'] as const,
  details: () => [...callProfileKeys.all(), 'detail'] as const,
  detail: (id: string) => [...callProfileKeys.details(), id] as const,
};

export const callProfileQueries = {
  all: callProfileKeys.all,
  lists: callProfileKeys.lists,
  listAll: (params: EveryPage<CallProfileListParams> = {}) =>
    queryOptions({
      queryKey: [...callProfileKeys.lists(), 'all', params] as const,
      queryFn: ({ signal }) => listAllCallProfiles(params, signal),
    }),
  details: callProfileKeys.details,
  detail: (id: string) =>
    queryOptions({
      queryKey: callProfileKeys.detail(id),
      queryFn: ({ signal }) => getCallProfile(id, signal),
    }),
};
