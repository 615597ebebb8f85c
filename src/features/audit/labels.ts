import type { Scan, ScanStatus } from '../../api/wire/scan-contract';
import { formatCount, plural } from '../../domain/profile-resolution/words';

export const STATUS_ORDER: readonly ScanStatus[] = ['fail', 'warn', 'pass', 'unread'];

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "24 spaces: 12 fail, 3 check, 9 pass" (unread only when there are some). */
export function countsLabel(scan: Pick<Scan, 'counts'>): string {
  const { results, fail, warn, pass, unread } = scan.counts;
  const parts = [`${formatCount(fail)} fail`, `${formatCount(warn)} check`, `${formatCount(pass)} pass`, ...(unread > 0 ? [`${formatCount(unread)} unread`] : [])];
  return `${plural(results, 'space')}: ${parts.join(', ')}`;
}

/** What became of a scan, in a few words. */
export function scanStateLabel(scan: Pick<Scan, 'state' | 'live'>): string {
  if (scan.state === 'running') return scan.live ? 'Scanning' : 'Interrupted';
  return { stopped: 'Stopped', complete: 'Complete', failed: 'Failed' }[scan.state];
}

export const isResumable = (scan: Pick<Scan, 'state' | 'live'>) => scan.state === 'stopped' || scan.state === 'failed' || (scan.state === 'running' && !scan.live);

export function durationLabel(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${seconds % 60} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
