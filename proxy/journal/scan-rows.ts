import { z } from 'zod';
import {
  scanFindingSchema,
  scanPathSchema,
  scanStateSchema,
  scanStatusSchema,
  type Scan,
  type ScanResult,
  type ScanResultRow,
} from '../../src/api/wire/scan-contract';
import { numberOf, optionalNumber, optionalText, textOf, type SqlRow, type SqlValue } from './sql-driver';
import { iso } from './store-rows';

export const SCAN_COLUMNS =
  's.id, s.cluster, s.cms_user, s.state, s.started_at, s.updated_at, s.finished_at, s.spaces_total, s.requests, s.results, s.passed, s.warned, s.failed, s.unread, s.error';

/** The scan's columns plus whether its cluster's lease is held by it and still valid at `now`. */
export const scanSelect = (now: number) =>
  `SELECT ${SCAN_COLUMNS}, CASE WHEN l.scan_id = s.id AND l.expires_at > ${Math.floor(now)} THEN 1 ELSE 0 END AS live
   FROM scans s LEFT JOIN scan_leases l ON l.cluster = s.cluster`;

export function scanFromRow(row: SqlRow): Scan {
  const finishedAt = optionalNumber(row.finished_at);
  const error = optionalText(row.error);
  const total = optionalNumber(row.spaces_total);
  return {
    id: textOf(row.id),
    cluster: textOf(row.cluster),
    cmsUser: textOf(row.cms_user),
    state: scanStateSchema.parse(row.state),
    startedAt: iso(numberOf(row.started_at)),
    updatedAt: iso(numberOf(row.updated_at)),
    ...(finishedAt === undefined ? {} : { finishedAt: iso(finishedAt) }),
    spacesTotal: total ?? null,
    counts: {
      results: numberOf(row.results),
      pass: numberOf(row.passed),
      warn: numberOf(row.warned),
      fail: numberOf(row.failed),
      unread: numberOf(row.unread),
    },
    requests: numberOf(row.requests),
    live: numberOf(row.live) === 1,
    ...(error === undefined ? {} : { error }),
  };
}

/** fail before warn before unread before pass: the order a list of problems starts with. */
export const STATUS_RANK: Record<ScanResult['status'], number> = { fail: 3, warn: 2, unread: 1, pass: 0 };

export const RESULT_COLUMNS = [
  'scan_id',
  'space_id',
  'name',
  'uri',
  'secondary_uri',
  'call_id',
  'tenant',
  'tenant_name',
  'status',
  'status_rank',
  'problems',
  'summary',
  'findings',
  'host_paths',
  'guest_paths',
  'paths',
  'scanned_at',
] as const;

export function resultValues(scanId: string, result: ScanResult): SqlValue[] {
  const problems = result.findings.filter((f) => f.severity !== 'info').length;
  return [
    scanId,
    result.spaceId.toLowerCase(),
    result.name ?? null,
    result.uri ?? null,
    result.secondaryUri ?? null,
    result.callId ?? null,
    result.tenant?.toLowerCase() ?? null,
    result.tenantName ?? null,
    result.status,
    STATUS_RANK[result.status],
    problems,
    result.summary,
    JSON.stringify(result.findings),
    result.roles.host,
    result.roles.guest,
    JSON.stringify(result.paths),
    Date.parse(result.scannedAt),
  ];
}

const optional = <K extends string>(key: K, value: string | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, string>));

export function resultFromRow(row: SqlRow): ScanResultRow {
  const was = optionalText(row.was);
  return {
    scanId: textOf(row.scan_id),
    cluster: textOf(row.cluster),
    spaceId: textOf(row.space_id),
    ...optional('name', optionalText(row.name)),
    ...optional('uri', optionalText(row.uri)),
    ...optional('secondaryUri', optionalText(row.secondary_uri)),
    ...optional('callId', optionalText(row.call_id)),
    ...optional('tenant', optionalText(row.tenant)),
    ...optional('tenantName', optionalText(row.tenant_name)),
    status: scanStatusSchema.parse(row.status),
    summary: textOf(row.summary),
    findings: z.array(scanFindingSchema).parse(JSON.parse(textOf(row.findings))),
    roles: { host: numberOf(row.host_paths), guest: numberOf(row.guest_paths) },
    paths: z.array(scanPathSchema).parse(JSON.parse(textOf(row.paths))),
    scannedAt: iso(numberOf(row.scanned_at)),
    ...(was === undefined ? {} : { was: scanStatusSchema.parse(was) }),
  };
}
