import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { dialInSecurityProfileParams } from '../params/dial-in-security-profile';
import { readSchema } from '../params/schema';
import type { CmsCollection } from '../transport/client';
import { cmsClient } from '../transport/cms-client';
import { fetchEveryPage, type EveryPage, type PageParams } from '../transport/collection';
import { pathSegment } from '../transport/path-segment';

export const dialInSecurityProfileSchema = readSchema(dialInSecurityProfileParams);
export type DialInSecurityProfile = z.infer<typeof dialInSecurityProfileSchema>;

const profiles = { path: 'dialInSecurityProfiles', item: 'dialInSecurityProfile', schema: dialInSecurityProfileSchema };

/** `GET /dialInSecurityProfiles` (3.0 onwards), every page. */
export function listAllDialInSecurityProfiles(
  params: EveryPage<PageParams> = {},
  signal?: AbortSignal,
): Promise<CmsCollection<DialInSecurityProfile>> {
  return fetchEveryPage(profiles, params, signal);
}

export function getDialInSecurityProfile(id: string, signal?: AbortSignal): Promise<DialInSecurityProfile> {
  return cmsClient().get(`dialInSecurityProfiles/${pathSegment(id)}`, dialInSecurityProfileSchema, undefined, signal);
}

export const dialInSecurityQueries = {
  all: () => ['cms', 'dialInSecurityProfiles'] as const,
  listAll: () =>
    queryOptions({
      queryKey: [...dialInSecurityQueries.all(), 'list', 'all'] as const,
      queryFn: ({ signal }) => listAllDialInSecurityProfiles({}, signal),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...dialInSecurityQueries.all(), 'detail', id.toLowerCase()] as const,
      queryFn: ({ signal }) => getDialInSecurityProfile(id, signal),
    }),
};
