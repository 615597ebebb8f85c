import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { scanQueries } from '../../api/resources/scans';
import type { Scan } from '../../api/wire/scan-contract';

export interface AuditScans {
  /** newest first, every cluster */
  scans: readonly Scan[];
  /** each cluster's newest scan: the one whose results the audit lists */
  latest: ReadonlyMap<string, Scan>;
  /** some scan is being written right now (here or in another tab or studio) */
  live: boolean;
  isPending: boolean;
  error: Error | null;
}

/** The stored scans, polled while one is being written so progress from other tabs shows too. */
export function useAuditScans(scanningHere: boolean): AuditScans {
  const list = useQuery({
    ...scanQueries.list(),
    refetchInterval: (query) => (scanningHere || query.state.data?.some((s) => s.live) ? 2_000 : false),
  });
  const scans = useMemo(() => list.data ?? [], [list.data]);
  const latest = useMemo(() => {
    const byCluster = new Map<string, Scan>();
    for (const scan of scans) if (!byCluster.has(scan.cluster)) byCluster.set(scan.cluster, scan);
    return byCluster;
  }, [scans]);
  return { scans, latest, live: scanningHere || scans.some((s) => s.live), isPending: list.isPending, error: list.error };
}

/** The scan a comparison starts from: the one asked for, else the newest complete scan of the cluster before `scan`. */
export function baseScanFor(scans: readonly Scan[], scan: Scan | undefined, asked: string): Scan | undefined {
  if (!scan) return undefined;
  const earlier = scans.filter((s) => s.cluster === scan.cluster && s.id !== scan.id && s.startedAt < scan.startedAt && s.counts.results > 0);
  return earlier.find((s) => s.id === asked) ?? earlier.find((s) => s.state === 'complete') ?? earlier[0];
}
