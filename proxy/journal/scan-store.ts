import { randomBytes } from 'node:crypto';
import {
  findingKind,
  SCAN_IDS_MAX,
  scanFindingSchema,
  scanStatusSchema,
  type FinishScan,
  type Scan,
  type ScanComparison,
  type ScanFacets,
  type ScanLease,
  type ScanResult,
  type ScanResultFilter,
  type ScanResultPage,
  type ScanResultsBatch,
  type ScanSelection,
  type SpaceScanStatus,
  type StartScan,
} from '../../src/api/wire/scan-contract';
import { RESULT_COLUMNS, resultFromRow, resultValues, scanFromRow, scanSelect } from './scan-rows';
import { resultOrder, resultWhere, type ScanSort } from './scan-query';
import { numberOf, optionalText, textOf, type SqlDriver, type SqlSession, type SqlValue } from './sql-driver';
import { iso } from './store-rows';
import { JournalStoreError, type Recorder } from './store';

export interface ScanStore {
  /** The cluster's running scan when a live lease holds it (no lease in the answer); else a new or resumed scan with its lease. */
  start(input: StartScan, by: Recorder): Promise<{ scan: Scan; lease?: ScanLease; created: boolean }>;
  /** renews the lease; a lease another tab took over is a conflict */
  heartbeat(scanId: string, token: string, by: Recorder): Promise<Scan>;
  /** stores (or replaces) results and renews the lease */
  addResults(scanId: string, token: string, batch: ScanResultsBatch, by: Recorder): Promise<Scan>;
  finish(scanId: string, token: string, finish: FinishScan, by: Recorder): Promise<Scan>;
  get(scanId: string): Promise<Scan | undefined>;
  list(filter: { cluster?: string; limit: number }): Promise<Scan[]>;
  /** spaces the scan has a verdict for: what a resumed scan does not read again */
  doneSpaceIds(scanId: string): Promise<string[]>;
  results(filter: ScanResultFilter, order: { sort: ScanSort; dir?: 'asc' | 'desc' }, page: { offset: number; limit: number }): Promise<ScanResultPage>;
  selection(filter: ScanResultFilter): Promise<ScanSelection>;
  facets(scanIds: readonly string[]): Promise<ScanFacets>;
  compare(scanId: string, baseId: string): Promise<ScanComparison>;
  /** each space's result in the latest scan of the cluster that has a verdict for it */
  latestStatuses(cluster: string, spaceIds: readonly string[]): Promise<SpaceScanStatus[]>;
}

export interface ScanStoreOptions {
  now?: () => number;
  /** how long a lease lasts without a heartbeat or results (default 30 s) */
  leaseTtlMs?: number;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const ROWS_PER_INSERT = 100;

/** The scans of the fleet audit, in the journal's database (either store, the same SQL). */
export function createScanStore(driver: SqlDriver, { now = Date.now, leaseTtlMs = 30_000 }: ScanStoreOptions = {}): ScanStore {
  async function load(session: SqlSession, scanId: string): Promise<Scan | undefined> {
    const rows = await session.all(`${scanSelect(now())} WHERE s.id = ?`, [scanId]);
    return rows[0] ? scanFromRow(rows[0]) : undefined;
  }

  async function requireScan(session: SqlSession, scanId: string, by?: Recorder): Promise<Scan> {
    const scan = await load(session, scanId);
    if (!scan) throw new JournalStoreError('not-found', `No scan ${scanId}.`);
    if (by && scan.cluster !== by.cluster) throw new JournalStoreError('conflict', `Scan ${scanId} belongs to cluster ${scan.cluster}, not ${by.cluster}.`);
    return scan;
  }

  /** Renews the lease if `token` still holds it for this scan; otherwise the scan belongs to another tab now. */
  async function renew(session: SqlSession, scanId: string, token: string, by: Recorder): Promise<number> {
    await requireScan(session, scanId, by);
    const at = now();
    const renewed = await session.run('UPDATE scan_leases SET expires_at = ? WHERE cluster = ? AND scan_id = ? AND token = ?', [at + leaseTtlMs, by.cluster, scanId, token]);
    if (renewed === 0) throw new JournalStoreError('conflict', `The lease on scan ${scanId} is no longer yours: another tab or studio took the scan over.`);
    return at;
  }

  async function takeLease(tx: SqlSession, cluster: string, scanId: string): Promise<ScanLease | undefined> {
    const at = now();
    const token = randomBytes(24).toString('base64url');
    const taken = await tx.run(
      `INSERT INTO scan_leases (cluster, scan_id, token, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (cluster) DO UPDATE SET scan_id = excluded.scan_id, token = excluded.token, expires_at = excluded.expires_at
       WHERE scan_leases.expires_at <= ?`,
      [cluster, scanId, token, at + leaseTtlMs, at],
    );
    return taken === 0 ? undefined : { token, ttlMs: leaseTtlMs };
  }

  async function createOrResume(tx: SqlSession, input: StartScan, by: Recorder, at: number): Promise<string> {
    if (input.resume) {
      const scan = await requireScan(tx, input.resume, by);
      if (scan.state === 'complete') throw new JournalStoreError('conflict', `Scan ${scan.id} is complete; start a new one.`);
      await tx.run(`UPDATE scans SET state = 'running', finished_at = NULL, error = NULL, requests_before_lease = requests, updated_at = ? WHERE id = ?`, [at, scan.id]);
      return scan.id;
    }
    await tx.run(
      `INSERT INTO scans (id, cluster, cms_user, state, started_at, updated_at, finished_at, spaces_total, requests, requests_before_lease, results, passed, warned, failed, unread, error)
       VALUES (?, ?, ?, 'running', ?, ?, NULL, NULL, 0, 0, 0, 0, 0, 0, 0, NULL)`,
      [input.id, by.cluster, by.cmsUser, at, at],
    );
    return input.id;
  }

  async function storeResults(tx: SqlSession, scanId: string, results: readonly ScanResult[]): Promise<void> {
    for (let start = 0; start < results.length; start += ROWS_PER_INSERT) {
      const chunk = results.slice(start, start + ROWS_PER_INSERT);
      const ids = chunk.map((r) => r.spaceId.toLowerCase());
      await tx.run(`DELETE FROM scan_findings WHERE scan_id = ? AND space_id IN (${marks(ids.length)})`, [scanId, ...ids]);
      const row = `(${marks(RESULT_COLUMNS.length)})`;
      const updates = RESULT_COLUMNS.filter((c) => c !== 'scan_id' && c !== 'space_id').map((c) => `${c} = excluded.${c}`);
      await tx.run(
        `INSERT INTO scan_results (${RESULT_COLUMNS.join(', ')}) VALUES ${chunk.map(() => row).join(', ')}
         ON CONFLICT (scan_id, space_id) DO UPDATE SET ${updates.join(', ')}`,
        chunk.flatMap((r) => resultValues(scanId, r)),
      );
      const findings: SqlValue[] = [];
      let n = 0;
      for (const result of chunk) {
        // An id can repeat only through a bug upstream; the first one is kept.
        const seen = new Set<string>();
        for (const finding of result.findings) {
          if (seen.has(finding.id)) continue;
          seen.add(finding.id);
          findings.push(scanId, result.spaceId.toLowerCase(), finding.id, findingKind(finding.id), finding.severity, finding.title);
          n++;
        }
      }
      if (n > 0) await tx.run(`INSERT INTO scan_findings (scan_id, space_id, finding_id, kind, severity, title) VALUES ${Array.from({ length: n }, () => '(?, ?, ?, ?, ?, ?)').join(', ')}`, findings);
    }
  }

  async function recount(tx: SqlSession, scanId: string): Promise<void> {
    const counts = { pass: 0, warn: 0, fail: 0, unread: 0 };
    for (const row of await tx.all('SELECT status, COUNT(*) AS n FROM scan_results WHERE scan_id = ? GROUP BY status', [scanId])) {
      const status = textOf(row.status);
      if (status in counts) counts[status as keyof typeof counts] = numberOf(row.n);
    }
    const results = counts.pass + counts.warn + counts.fail + counts.unread;
    await tx.run('UPDATE scans SET results = ?, passed = ?, warned = ?, failed = ?, unread = ? WHERE id = ?', [results, counts.pass, counts.warn, counts.fail, counts.unread, scanId]);
  }

  return {
    start: (input, by) =>
      driver.transaction(async (tx) => {
        const existing = await load(tx, input.id);
        if (existing) {
          if (existing.cluster !== by.cluster) throw new JournalStoreError('conflict', `Scan ${input.id} belongs to cluster ${existing.cluster}.`);
          return { scan: existing, created: false };
        }
        const target = input.resume ?? input.id;
        const lease = await takeLease(tx, by.cluster, target);
        if (!lease) {
          const holder = (await tx.all('SELECT scan_id FROM scan_leases WHERE cluster = ?', [by.cluster]))[0];
          return { scan: await requireScan(tx, textOf(holder?.scan_id)), created: false };
        }
        const at = now();
        const scanId = await createOrResume(tx, input, by, at);
        // Scans of this cluster left running by a tab that died are stopped: only one runs at a time.
        await tx.run(`UPDATE scans SET state = 'stopped', updated_at = ? WHERE cluster = ? AND state = 'running' AND id <> ?`, [at, by.cluster, scanId]);
        return { scan: await requireScan(tx, scanId), lease, created: !input.resume };
      }),

    heartbeat: (scanId, token, by) =>
      driver.transaction(async (tx) => {
        const at = await renew(tx, scanId, token, by);
        await tx.run('UPDATE scans SET updated_at = ? WHERE id = ?', [at, scanId]);
        return requireScan(tx, scanId);
      }),

    addResults: (scanId, token, batch, by) =>
      driver.transaction(async (tx) => {
        const at = await renew(tx, scanId, token, by);
        await storeResults(tx, scanId, batch.results);
        await recount(tx, scanId);
        await tx.run('UPDATE scans SET requests = requests_before_lease + ?, spaces_total = COALESCE(?, spaces_total), updated_at = ? WHERE id = ?', [
          batch.requests ?? 0,
          batch.spacesTotal ?? null,
          at,
          scanId,
        ]);
        return requireScan(tx, scanId);
      }),

    finish: (scanId, token, finish, by) =>
      driver.transaction(async (tx) => {
        const at = await renew(tx, scanId, token, by);
        await tx.run('UPDATE scans SET state = ?, finished_at = ?, updated_at = ?, error = ? WHERE id = ?', [finish.state, at, at, finish.error ?? null, scanId]);
        if (finish.requests !== undefined) await tx.run('UPDATE scans SET requests = requests_before_lease + ? WHERE id = ?', [finish.requests, scanId]);
        await tx.run('DELETE FROM scan_leases WHERE cluster = ? AND token = ?', [by.cluster, token]);
        return requireScan(tx, scanId);
      }),

    get: (scanId) => load(driver, scanId),

    async list({ cluster, limit }) {
      const rows = await driver.all(`${scanSelect(now())} ${cluster ? 'WHERE s.cluster = ?' : ''} ORDER BY s.started_at DESC, s.id DESC LIMIT ?`, [
        ...(cluster ? [cluster] : []),
        limit,
      ]);
      return rows.map(scanFromRow);
    },

    async doneSpaceIds(scanId) {
      const rows = await driver.all(`SELECT space_id FROM scan_results WHERE scan_id = ? AND status <> 'unread'`, [scanId]);
      return rows.map((r) => textOf(r.space_id));
    },

    async results(filter, { sort, dir }, { offset, limit }) {
      const where = resultWhere(filter);
      const base = filter.base ? 'LEFT JOIN scan_results b ON b.scan_id = ? AND b.space_id = r.space_id' : '';
      const rows = await driver.all(
        `SELECT r.*, s.cluster, ${filter.base ? 'b.status' : 'NULL'} AS was FROM scan_results r JOIN scans s ON s.id = r.scan_id ${base}
         ${where.sql} ${resultOrder(sort, dir)} LIMIT ? OFFSET ?`,
        [...(filter.base ? [filter.base] : []), ...where.params, limit, offset],
      );
      const total = await driver.all(`SELECT COUNT(*) AS n FROM scan_results r ${where.sql}`, where.params);
      return { results: rows.map(resultFromRow), total: numberOf(total[0]?.n ?? 0) };
    },

    async selection(filter) {
      const where = resultWhere(filter);
      const rows = await driver.all(
        `SELECT s.cluster, r.space_id FROM scan_results r JOIN scans s ON s.id = r.scan_id ${where.sql} ${resultOrder('status', undefined)} LIMIT ?`,
        [...where.params, SCAN_IDS_MAX + 1],
      );
      if (rows.length > SCAN_IDS_MAX) throw new JournalStoreError('invalid', `The filter selects over ${SCAN_IDS_MAX.toLocaleString('en')} spaces; narrow it.`);
      return { spaces: rows.map((r) => ({ cluster: textOf(r.cluster), spaceId: textOf(r.space_id) })), total: rows.length };
    },

    async facets(scanIds) {
      const ids = marks(scanIds.length);
      const findings = await driver.all(
        `SELECT kind, severity, MIN(title) AS title, COUNT(DISTINCT scan_id || ' ' || space_id) AS n FROM scan_findings WHERE scan_id IN (${ids})
         GROUP BY kind, severity ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, n DESC, kind`,
        [...scanIds],
      );
      const tenants = await driver.all(
        `SELECT tenant, MIN(tenant_name) AS name, COUNT(*) AS n FROM scan_results WHERE scan_id IN (${ids}) AND tenant IS NOT NULL GROUP BY tenant ORDER BY n DESC, tenant`,
        [...scanIds],
      );
      return {
        findings: findings.map((r) => ({ kind: textOf(r.kind), severity: scanFindingSchema.shape.severity.parse(r.severity), title: textOf(r.title), spaces: numberOf(r.n) })),
        tenants: tenants.map((r) => {
          const name = optionalText(r.name);
          return { id: textOf(r.tenant), ...(name === undefined ? {} : { name }), spaces: numberOf(r.n) };
        }),
      };
    },

    async compare(scanId, baseId) {
      const [scan, base] = await Promise.all([requireScan(driver, scanId), requireScan(driver, baseId)]);
      if (scan.cluster !== base.cluster) throw new JournalStoreError('invalid', `Scans ${scanId} and ${baseId} are of different clusters.`);
      const count = async (change: 'new' | 'fixed') => {
        const where = resultWhere({ scans: [scanId], base: baseId, change });
        return numberOf((await driver.all(`SELECT COUNT(*) AS n FROM scan_results r ${where.sql}`, where.params))[0]?.n ?? 0);
      };
      return { scan, base, new: await count('new'), fixed: await count('fixed') };
    },

    async latestStatuses(cluster, spaceIds) {
      if (spaceIds.length === 0) return [];
      const ids = spaceIds.map((id) => id.toLowerCase());
      const rows = await driver.all(
        `SELECT r.space_id, r.status, r.scanned_at, r.scan_id FROM scan_results r JOIN scans s ON s.id = r.scan_id
         WHERE s.cluster = ? AND r.status <> 'unread' AND r.space_id IN (${marks(ids.length)})
         ORDER BY r.space_id, r.scanned_at DESC`,
        [cluster, ...ids],
      );
      const latest = new Map<string, SpaceScanStatus>();
      for (const row of rows) {
        const spaceId = textOf(row.space_id);
        if (latest.has(spaceId)) continue;
        latest.set(spaceId, { spaceId, status: scanStatusSchema.parse(row.status), scannedAt: iso(numberOf(row.scanned_at)), scanId: textOf(row.scan_id) });
      }
      return [...latest.values()];
    },
  };
}
