import { finishScan, getScannedSpaceIds, renewScanLease, sendScanResults, startScan } from '../../api/resources/scans';
import { isStudioError } from '../../api/resources/studio-request';
import { SCAN_RESULTS_BATCH_MAX, type Scan, type ScanResult } from '../../api/wire/scan-contract';
import { createAdaptiveLimiter } from '../../lib/adaptive-limit';
import { followCmsPressure } from './cms-pressure';
import { scanFleet, type FleetScanProgress } from './fleet-scan';

export type ScanEvent =
  /** another tab or studio scans this cluster: this is its scan */
  | { kind: 'following'; scan: Scan }
  | { kind: 'started'; scan: Scan; resumed: boolean; alreadyDone: number }
  | { kind: 'progress'; scanId: string; progress: FleetScanProgress; alreadyDone: number; limit: number; at: number }
  | { kind: 'finished'; scan: Scan }
  /** the scan could not go on and could not be marked as stopped (lease lost, server gone) */
  | { kind: 'failed'; scanId?: string; message: string };

export interface RunScanOptions {
  /** a stopped or interrupted scan of this cluster to continue */
  resume?: string;
  signal?: AbortSignal;
  /** CMS requests in flight at most (fewer while CMS answers 503) */
  concurrency?: number;
  /** results per POST at most; a batch also stays under half the server's 1 MiB body limit */
  batchSize?: number;
  flushMs?: number;
  heartbeatMs?: number;
  progressMs?: number;
  onEvent(event: ScanEvent): void;
}

const BATCH_BYTES = 512 * 1024;

class LeaseLost extends Error {}

/** Calls to the scan store one after another, so results, heartbeats and the finish never overtake each other. */
function serial() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Scans the session's cluster under a server lease: one scan per cluster at a time, whatever the
 * tab or studio. Results go to the server in batches as they come; a heartbeat keeps the lease while
 * no batch does; cancel stores what is done and marks the scan stopped, so a resume skips it.
 */
export async function runScan(options: RunScanOptions): Promise<Scan | undefined> {
  const { signal, concurrency = 8, batchSize = 200, flushMs = 1_000, heartbeatMs = 10_000, progressMs = 250, onEvent } = options;
  const answer = await startScan(options.resume, signal);
  if (!answer.lease) {
    onEvent({ kind: 'following', scan: answer.scan });
    return answer.scan;
  }
  const scanId = answer.scan.id;
  const token = answer.lease.token;
  const skip = new Set(options.resume ? await getScannedSpaceIds(scanId, signal) : []);
  onEvent({ kind: 'started', scan: answer.scan, resumed: options.resume !== undefined, alreadyDone: skip.size });

  const own = new AbortController();
  const stopOwn = () => own.abort(signal?.reason);
  if (signal?.aborted) stopOwn();
  else signal?.addEventListener('abort', stopOwn, { once: true });
  const limiter = createAdaptiveLimiter({ max: concurrency });
  const unfollow = followCmsPressure(limiter);
  const server = serial();
  let buffer: ScanResult[] = [];
  let requests = 0;
  let total: number | undefined;
  let lastStored = Date.now();
  let storeFailure: unknown;

  const stopFor = (error: unknown) => {
    storeFailure ??= error;
    own.abort(error);
  };
  const call = <T>(work: () => Promise<T>) =>
    server(async () => {
      try {
        const result = await work();
        lastStored = Date.now();
        return result;
      } catch (error) {
        throw isStudioError(error) && error.kind === 'conflict' ? new LeaseLost(error.message) : error;
      }
    });
  const flush = () =>
    call(async () => {
      while (buffer.length > 0) {
        let bytes = 0;
        let n = 0;
        while (n < buffer.length && n < Math.min(batchSize, SCAN_RESULTS_BATCH_MAX)) {
          bytes += JSON.stringify(buffer[n]).length;
          if (n > 0 && bytes > BATCH_BYTES) break;
          n++;
        }
        const batch = buffer.slice(0, n);
        await sendScanResults(scanId, token, { results: batch, requests, ...(total === undefined ? {} : { spacesTotal: total }) });
        buffer = buffer.slice(n);
      }
    });
  const flushOrStop = () => void flush().catch(stopFor);
  const flushTimer = setInterval(flushOrStop, flushMs);
  const heartbeatTimer = setInterval(() => {
    if (Date.now() - lastStored >= heartbeatMs / 2) void call(() => renewScanLease(scanId, token)).catch(stopFor);
  }, heartbeatMs);
  let lastProgress = 0;
  const report = (progress: FleetScanProgress, force = false) => {
    requests = progress.requests;
    total = progress.total ?? undefined;
    const at = Date.now();
    if (!force && at - lastProgress < progressMs) return;
    lastProgress = at;
    onEvent({ kind: 'progress', scanId, progress: { ...progress }, alreadyDone: skip.size, limit: limiter.limit, at });
  };

  let state: 'complete' | 'stopped' | 'failed' = 'complete';
  let error: string | undefined;
  try {
    const progress = await scanFleet({
      limiter,
      signal: own.signal,
      skip,
      spacesInFlight: concurrency * 4,
      onResult: (result) => {
        buffer.push(result);
        if (buffer.length >= batchSize) flushOrStop();
      },
      onProgress: (p) => report(p),
    });
    report(progress, true);
  } catch (failure) {
    state = storeFailure === undefined && signal?.aborted ? 'stopped' : 'failed';
    error = state === 'failed' ? message(storeFailure ?? failure) : undefined;
  } finally {
    clearInterval(flushTimer);
    clearInterval(heartbeatTimer);
    unfollow();
    signal?.removeEventListener('abort', stopOwn);
  }

  try {
    if (storeFailure instanceof LeaseLost) throw storeFailure;
    await flush();
    const scan = await call(() => finishScan(scanId, token, { state, requests, ...(error ? { error } : {}) }));
    onEvent({ kind: 'finished', scan });
    return scan;
  } catch (failure) {
    const lost = failure instanceof LeaseLost;
    onEvent({
      kind: 'failed',
      scanId,
      message: lost
        ? 'Another tab or studio took this scan over after this one stopped answering; its results so far are kept.'
        : `The scan stopped and its last results could not be stored: ${message(failure)}. Resume it to read the rest.`,
    });
    return undefined;
  }
}
