import type { ScanResultFilter } from '../../src/api/wire/scan-contract';
import type { SqlValue } from './sql-driver';
import { JournalStoreError } from './store';

export type ScanSort = 'status' | 'name' | 'uri' | 'tenant' | 'findings' | 'scannedAt';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** A problem of the space in one scan (error or warning) that the other scan does not list for that space. */
const PROBLEM_NOT_IN = (problemScan: string, otherScan: string) =>
  `EXISTS (SELECT 1 FROM scan_findings f WHERE f.scan_id = ${problemScan} AND f.space_id = r.space_id AND f.severity IN ('error', 'warning')
     AND NOT EXISTS (SELECT 1 FROM scan_findings g WHERE g.scan_id = ${otherScan} AND g.space_id = r.space_id AND g.finding_id = f.finding_id))`;

/**
 * The WHERE clause over `scan_results r` for a result filter. `new`: the space has a problem the
 * base scan did not list for it (a space the base did not see counts as new). `fixed`: the base
 * listed a problem for it that this scan, which read the space, no longer does.
 */
export function resultWhere(filter: ScanResultFilter): { sql: string; params: SqlValue[] } {
  const parts: string[] = [`r.scan_id IN (${marks(filter.scans.length)})`];
  const params: SqlValue[] = [...filter.scans];
  if (filter.status) {
    parts.push(`r.status IN (${marks(filter.status.length)})`);
    params.push(...filter.status);
  }
  if (filter.finding) {
    parts.push('EXISTS (SELECT 1 FROM scan_findings k WHERE k.scan_id = r.scan_id AND k.space_id = r.space_id AND k.kind = ?)');
    params.push(filter.finding);
  }
  if (filter.tenant === 'none') parts.push('r.tenant IS NULL');
  else if (filter.tenant) {
    parts.push('r.tenant = ?');
    params.push(filter.tenant.toLowerCase());
  }
  if (filter.q) {
    const like = `%${escapeLike(filter.q.toLowerCase())}%`;
    const fields = ['r.name', 'r.uri', 'r.secondary_uri', 'r.call_id', 'r.space_id'];
    parts.push(`(${fields.map((f) => `LOWER(COALESCE(${f}, '')) LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    params.push(...fields.map(() => like));
  }
  if (filter.change) {
    if (!filter.base || filter.scans.length !== 1) throw new JournalStoreError('invalid', 'A comparison takes one scan and a base scan.');
    if (filter.change === 'new') parts.push(PROBLEM_NOT_IN('r.scan_id', '?'));
    else parts.push(`r.status <> 'unread' AND ${PROBLEM_NOT_IN('?', 'r.scan_id')}`);
    params.push(filter.base);
  }
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
}

/** Worst first for status, most problems first for findings, otherwise A to Z; ties by name, then id. */
export function resultOrder(sort: ScanSort, dir: 'asc' | 'desc' | undefined): string {
  const defaultDir = sort === 'status' || sort === 'findings' || sort === 'scannedAt' ? 'desc' : 'asc';
  const d = (dir ?? defaultDir).toUpperCase();
  const column: Record<ScanSort, string> = {
    status: 'r.status_rank',
    name: "LOWER(COALESCE(r.name, ''))",
    uri: "LOWER(COALESCE(r.uri, ''))",
    tenant: "LOWER(COALESCE(r.tenant_name, r.tenant, ''))",
    findings: 'r.problems',
    scannedAt: 'r.scanned_at',
  };
  return `ORDER BY ${column[sort]} ${d}, LOWER(COALESCE(r.name, '')) ASC, r.space_id ASC, r.scan_id ASC`;
}
