import { infiniteQueryOptions, type InfiniteData } from '@tanstack/react-query';
import type { CmsCollection } from '../../api/transport/client';
import type { CoSpace } from '../../api/params/schemas';
import { listSpaces, spaceQueries } from '../../api/resources/spaces';

/** What we ask for; CMS caps a page below it (10 or 20), so it never decides the next offset. */
export const PAGE_WISH = 20;

export type SpacePage = CmsCollection<CoSpace>;

/** The offset after `page`, which started at `offset`: offset + what was received; undefined at the end. */
export function nextOffset(page: SpacePage, offset: number): number | undefined {
  if (page.items.length === 0) return undefined;
  const next = offset + page.items.length;
  return next >= page.total ? undefined : next;
}

export const spaceListQuery = (filter: string) =>
  infiniteQueryOptions({
    queryKey: [...spaceQueries.lists(), 'infinite', { filter }] as const,
    queryFn: ({ pageParam, signal }) => listSpaces({ ...(filter ? { filter } : {}), offset: pageParam, limit: PAGE_WISH }, signal),
    initialPageParam: 0,
    getNextPageParam: (last, _pages, lastOffset) => nextOffset(last, lastOffset),
  });

/** The rows received so far and the row count CMS announced (from the latest page's total). */
export function flattenPages(data: InfiniteData<SpacePage, unknown> | undefined): { rows: CoSpace[]; total: number } {
  if (!data) return { rows: [], total: 0 };
  const rows = data.pages.flatMap((page) => page.items);
  const last = data.pages[data.pages.length - 1];
  // A space deleted while scrolling can make total drop below what was already received.
  return { rows, total: Math.max(last?.total ?? 0, rows.length) };
}
