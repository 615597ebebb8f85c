import type { BasicCredentials } from '../../api/transport/credentials';
import { getSession } from '../../api/transport/session';
import { runScan, type ScanEvent } from '../../domain/fleet-audit/run-scan';

export interface ScanJob {
  /** the X-CMS-Target to scan; undefined: the proxy's default (or the built-in mock) */
  target: string | undefined;
  credentials?: BasicCredentials;
  resume?: string;
}

/** Messages to the scan worker and back. */
export type WorkerCommand = { kind: 'start'; job: ScanJob } | { kind: 'cancel' };
export type WorkerReply = { kind: 'event'; event: ScanEvent } | { kind: 'done' } | { kind: 'error'; message: string };

export type ScanRunner = (job: ScanJob, signal: AbortSignal, onEvent: (event: ScanEvent) => void) => Promise<void>;

/**
 * In a Web Worker: fetching, parsing and evaluating 20,000 spaces stays off the page's thread, and
 * the worker talks to the cluster it was given, whatever the page's session switches to meanwhile.
 */
const inWorker: ScanRunner = (job, signal, onEvent) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./scan-worker.ts', import.meta.url), { type: 'module', name: 'fleet scan' });
    const cancel = () => worker.postMessage({ kind: 'cancel' } satisfies WorkerCommand);
    const end = (settle: () => void) => {
      signal.removeEventListener('abort', cancel);
      worker.terminate();
      settle();
    };
    worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.kind === 'event') onEvent(reply.event);
      else if (reply.kind === 'done') end(resolve);
      else end(() => reject(new Error(reply.message)));
    });
    worker.addEventListener('error', (event) => end(() => reject(new Error(event.message || 'The scan worker failed to start.'))));
    signal.addEventListener('abort', cancel, { once: true });
    worker.postMessage({ kind: 'start', job } satisfies WorkerCommand);
    if (signal.aborted) cancel();
  });

/** In the page itself (no Worker: tests, old browsers): only the cluster the session talks to. */
const inPage: ScanRunner = async (job, signal, onEvent) => {
  if (job.target !== getSession().target) throw new Error(`Without Web Workers, only the cluster this tab talks to can be scanned, not ${job.target ?? 'the default'}.`);
  await runScan({ ...(job.resume ? { resume: job.resume } : {}), signal, onEvent });
};

export const defaultScanRunner: ScanRunner = typeof Worker === 'function' ? inWorker : inPage;
