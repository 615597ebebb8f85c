import type { WriteGate } from './faults';
import type { PageLimits } from './http/page-limits';
import type { SeedName } from './seeds/seed';
import type { Simulation } from './simulation';
import type { Store } from './store';

export interface MockCmsOptions {
  /** the most items one collection GET returns, whatever `limit` asks (real CMS: 10 or 20) */
  pageLimit?: number;
  /** per-collection page caps over `pageLimit`, keyed by collection (`coSpaces: 20`) in any case */
  pageLimits?: Record<string, number>;
  latencyMs?: number;
  /** Basic credentials the mock accepts; null accepts any request (msw in unit tests, the studio in process) */
  credentials?: { user: string; password: string } | null;
  /** origins besides the mock's own whose pages may call /mock-cms/ (a studio in front of it) */
  controlOrigins?: readonly string[];
  seed?: SeedName;
  /** SIP domain used by accessQuery and meetingEntryDetail answers */
  domain?: string;
  /** how long each bulk sync stays pending and running, in ms */
  bulkStepMs?: number;
}

export interface ResolvedOptions {
  pageLimit: number;
  pageLimits: PageLimits;
  latencyMs: number;
  credentials: { user: string; password: string } | null;
  controlOrigins: readonly string[];
  seed: SeedName;
  domain: string;
  bulkStepMs: number;
}

export function resolveOptions(options: MockCmsOptions): ResolvedOptions {
  const pageLimit = options.pageLimit ?? 10;
  const byCollection = Object.fromEntries(Object.entries(options.pageLimits ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    pageLimit,
    pageLimits: { default: pageLimit, byCollection },
    latencyMs: options.latencyMs ?? 0,
    credentials: options.credentials === undefined ? { user: 'admin', password: 'admin' } : options.credentials,
    controlOrigins: options.controlOrigins ?? [],
    seed: options.seed ?? 'lab',
    domain: options.domain ?? 'example.com',
    bulkStepMs: options.bulkStepMs ?? 300,
  };
}

/** What every route module works on: the one model, its options, the simulation and the write gate. */
export interface MockContext {
  readonly store: Store;
  readonly options: ResolvedOptions;
  readonly simulation: Simulation;
  readonly gate: WriteGate;
}
