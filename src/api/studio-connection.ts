import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';

export const studioConnectionSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('mock') }),
  z.object({
    mode: z.literal('cms'),
    target: z.url(),
    user: z.string().min(1).optional(),
    insecureTls: z.boolean().optional(),
  }),
]);

export type StudioConnection = z.infer<typeof studioConnectionSchema>;

export const studioConnectionPath = '/studio/connection';

export async function getStudioConnection(signal?: AbortSignal): Promise<StudioConnection> {
  const response = await fetch(studioConnectionPath, {
    headers: { Accept: 'application/json', 'X-Requested-By': 'cms-access-studio' },
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
