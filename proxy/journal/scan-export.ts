import { SCAN_RESULT_PAGE_MAX, type Scan, type ScanResultFilter, type ScanResultRow } from '../../src/api/wire/scan-contract';
import { csvCell } from './export';
import type { ScanSort } from './scan-query';
import type { ScanStore } from './scan-store';

type Order = { sort: ScanSort; dir?: 'asc' | 'desc' };

/** Every result the filter selects, in the list's order, a page at a time. */
async function* allResults(store: ScanStore, filter: ScanResultFilter, order: Order): AsyncGenerator<ScanResultRow> {
  for (let offset = 0; ; offset += SCAN_RESULT_PAGE_MAX) {
    const page = await store.results(filter, order, { offset, limit: SCAN_RESULT_PAGE_MAX });
    yield* page.results;
    if (page.results.length < SCAN_RESULT_PAGE_MAX) return;
  }
}

/** The scans and their results; results hold no passcode (a way in says whether it has a PIN, not which). */
export async function exportScanJson(store: ScanStore, filter: ScanResultFilter, order: Order, exportedAt: Date): Promise<string> {
  const scans: Scan[] = [];
  for (const id of filter.scans) {
    const scan = await store.get(id);
    if (scan) scans.push(scan);
  }
  const results: ScanResultRow[] = [];
  for await (const result of allResults(store, filter, order)) results.push(result);
  return `${JSON.stringify({ exportedAt: exportedAt.toISOString(), filter, scans, results }, null, 2)}\n`;
}

export const SCAN_CSV_COLUMNS = [
  'cluster', 'scan_id', 'scanned_at', 'space_id', 'name', 'uri', 'secondary_uri', 'call_id', 'tenant', 'tenant_name',
  'status', 'was', 'errors', 'warnings', 'findings', 'finding_ids', 'fix', 'host_ways_in', 'guest_ways_in', 'ways_in', 'summary',
] as const;

function cells(r: ScanResultRow): string[] {
  const problems = r.findings.filter((f) => f.severity !== 'info');
  const fixes = [...new Set(r.findings.flatMap((f) => (f.fix ? [f.fix] : [])))];
  const ways = r.paths.map((p) => `${p.label}: ${p.role}${p.pin ? ` (PIN ${p.pin})` : ''}`);
  return [
    r.cluster, r.scanId, r.scannedAt, r.spaceId, r.name ?? '', r.uri ?? '', r.secondaryUri ?? '', r.callId ?? '', r.tenant ?? '', r.tenantName ?? '',
    r.status, r.was ?? '', String(problems.filter((f) => f.severity === 'error').length), String(problems.filter((f) => f.severity === 'warning').length),
    r.findings.map((f) => `${f.severity}: ${f.title}`).join('; '), r.findings.map((f) => f.id).join('; '), fixes.join('; '),
    String(r.roles.host), String(r.roles.guest), ways.join('; '), r.summary,
  ];
}

/** One row per space, quoted as the journal's CSV is (RFC 4180, no formula injection). */
export async function exportScanCsv(store: ScanStore, filter: ScanResultFilter, order: Order): Promise<string> {
  const lines = [SCAN_CSV_COLUMNS.join(',')];
  for await (const result of allResults(store, filter, order)) lines.push(cells(result).map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
