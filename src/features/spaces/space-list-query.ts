import { queryOptions } from '@tanstack/react-query';
import type { CoSpace } from '../../api/params/schemas';
import { listSpaces, spaceQueries } from '../../api/resources/spaces';
import type { CmsCollection } from '../../api/transport/client';
import { CmsError } from '../../api/transport/errors';
import { createLimiter } from '../../lib/limit';

/** What we ask for; CMS caps a page below it (10 or 20), so it never decides where a page starts. */
export const PAGE_WISH = 20;

/** Pages of the list read at once (the pager's parallel reads elsewhere use the same order of magnitude). */
export const PAGE_CONCURRENCY = 6;

/** Rows read ahead of the last one in view, so scrolling on finds them there. */
export const READ_AHEAD_ROWS = 10;

export type SpacePage = CmsCollection<CoSpace>;

// One limiter for every page of every filter: a far jump queues behind nothing but pages in view.
const pages = createLimiter(PAGE_CONCURRENCY);

/**
 * One page of the list starting at `offset`. A page no longer in view when its turn comes is not
 * sent (TanStack aborts its signal once nobody observes it).
 */
export const spacePageQuery = (filter: string, offset: number) =>
  queryOptions({
    queryKey: [...spaceQueries.lists(), 'page', { filter, offset }] as const,
    queryFn: ({ signal }) =>
      pages.run(() => {
        if (signal.aborted) return Promise.reject(new CmsError({ kind: 'aborted', method: 'GET', path: '/api/v1/coSpaces' }));
        return listSpaces({ ...(filter ? { filter } : {}), offset, limit: PAGE_WISH }, signal);
      }),
    // Writes invalidate the lists; scrolling back within minutes shows what was read.
    staleTime: 5 * 60_000,
  });

/**
 * How many rows CMS serves per page, as the first page tells it: a first page shorter than the
 * total is the server's cap. Undefined until the first page is in, or when it holds everything.
 */
export function pageCap(first: SpacePage | undefined): number | undefined {
  if (!first || first.items.length === 0 || first.items.length >= first.total) return undefined;
  return first.items.length;
}

/**
 * The page offsets whose rows cover [start, end]: page k starts at k × cap, so a far jump reads only
 * the pages in view. A page that came back short of the cap before the end (the list moved) leaves
 * a gap, read once more from where its rows ended. `received(offset)` is how many rows the page at
 * that offset holds, undefined while unread.
 */
export function pagesFor(
  range: { start: number; end: number },
  cap: number,
  total: number,
  received: (offset: number) => number | undefined,
): number[] {
  const out = new Set<number>();
  const last = Math.min(range.end, total - 1);
  for (let block = Math.floor(Math.max(0, range.start) / cap) * cap; block <= last; block += cap) {
    out.add(block);
    const count = received(block);
    if (count !== undefined && count > 0 && count < cap && block + count <= last) out.add(block + count);
  }
  return [...out];
}

/** The row at `index` among pages read at their offsets; undefined if not read yet. */
export function rowIn(read: ReadonlyArray<{ offset: number; page: SpacePage }>, index: number): CoSpace | undefined {
  for (const { offset, page } of read) {
    if (index >= offset && index < offset + page.items.length) return page.items[index - offset];
  }
  return undefined;
}
