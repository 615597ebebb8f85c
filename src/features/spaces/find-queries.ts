import { queryOptions } from '@tanstack/react-query';
import { findUserByJid } from '../../api/resources/users';
import type { DialledSearch } from './dialled-input';
import { findDialled, type FindSources } from './find-dialled';

// Under ['cms', …]: switching to another CMS clears these with the rest.
export const findQueries = {
  all: () => ['cms', 'find'] as const,
  /** The spaces CMS names for a dialled URI or call ID, each evaluated; `sources` read through the page's cache. */
  dialled: (search: DialledSearch, sources: FindSources) =>
    queryOptions({
      queryKey: [...findQueries.all(), 'dialled', { uri: search.uri ?? null, callId: search.callId ?? null }] as const,
      queryFn: ({ signal }) => findDialled(search, sources, signal),
    }),
  /** The CMS user with exactly this JID, or null. */
  user: (jid: string) =>
    queryOptions({
      queryKey: [...findQueries.all(), 'user', jid.toLowerCase()] as const,
      queryFn: async ({ signal }) => (await findUserByJid(jid, signal)) ?? null,
    }),
};
