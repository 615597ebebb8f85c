import type { ScanResult } from '../../api/wire/scan-contract';
import type { CoSpace } from '../../api/params/schemas';
import { coSpaceSchema } from '../../api/params/schemas';
import { listSpaces } from '../../api/resources/spaces';
import { CmsError, isCmsError, isNotFound } from '../../api/transport/errors';
import type { PageParams } from '../../api/transport/collection';
import { listAll } from '../../api/transport/paging';
import type { Limiter } from '../../lib/limit';
import { loadSpaceModel, pagerOver } from '../profile-resolution/load-space-model';
import { evaluateSpace } from '../space-evaluation/evaluate';
import { createFleetReads, type ScanRequest } from './fleet-reads';
import { scanResultOf, unreadResult } from './scan-result';

export interface FleetScanProgress {
  /** spaces CMS says there are (its `total`), once the first page is in */
  total: number | null;
  /** spaces the pages named so far */
  listed: number;
  /** results handed to onResult (verdicts and unread) */
  scanned: number;
  /** spaces a resumed scan already had a verdict for */
  skipped: number;
  /** spaces deleted between the list and their own read */
  gone: number;
  unread: number;
  /** CMS requests sent (each page and each read once, whatever the 503 retries) */
  requests: number;
}

export interface FleetScanOptions {
  /** every CMS request of the scan goes through it: pages, space reads and shared profile reads alike */
  limiter: Pick<Limiter, 'run'>;
  signal?: AbortSignal;
  /** ids (lower case) of the spaces not to read again */
  skip?: ReadonlySet<string>;
  /** spaces being read at once; enough to keep the limiter busy, few enough to keep memory flat */
  spacesInFlight?: number;
  /** the scan stops after this many spaces in a row could not be read (CMS is down, not one space) */
  maxUnreadInARow?: number;
  now?: () => Date;
  onResult(result: ScanResult): void;
  onProgress?(progress: Readonly<FleetScanProgress>): void;
}

/** A scan that cannot go on: CMS refuses the credentials, or answers nothing for space after space. */
export class ScanStoppedError extends Error {
  override readonly name = 'ScanStoppedError';
}

const SPACE_ATTEMPTS = 3;
const transient = (error: unknown) => isCmsError(error) && (error.kind === 'busy' || error.kind === 'timeout' || error.kind === 'network');

function reason(error: unknown): string {
  if (isCmsError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** At most `n` at once; `acquire` waits for a free slot. */
function slots(n: number) {
  let free = n;
  const waiting: Array<() => void> = [];
  return {
    acquire: () => (free > 0 ? (free--, Promise.resolve()) : new Promise<void>((resolve) => waiting.push(resolve))),
    release: () => {
      const next = waiting.shift();
      if (next) next();
      else free++;
    },
  };
}

/**
 * Reads every space of the cluster page by page and evaluates each one with the one space
 * evaluation, handing each result over as soon as it is known. Requests: the pages of the space
 * list; per space its GET, its access-method list only when the GET counts some (and each access
 * method's GET), its member list (and each member's GET); the system's profiles, each tenant and
 * each profile once for the whole scan.
 */
export async function scanFleet(options: FleetScanOptions): Promise<FleetScanProgress> {
  const { limiter, signal, skip = new Set<string>(), spacesInFlight = 32, maxUnreadInARow = 20, now = () => new Date() } = options;
  const progress: FleetScanProgress = { total: null, listed: 0, scanned: 0, skipped: 0, gone: 0, unread: 0, requests: 0 };
  const counted: Pick<Limiter, 'run'> = {
    run: (task) => {
      progress.requests++;
      return limiter.run(task);
    },
  };
  const stopped = (path: string) => new CmsError({ kind: 'aborted', method: 'GET', path: `/api/v1/${path}` });
  const request: ScanRequest = (path, task) =>
    counted.run(() => (signal?.aborted ? Promise.reject(stopped(path)) : task(signal ?? new AbortController().signal)));
  const shared = createFleetReads(request);
  const inFlight = slots(Math.max(1, spacesInFlight));
  let unreadInARow = 0;
  let fatal: unknown;
  const tell = () => options.onProgress?.(progress);

  // One listener on the scan's signal stops every space being read: one each would trip Node's MaxListeners warning.
  const spaceSignals = new Set<AbortController>();
  signal?.addEventListener('abort', () => spaceSignals.forEach((c) => c.abort(signal.reason)), { once: true });

  const readSpace = async (space: CoSpace & { id: string }): Promise<ScanResult | undefined> => {
    for (let attempt = 1; ; attempt++) {
      const own = new AbortController();
      spaceSignals.add(own);
      if (signal?.aborted) own.abort(signal.reason);
      try {
        const model = await loadSpaceModel(space.id, { limiter: counted, shared, signal: own.signal, accessMethods: 'when-counted', concurrency: 2 });
        return scanResultOf(evaluateSpace(model), now());
      } catch (error) {
        if (signal?.aborted || (isCmsError(error) && error.kind === 'unauthorized')) throw error;
        if (isNotFound(error, 'coSpaceDoesNotExist')) return undefined;
        if (transient(error) && attempt < SPACE_ATTEMPTS) continue;
        return unreadResult(space, `CMS did not answer the reads of this space: ${reason(error)}`, now());
      } finally {
        spaceSignals.delete(own);
      }
    }
  };

  const scanOne = async (space: CoSpace & { id: string }) => {
    try {
      const result = await readSpace(space);
      if (!result) progress.gone++;
      else {
        progress.scanned++;
        if (result.status === 'unread') {
          progress.unread++;
          unreadInARow++;
          if (unreadInARow >= maxUnreadInARow) fatal ??= new ScanStoppedError(`CMS did not answer ${unreadInARow} spaces in a row; the last: ${result.summary}`);
        } else unreadInARow = 0;
        options.onResult(result);
      }
      tell();
    } catch (error) {
      fatal ??= error;
    } finally {
      inFlight.release();
    }
  };

  // A page CMS did not answer (503 after the client's retries) is asked again: without it, no space on it is read.
  const readPage = async (params: PageParams, wanted: AbortSignal | undefined) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request('coSpaces', (s) => (wanted?.aborted ? Promise.reject(stopped('coSpaces')) : listSpaces(params, s)));
      } catch (error) {
        if (!transient(error) || attempt >= SPACE_ATTEMPTS || signal?.aborted) throw error;
      }
    }
  };
  const pager = pagerOver(readPage);
  const pages = listAll(pager, 'coSpaces', { item: 'coSpace', schema: coSpaceSchema, concurrency: 2, ...(signal ? { signal } : {}) });
  const running = new Set<Promise<void>>();
  try {
    for await (const page of pages) {
      progress.total = page.total;
      for (const space of page.items) {
        if (typeof space.id !== 'string' || space.id === '') continue;
        progress.listed++;
        if (skip.has(space.id.toLowerCase())) {
          progress.skipped++;
          continue;
        }
        await inFlight.acquire();
        if (fatal !== undefined) break;
        const reading = scanOne({ ...space, id: space.id }).finally(() => running.delete(reading));
        running.add(reading);
      }
      tell();
      if (fatal !== undefined) break;
    }
  } finally {
    await Promise.all([...running]);
  }
  if (fatal !== undefined) throw fatal;
  if (signal?.aborted) throw stopped('coSpaces');
  return progress;
}
