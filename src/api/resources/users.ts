import { queryOptions } from '@tanstack/react-query';
import type { CmsCollection } from '../transport/client';
import { cmsClient } from '../transport/cms-client';
import { fetchEveryPage, fetchPage, type EveryPage, type PageParams } from '../transport/collection';
import { pathSegment } from '../transport/path-segment';
import { userSchema, type User } from '../params/schemas';

export type UserListParams = PageParams & { filter?: string; tenantFilter?: string };

// Users come from LDAP sync; the API only reads them.
const users = { path: 'users', item: 'user', schema: userSchema };

export function listUsers(params: UserListParams = {}, signal?: AbortSignal): Promise<CmsCollection<User>> {
  return fetchPage(users, params, signal);
}

export function listAllUsers(params: EveryPage<UserListParams> = {}, signal?: AbortSignal): Promise<CmsCollection<User>> {
  return fetchEveryPage(users, params, signal);
}

export function getUser(id: string, signal?: AbortSignal): Promise<User> {
  return cmsClient().get(`users/${pathSegment(id)}`, userSchema, undefined, signal);
}

/**
 * The user whose JID is exactly `jid` (any case). CMS's `filter` is a substring match on the JID
 * (and, on some versions, name and e-mail), so this filters, then matches exactly.
 */
export async function findUserByJid(jid: string, signal?: AbortSignal): Promise<User | undefined> {
  const wanted = jid.trim().toLowerCase();
  if (wanted === '') return undefined;
  const { items } = await listAllUsers({ filter: wanted }, signal);
  return items.find((user) => user.userJid?.toLowerCase() === wanted);
}

// No connection target in the keys: switching to another CMS clears the whole ['cms'] cache.
const userKeys = {
  all: () => ['cms', 'users'] as const,
  lists: () => [...userKeys.all(), 'list'] as const,
  details: () => [...userKeys.all(), 'detail'] as const,
};

export const userQueries = {
  all: userKeys.all,
  lists: userKeys.lists,
  /** One page, with the total. */
  list: (params: UserListParams = {}) =>
    queryOptions({
      queryKey: [...userKeys.lists(), params] as const,
      queryFn: ({ signal }) => listUsers(params, signal),
    }),
  details: userKeys.details,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...userKeys.details(), id] as const,
      queryFn: ({ signal }) => getUser(id, signal),
    }),
};
