import { queryOptions, useQuery } from '@tanstack/react-query';
import { readCurrentState, type ReadCurrentInput } from '../domain/space-planning/read-current';

/**
 * What CMS holds now for a partly filled form: the steps show it ("now on CMS", how many spaces a
 * broader attachment reaches) before anything is written. Under ['cms'] so a switch of CMS clears it.
 */
export const currentStateQuery = (input: ReadCurrentInput) =>
  queryOptions({
    queryKey: ['cms', 'wizard', 'current', input] as const,
    queryFn: ({ signal }) => readCurrentState(input, signal),
    staleTime: 30_000,
  });

export function useCurrentState(input: ReadCurrentInput, enabled = true) {
  return useQuery({ ...currentStateQuery(input), enabled });
}
