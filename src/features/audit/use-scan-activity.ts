import { useSyncExternalStore } from 'react';
import { scanSession } from './scan-session';

const isScanning = () => scanSession.get().running;
const finishedScans = () =>
  scanSession
    .get()
    .scans.flatMap((s) => (s.phase === 'done' && s.scan ? [`${s.scan.id}:${s.scan.state}`] : []))
    .join(',');

/**
 * Whether this tab scans, and which of its scans ended (`id:state,…`): what the results list needs.
 * Both are plain values, so a screen using them renders again only when they change, not at every
 * progress tick of a 20,000-space scan (those re-renders were the tab's long tasks).
 */
export function useScanActivity(): { running: boolean; finished: string } {
  const running = useSyncExternalStore(scanSession.subscribe, isScanning, isScanning);
  const finished = useSyncExternalStore(scanSession.subscribe, finishedScans, finishedScans);
  return { running, finished };
}
