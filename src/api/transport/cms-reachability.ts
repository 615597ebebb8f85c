import { cmsIsDown, type ProxyProblem } from '../wire/proxy-problem';
import type { CmsExchange } from './client';

/** What the last exchange with a cluster showed: CMS answered, or the proxy said it cannot reach or trust it. */
export type Reachability = { state: 'unknown' } | { state: 'answering' } | { state: 'down'; problem: ProxyProblem };

const UNKNOWN: Reachability = { state: 'unknown' };
const ANSWERING: Reachability = { state: 'answering' };

let byTarget: Readonly<Record<string, Reachability>> = {};
const listeners = new Set<() => void>();

function set(target: string, next: Reachability) {
  if (byTarget[target] === next || (next.state === 'answering' && byTarget[target]?.state === 'answering')) return;
  byTarget = { ...byTarget, [target]: next };
  for (const listener of listeners) listener();
}

/**
 * Whether CMS is reachable, as the exchanges of this session show it, per cluster (`''` is the
 * proxy's default). The connection chip reads it, so it turns red as soon as the proxy answers
 * that CMS is unreachable or untrusted, and back once CMS answers again.
 */
export const cmsReachability = {
  record(exchange: CmsExchange, target: string | undefined): void {
    const problem = exchange.error?.problem;
    if (problem) {
      if (cmsIsDown(problem.kind)) set(target ?? '', { state: 'down', problem });
      return;
    }
    if (exchange.status !== undefined) set(target ?? '', ANSWERING);
  },
  /** Stable identity until the cluster's state changes, as useSyncExternalStore needs. */
  get: (target: string | undefined): Reachability => byTarget[target ?? ''] ?? UNKNOWN,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  reset(): void {
    byTarget = {};
    for (const listener of listeners) listener();
  },
};
