import { queryOptions } from '@tanstack/react-query';
// zod/mini: the shell reads this on first load, and the mini API keeps zod's share of that load small.
import { z } from 'zod/mini';
import { REQUESTED_BY, REQUESTED_BY_HEADER } from '../wire/requested-by';

/** How CMS credentials are supplied: held by the proxy, or typed into the sign-in form per session. */
const credentialsMode = z.enum(['server', 'form']);

const nonEmpty = z.string().check(z.minLength(1));

const targetSchema = z.object({
  name: nonEmpty,
  url: z.url(),
  credentials: credentialsMode,
  user: z.optional(nonEmpty),
  insecureTls: z.optional(z.boolean()),
});
export type StudioTarget = z.infer<typeof targetSchema>;

export const studioConnectionSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('mock'), credentials: z._default(credentialsMode, 'server') }),
  z.object({
    mode: z.literal('cms'),
    target: z.url(),
    user: z.optional(nonEmpty),
    credentials: z._default(credentialsMode, 'server'),
    insecureTls: z.optional(z.boolean()),
    targets: z._default(z.array(targetSchema), []),
  }),
]);

export type StudioConnection = z.infer<typeof studioConnectionSchema>;

export const studioConnectionPath = '/studio/connection';

export async function getStudioConnection(signal?: AbortSignal): Promise<StudioConnection> {
  const response = await fetch(studioConnectionPath, {
    headers: { Accept: 'application/json', [REQUESTED_BY_HEADER]: REQUESTED_BY },
    signal,
  });
  if (!response.ok) {
    throw new Error(`GET ${studioConnectionPath} answered ${response.status} ${response.statusText}`.trim());
  }
  const body: unknown = await response.json();
  const parsed = studioConnectionSchema.safeParse(body);
  if (!parsed.success) {
    throw new Error(`GET ${studioConnectionPath} answered an unexpected body: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export const studioConnectionQueries = {
  all: () => ['studio-connection'] as const,
  current: () =>
    queryOptions({
      queryKey: [...studioConnectionQueries.all(), 'current'] as const,
      queryFn: ({ signal }) => getStudioConnection(signal),
      // The connection is fixed when the server starts, so there is nothing to refetch.
      staleTime: Infinity,
      retry: 1,
    }),
};

/** The target requests go to: the one picked in this session, else the proxy's first. */
export function activeTarget(connection: StudioConnection, picked: string | undefined): StudioTarget | undefined {
  if (connection.mode !== 'cms') return undefined;
  const fallback: StudioTarget = {
    name: 'default',
    url: connection.target,
    credentials: connection.credentials,
    ...(connection.user ? { user: connection.user } : {}),
    ...(connection.insecureTls ? { insecureTls: true } : {}),
  };
  return connection.targets.find((t) => t.name === picked) ?? connection.targets[0] ?? fallback;
}
