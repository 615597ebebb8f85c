import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { CoSpace } from '../../api/params/schemas';
import { spaceQueries } from '../../api/resources/spaces';
import { pageCap, pagesFor, READ_AHEAD_ROWS, rowIn, spacePageQuery, type SpacePage } from './space-list-query';

export interface SpaceRows {
  /** rows CMS says there are (the latest `total` received) */
  total: number;
  rowAt: (index: number) => CoSpace | undefined;
  /** rows received so far, in every page read for this filter */
  loaded: number;
  /** the table reports the rows in view; the pages covering them are read */
  onRangeChange: (start: number, end: number) => void;
  /** pages in view are being read */
  reading: boolean;
  isSuccess: boolean;
  isFetching: boolean;
  error: Error | null;
}

/**
 * The spaces list as pages read where the rows are in view: the first page tells the server's cap,
 * after which page k starts at k × cap, so End on 20,000 rows reads the last pages (several at
 * once, within the page limiter) instead of every page before them.
 */
export function useSpaceRows(filter: string): SpaceRows {
  const queryClient = useQueryClient();
  const first = useQuery(spacePageQuery(filter, 0));
  const [range, setRange] = useState({ start: 0, end: 0 });
  const onRangeChange = useCallback((start: number, end: number) => {
    setRange((old) => (old.start === start && old.end === end ? old : { start, end }));
  }, []);

  const cap = pageCap(first.data);
  const received = (offset: number) => queryClient.getQueryData(spacePageQuery(filter, offset).queryKey)?.items.length;
  const offsets = cap ? pagesFor({ start: range.start, end: range.end + READ_AHEAD_ROWS }, cap, first.data?.total ?? 0, received).filter((o) => o > 0) : [];
  const pages = useQueries({ queries: offsets.map((offset) => spacePageQuery(filter, offset)) });

  // A handful of pages at a time (the ones in view), so this is rebuilt on every render.
  const read: Array<{ offset: number; page: SpacePage; at: number }> = [];
  if (first.data) read.push({ offset: 0, page: first.data, at: first.dataUpdatedAt });
  pages.forEach((result, i) => {
    const offset = offsets[i];
    if (result.data && offset !== undefined) read.push({ offset, page: result.data, at: result.dataUpdatedAt });
  });
  read.sort((a, b) => a.offset - b.offset);

  const latest = read.reduce<(typeof read)[number] | undefined>((best, entry) => (!best || entry.at > best.at ? entry : best), undefined);
  const rowsRead = read.reduce((end, { offset, page }) => Math.max(end, offset + page.items.length), 0);
  const loaded = queryClient
    .getQueriesData<SpacePage>({ queryKey: [...spaceQueries.lists(), 'page', { filter }] })
    .reduce((sum, [, page]) => sum + (page?.items.length ?? 0), 0);

  return {
    // A space deleted while paging can make the total drop below a row already received.
    total: Math.max(latest?.page.total ?? 0, rowsRead),
    rowAt: (index) => rowIn(read, index),
    loaded,
    onRangeChange,
    reading: pages.some((p) => p.isFetching),
    isSuccess: first.isSuccess,
    isFetching: first.isFetching || pages.some((p) => p.isFetching),
    error: first.error ?? pages.find((p) => p.error)?.error ?? null,
  };
}
