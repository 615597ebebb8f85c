import type { z } from 'zod';
import { apiPath, type CmsClient, type CmsCollection, type WireParams } from './client';
import { CmsError } from './errors';

export interface ListAllOptions<S extends z.ZodType> {
  item: string;
  schema: S;
  /** `filter` and the like; `offset` is the pager's own. */
  query?: WireParams;
  /** Pages fetched at once once the first page told the total; 1 = strictly one after the other. */
  concurrency?: number;
  /** The `limit` to ask for. CMS serves fewer (10 or 20), so it is a wish, never a page size. */
  pageSize?: number;
  signal?: AbortSignal;
}

export interface CmsPage<T> {
  offset: number;
  /** Items not already yielded by an earlier page. */
  items: T[];
  /** The total CMS reported with this page. */
  total: number;
}

type Pager = Pick<CmsClient, 'getCollection'>;

function idOf(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null || !('id' in item)) return undefined;
  return typeof item.id === 'string' ? item.id : undefined;
}

/**
 * Walks a CMS collection page by page. The first page is always yielded (so an empty collection
 * still reports its total); later pages are yielded when CMS returned items for them. The next
 * offset is always the offset plus what was received, because CMS caps pages below `limit`.
 */
export async function* listAll<S extends z.ZodType>(
  client: Pager,
  path: string,
  options: ListAllOptions<S>,
): AsyncGenerator<CmsPage<z.output<S>>, void, undefined> {
  type T = z.output<S>;
  const { item, schema, query, pageSize, signal } = options;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const limit = pageSize ?? query?.limit;

  // Objects shift between pages when the collection changes under us; never hand one out twice.
  const seen = new Set<string>();
  const fresh = (items: T[]): T[] =>
    items.filter((entry) => {
      const id = idOf(entry);
      if (id === undefined) return true;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });

  const own = new AbortController();
  const onCallerAbort = () => own.abort(signal?.reason);
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  const checkAborted = () => {
    if (signal?.aborted || own.signal.aborted) throw new CmsError({ kind: 'aborted', method: 'GET', path: apiPath(path) });
  };
  const fetchPage = (offset: number, pageSignal: AbortSignal): Promise<CmsCollection<T>> =>
    client.getCollection(path, { item, schema, query: { ...query, offset, limit }, signal: pageSignal });

  try {
    checkAborted();
    const first = await fetchPage(0, own.signal);
    let total = first.total;
    yield { offset: 0, items: fresh(first.items), total };
    if (first.items.length === 0) return;
    const served = first.items.length;
    let offset = served;

    if (concurrency > 1 && offset < total) {
      // Planned from the first answer; a short page later means the list moved, and the rest
      // is re-read one page at a time from where the data really ended.
      const plannedTotal = total;
      const planned: number[] = [];
      for (let at = offset; at < plannedTotal; at += served) planned.push(at);
      const parallel = new AbortController();
      const stopParallel = () => parallel.abort();
      own.signal.addEventListener('abort', stopParallel, { once: true });
      const queue: Array<{ offset: number; page: Promise<CmsCollection<T>> }> = [];
      let next = 0;
      const launch = () => {
        while (queue.length < concurrency && next < planned.length) {
          const at = planned[next++] as number;
          const page = fetchPage(at, parallel.signal);
          // Pages still queued when we stop are aborted; their rejections are expected.
          page.catch(() => undefined);
          queue.push({ offset: at, page });
        }
      };
      try {
        launch();
        for (let head = queue.shift(); head !== undefined; head = queue.shift()) {
          const page = await head.page;
          total = page.total;
          const received = page.items.length;
          if (received === 0) return;
          yield { offset: head.offset, items: fresh(page.items), total };
          checkAborted();
          offset = head.offset + received;
          if (received < Math.min(served, plannedTotal - head.offset)) break;
          launch();
        }
      } finally {
        parallel.abort();
        own.signal.removeEventListener('abort', stopParallel);
      }
    }

    while (offset < total) {
      checkAborted();
      const page = await fetchPage(offset, own.signal);
      total = page.total;
      if (page.items.length === 0) return;
      yield { offset, items: fresh(page.items), total };
      offset += page.items.length;
    }
  } finally {
    // Also runs when the consumer stops early (`break`): nothing is left fetching for nobody.
    own.abort();
    signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** Every item of a collection, de-duplicated by id, with the last total CMS reported. */
export async function collectAll<S extends z.ZodType>(
  client: Pager,
  path: string,
  options: ListAllOptions<S>,
): Promise<CmsCollection<z.output<S>>> {
  const items: Array<z.output<S>> = [];
  let total = 0;
  for await (const page of listAll(client, path, options)) {
    items.push(...page.items);
    total = page.total;
  }
  return { total, items };
}
