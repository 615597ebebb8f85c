import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createCmsClient } from './client';
import { CmsError } from './errors';
import { collectAll, listAll, type CmsPage } from './paging';
import { buildXml } from '../wire/xml';

const BASE = 'http://cms.test';

type Space = { id: string; name: string };
const spaceSchema = z.object({ id: z.string(), name: z.string() });

/** The model's delays and the aborts below run on a fake clock: they go off when `advance` moves it. */
function fakeClock() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  return (ms: number) => vi.advanceTimersByTimeAsync(ms);
}
afterEach(() => vi.useRealTimers());

/** What `start` answers, with every timer it waits on (the model's delays) run on a fake clock. */
async function onClock<T>(start: () => Promise<T>): Promise<T> {
  fakeClock();
  const running = watch(start());
  await vi.runAllTimersAsync();
  const result = await running.done;
  if (!result.ok) throw result.error;
  return result.value;
}

/** Whether a promise has settled yet, without waiting for it. */
function watch<T>(promise: Promise<T>) {
  let settled = false;
  const done = promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  void done.then(() => {
    settled = true;
  });
  return { done, settled: () => settled };
}

const makeSpaces = (count: number, prefix = 's') =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${String(i).padStart(4, '0')}`, name: `Space ${prefix}${i}` }));

/** A CMS collection: serves `items` by offset/limit, capped like a real CMS, and counts what it is asked. */
class CollectionModel {
  items: Space[];
  cap = 10;
  delayMs = 0;
  /** A CMS that reports more than it has. */
  reportedTotal?: number;
  /** Serve fewer than the cap at some offsets. */
  shortPages = new Map<number, number>();
  /** Runs as request number n (1-based) is served, before the page is cut. */
  beforeServe?: (n: number, model: CollectionModel) => void;
  requests: Array<{ offset: number; limit: number | undefined }> = [];
  inFlight = 0;
  maxInFlight = 0;

  constructor(items: Space[]) {
    this.items = items;
  }

  handler() {
    return http.get(`${BASE}/api/v1/coSpaces`, async ({ request }) => {
      const params = new URL(request.url).searchParams;
      const offset = Number(params.get('offset') ?? '0');
      const limitText = params.get('limit');
      const limit = limitText === null ? undefined : Number(limitText);
      this.requests.push({ offset, limit });
      const n = this.requests.length;
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      try {
        if (this.delayMs > 0) await delay(this.delayMs);
        this.beforeServe?.(n, this);
        const count = Math.min(limit ?? this.cap, this.cap, this.shortPages.get(offset) ?? Infinity);
        const page = this.items.slice(offset, offset + count);
        const body = buildXml('coSpaces', {
          attributes: { total: this.reportedTotal ?? this.items.length },
          children: page.map((s) => ['coSpace', { attributes: { id: s.id }, children: [['name', s.name]] }] as const),
        });
        return new HttpResponse(body, { headers: { 'Content-Type': 'text/xml' } });
      } finally {
        this.inFlight--;
      }
    });
  }
}

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function serve(model: CollectionModel) {
  server.use(model.handler());
  return createCmsClient({ baseUrl: BASE, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
}

const listing = { item: 'coSpace', schema: spaceSchema } as const;

async function pagesOf(iterable: AsyncIterable<CmsPage<Space>>): Promise<Array<CmsPage<Space>>> {
  const pages: Array<CmsPage<Space>> = [];
  for await (const page of iterable) pages.push(page);
  return pages;
}

function expectUnique(items: Space[]) {
  expect(new Set(items.map((s) => s.id)).size).toBe(items.length);
}

describe('listAll, one page at a time', () => {
  it('follows what CMS served, not the limit it was asked for', async () => {
    const model = new CollectionModel(makeSpaces(95));
    const client = serve(model);
    const pages = await pagesOf(listAll(client, '/coSpaces', { ...listing, pageSize: 20 }));
    expect(pages.map((p) => p.offset)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(pages.flatMap((p) => p.items)).toEqual(model.items);
    expect(model.requests).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90].map((offset) => ({ offset, limit: 20 })));
  });

  it('collectAll returns every item once, in order, with the total', async () => {
    const model = new CollectionModel(makeSpaces(95));
    const result = await collectAll(serve(model), 'coSpaces', { ...listing, pageSize: 20 });
    expect(result.total).toBe(95);
    expect(result.items).toEqual(model.items);
    expect(model.requests).toHaveLength(10);
  });

  it('passes the filter along with every page', async () => {
    const model = new CollectionModel(makeSpaces(15));
    const urls: string[] = [];
    server.events.on('request:start', ({ request }) => urls.push(request.url));
    await collectAll(serve(model), 'coSpaces', { ...listing, query: { filter: 'sales' } });
    server.events.removeAllListeners();
    expect(urls).toEqual([`${BASE}/api/v1/coSpaces?filter=sales&offset=0`, `${BASE}/api/v1/coSpaces?filter=sales&offset=10`]);
  });

  it('an empty collection still yields its first page and total', async () => {
    const model = new CollectionModel([]);
    const pages = await pagesOf(listAll(serve(model), 'coSpaces', listing));
    expect(pages).toEqual([{ offset: 0, items: [], total: 0 }]);
    expect(model.requests).toHaveLength(1);
  });

  it('stops on an empty page even when the total says there is more', async () => {
    const model = new CollectionModel(makeSpaces(25));
    model.reportedTotal = 50;
    const result = await collectAll(serve(model), 'coSpaces', listing);
    expect(result.items).toEqual(model.items);
    expect(model.requests.map((r) => r.offset)).toEqual([0, 10, 20, 25]);
  });

  it('misses nothing when items are added in front between pages, and repeats nothing', async () => {
    const original = makeSpaces(42);
    const model = new CollectionModel([...original]);
    let added = 0;
    model.beforeServe = (n, m) => {
      if (n > 1) m.items.unshift(...makeSpaces(3, `new${added++}`));
    };
    const result = await collectAll(serve(model), 'coSpaces', listing);
    expectUnique(result.items);
    const ids = new Set(result.items.map((s) => s.id));
    for (const space of original) expect(ids.has(space.id)).toBe(true);
    expect(model.requests.length).toBeLessThan(20);
  });

  it('terminates without duplicates when items come and go between pages', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const model = new CollectionModel(makeSpaces(60));
    const everSeen = new Set(model.items.map((s) => s.id));
    let fresh = 0;
    model.beforeServe = (_n, m) => {
      for (let i = 0; i < 4; i++) {
        const at = Math.floor(random() * (m.items.length + 1));
        if (random() < 0.5 && m.items.length > 0) m.items.splice(at, 1);
        else {
          const [space] = makeSpaces(1, `churn${fresh++}`);
          if (space) {
            m.items.splice(at, 0, space);
            everSeen.add(space.id);
          }
        }
      }
    };
    const result = await collectAll(serve(model), 'coSpaces', listing);
    expectUnique(result.items);
    for (const space of result.items) expect(everSeen.has(space.id)).toBe(true);
    expect(result.items.length).toBeGreaterThan(40);
    expect(model.requests.length).toBeLessThan(30);
  });

  it('stops when aborted mid-way', async () => {
    const model = new CollectionModel(makeSpaces(95));
    const controller = new AbortController();
    const seen: number[] = [];
    const run = async () => {
      for await (const page of listAll(serve(model), 'coSpaces', { ...listing, signal: controller.signal })) {
        seen.push(page.offset);
        if (page.offset === 10) controller.abort();
      }
    };
    const error = await run().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CmsError);
    expect((error as CmsError).kind).toBe('aborted');
    expect(seen).toEqual([0, 10]);
    expect(model.requests).toHaveLength(2);
  });

  it('stops when aborted while a page is on its way', async () => {
    const model = new CollectionModel(makeSpaces(95));
    model.delayMs = 200;
    const advance = fakeClock();
    const controller = new AbortController();
    const collecting = watch(collectAll(serve(model), 'coSpaces', { ...listing, signal: controller.signal }));
    await advance(20);
    controller.abort();
    await advance(0);
    // Settled at once, long before the 200 ms answer.
    expect(collecting.settled()).toBe(true);
    expect(await collecting.done).toMatchObject({ ok: false, error: { kind: 'aborted' } });
  });
});

describe('listAll with concurrency', () => {
  it('keeps at most `concurrency` requests in flight and yields pages in order', async () => {
    const model = new CollectionModel(makeSpaces(200));
    model.delayMs = 5;
    const pages = await onClock(() => pagesOf(listAll(serve(model), 'coSpaces', { ...listing, concurrency: 4, pageSize: 20 })));
    expect(pages.map((p) => p.offset)).toEqual(Array.from({ length: 20 }, (_, i) => i * 10));
    expect(pages.flatMap((p) => p.items)).toEqual(model.items);
    expect(model.requests).toHaveLength(20);
    expect(model.maxInFlight).toBeLessThanOrEqual(4);
    expect(model.maxInFlight).toBe(4);
  });

  it('continues one page at a time from where a short page ended', async () => {
    const model = new CollectionModel(makeSpaces(200));
    model.delayMs = 2;
    model.shortPages.set(50, 7);
    const result = await onClock(() => collectAll(serve(model), 'coSpaces', { ...listing, concurrency: 4 }));
    expect(result.items).toEqual(model.items);
    const offsets = model.requests.map((r) => r.offset);
    expect(offsets).toContain(57);
    expect(offsets.at(-1)).toBe(197);
  });

  it('reads what was added at the end while it was paging', async () => {
    const model = new CollectionModel(makeSpaces(100));
    model.beforeServe = (n, m) => {
      if (n === 2) m.items.push(...makeSpaces(15, 'late'));
    };
    const result = await collectAll(serve(model), 'coSpaces', { ...listing, concurrency: 3 });
    expect(result.total).toBe(115);
    expect(result.items).toEqual(model.items);
  });

  it('ends cleanly when the collection shrinks under the parallel pages', async () => {
    const model = new CollectionModel(makeSpaces(200));
    model.delayMs = 2;
    model.beforeServe = (n, m) => {
      if (n === 5) m.items.splice(100, 15);
    };
    const result = await onClock(() => collectAll(serve(model), 'coSpaces', { ...listing, concurrency: 4 }));
    expect(result.items).toEqual(model.items);
    expect(result.total).toBe(185);
  });

  it('stops on an empty page in the parallel phase', async () => {
    const model = new CollectionModel(makeSpaces(40));
    model.reportedTotal = 100;
    const result = await collectAll(serve(model), 'coSpaces', { ...listing, concurrency: 4 });
    expect(result.items).toEqual(model.items);
    expect(result.total).toBe(100);
  });

  it('stops when aborted, with requests in flight', async () => {
    const model = new CollectionModel(makeSpaces(200));
    model.delayMs = 30;
    const controller = new AbortController();
    const seen: number[] = [];
    const run = async () => {
      for await (const page of listAll(serve(model), 'coSpaces', { ...listing, concurrency: 4, signal: controller.signal })) {
        seen.push(page.offset);
        if (page.offset === 0) setTimeout(() => controller.abort(), 10);
      }
    };
    const advance = fakeClock();
    const paging = watch(run());
    // The first page arrives at 30 ms, the abort 10 ms later, while the next pages are still on their way.
    await advance(40);
    expect(paging.settled()).toBe(true);
    expect(await paging.done).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    expect(seen).toEqual([0]);
    expect(model.requests.length).toBeLessThanOrEqual(5);
  });

  it('a consumer that stops early leaves nothing failing behind', async () => {
    const model = new CollectionModel(makeSpaces(200));
    model.delayMs = 5;
    const advance = fakeClock();
    const seen: number[] = [];
    const reading = watch(
      (async () => {
        for await (const page of listAll(serve(model), 'coSpaces', { ...listing, concurrency: 4 })) {
          seen.push(page.offset);
          if (page.offset === 10) break;
        }
      })(),
    );
    await advance(10);
    expect(await reading.done).toEqual({ ok: true, value: undefined });
    expect(seen).toEqual([0, 10]);
    // The requests still in flight answer into nothing, and nothing more is asked.
    await advance(20);
    expect(model.requests.length).toBeLessThanOrEqual(6);
  });
});
