import type { Scan } from '../../api/wire/scan-contract';
import type { ScanEvent } from '../../domain/fleet-audit/run-scan';
import { addSample, type ProgressSample } from './progress-figures';
import { defaultScanRunner, type ScanJob, type ScanRunner } from './scan-runner';

export interface ScanFigures {
  total: number | null;
  /** spaces read in this run plus those a resume skipped */
  done: number;
  unread: number;
  requests: number;
  /** CMS requests allowed in flight right now (lower while CMS answers 503) */
  inFlight: number;
}

/** One cluster's part of what this tab scans. */
export interface ClusterScan {
  cluster: string;
  /** waiting: after another cluster; following: another tab or studio scans it; skipped: not scanned (no credentials, cancelled) */
  phase: 'waiting' | 'starting' | 'scanning' | 'following' | 'done' | 'failed' | 'skipped';
  scan?: Scan;
  figures?: ScanFigures;
  samples: ProgressSample[];
  message?: string;
}

export interface ScanSessionState {
  running: boolean;
  scans: readonly ClusterScan[];
}

export interface PlannedScan {
  cluster: string;
  /** what to run; absent with `skipped` saying why it cannot be scanned from here */
  job?: ScanJob;
  skipped?: string;
}

let state: ScanSessionState = { running: false, scans: [] };
let controller: AbortController | undefined;
const listeners = new Set<() => void>();

function publish(next: ScanSessionState) {
  state = next;
  for (const listener of listeners) listener();
}

function update(cluster: string, change: (scan: ClusterScan) => ClusterScan) {
  publish({ ...state, scans: state.scans.map((s) => (s.cluster === cluster ? change(s) : s)) });
}

function apply(scan: ClusterScan, event: ScanEvent): ClusterScan {
  switch (event.kind) {
    case 'following':
      return { ...scan, phase: 'following', scan: event.scan };
    case 'started':
      return { ...scan, phase: 'scanning', scan: event.scan, samples: [{ at: Date.now(), done: event.alreadyDone }] };
    case 'progress': {
      const { progress } = event;
      const done = progress.scanned + progress.skipped + progress.gone;
      const figures = { total: progress.total, done, unread: progress.unread, requests: progress.requests, inFlight: event.limit };
      return { ...scan, figures, samples: addSample(scan.samples, { at: event.at, done }) };
    }
    case 'finished':
      return { ...scan, phase: 'done', scan: event.scan };
    case 'failed':
      return { ...scan, phase: 'failed', message: event.message };
  }
}

/**
 * What this tab scans, kept outside any screen so a scan goes on while the user looks at other
 * pages. Clusters are scanned one after another, each under its own server lease.
 */
export const scanSession = {
  get: (): ScanSessionState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  async start(plan: readonly PlannedScan[], runner: ScanRunner = defaultScanRunner): Promise<void> {
    if (state.running) return;
    const own = new AbortController();
    controller = own;
    publish({
      running: true,
      scans: plan.map((p) => ({ cluster: p.cluster, phase: p.job ? 'waiting' : 'skipped', samples: [], ...(p.skipped ? { message: p.skipped } : {}) })),
    });
    for (const { cluster, job } of plan) {
      if (!job) continue;
      if (own.signal.aborted) {
        update(cluster, (s) => ({ ...s, phase: 'skipped', message: 'Cancelled before it started.' }));
        continue;
      }
      update(cluster, (s) => ({ ...s, phase: 'starting' }));
      try {
        await runner(job, own.signal, (event) => update(cluster, (s) => apply(s, event)));
      } catch (error) {
        update(cluster, (s) => ({ ...s, phase: 'failed', message: error instanceof Error ? error.message : String(error) }));
      }
    }
    controller = undefined;
    publish({ ...state, running: false });
  },
  /** Stops the scan running in this tab: what it read is stored, and it can be resumed. */
  cancel(): void {
    controller?.abort();
  },
};
