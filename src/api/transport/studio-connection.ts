import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { REQUESTED_BY, REQUESTED_BY_HEADER } from '../wire/requested-by';

/** How CMS credentials are supplied: held by the proxy, or typed into the sign-in form per session. */
const credentialsMode = z.enum(['server', 'form']);

const targetSchema = z.object({
  name: z.string().min(1),
  url: z.url(),
  credentials: credentialsMode,
  user: z.string().min(1).optional(),
  insecureTls: z.boolean().optional(),
});
export type StudioTarget = z.infer<typeof targetSchema>;

export const studioConnectionSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('mock'), credentials: credentialsMode.default('server') }),
  z.object({
    mode: z.literal('cms'),
    target: z.url(),
    user: z.string().min(1).optional(),
    credentials: credentialsMode.default('server'),
    insecureTls: z.boolean().optional(),
    targets: z.array(targetSchema).default([]),
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
