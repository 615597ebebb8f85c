import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  SCAN_LEASE_HEADER,
  SCAN_STATUS_SPACES_MAX,
  scanComparisonSchema,
  scanDoneSchema,
  scanFacetsSchema,
  scanListSchema,
  scanResultPageSchema,
  SCANS_PREFIX,
  scanSchema,
  scanSelectionSchema,
  scanStatusesSchema,
  startScanAnswerSchema,
  type FinishScan,
  type Scan,
  type ScanComparison,
  type ScanFacets,
  type ScanResultFilter,
  type ScanResultPage,
  type ScanResultsBatch,
  type ScanSelection,
  type SpaceScanStatus,
  type StartScanAnswer,
} from '../wire/scan-contract';
import { newUuid, queryString, studioJson, studioRaw } from './studio-request';

const NAME = 'The scan store';
const send = <S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S, init: { body?: unknown; signal?: AbortSignal; lease?: string } = {}) =>
  studioJson(SCANS_PREFIX, NAME, method, path, schema, {
    ...(init.body === undefined ? {} : { body: init.body }),
    ...(init.signal ? { signal: init.signal } : {}),
    ...(init.lease ? { headers: { [SCAN_LEASE_HEADER]: init.lease } } : {}),
  });

export type ScanSort = 'status' | 'name' | 'uri' | 'tenant' | 'findings' | 'scannedAt';
export interface ScanOrder {
  sort: ScanSort;
  dir?: 'asc' | 'desc';
}

/** Starts a scan of the session's cluster, or resumes `resume`. Without a lease in the answer, another tab already scans. */
export function startScan(resume?: string, signal?: AbortSignal): Promise<StartScanAnswer> {
  return send('POST', '', startScanAnswerSchema, { body: { id: newUuid(), ...(resume ? { resume } : {}) }, signal });
}

export function renewScanLease(scanId: string, lease: string, signal?: AbortSignal): Promise<Scan> {
  return send('POST', `/${scanId}/lease`, scanSchema, { body: {}, lease, signal });
}

export function sendScanResults(scanId: string, lease: string, batch: ScanResultsBatch, signal?: AbortSignal): Promise<Scan> {
  return send('POST', `/${scanId}/results`, scanSchema, { body: batch, lease, signal });
}

export function finishScan(scanId: string, lease: string, finish: FinishScan, signal?: AbortSignal): Promise<Scan> {
  return send('POST', `/${scanId}/finish`, scanSchema, { body: finish, lease, signal });
}

export function getScan(scanId: string, signal?: AbortSignal): Promise<Scan> {
  return send('GET', `/${scanId}`, scanSchema, { signal });
}

/** Newest first; every cluster's unless one is named. */
export async function listScans(filter: { cluster?: string; limit?: number } = {}, signal?: AbortSignal): Promise<Scan[]> {
  return (await send('GET', queryString({ cluster: filter.cluster, limit: filter.limit }), scanListSchema, { signal })).scans;
}

/** The spaces the scan already has a verdict for: a resumed scan skips them. */
export async function getScannedSpaceIds(scanId: string, signal?: AbortSignal): Promise<string[]> {
  return (await send('GET', `/${scanId}/done`, scanDoneSchema, { signal })).spaceIds;
}

/** The filter as the server's query parameters (lists comma-separated). */
export function filterParams(filter: ScanResultFilter): Record<string, string | undefined> {
  return {
    scans: filter.scans.join(','),
    status: filter.status?.join(','),
    finding: filter.finding,
    tenant: filter.tenant,
    q: filter.q,
    base: filter.base,
    change: filter.change,
  };
}

export function listScanResults(filter: ScanResultFilter, order: ScanOrder, page: { offset: number; limit: number }, signal?: AbortSignal): Promise<ScanResultPage> {
  return send('GET', `/results${queryString({ ...filterParams(filter), ...order, ...page })}`, scanResultPageSchema, { signal });
}

/** Every space the filter selects (with its cluster), for an action on all of them. */
export function getScanSelection(filter: ScanResultFilter, signal?: AbortSignal): Promise<ScanSelection> {
  return send('GET', `/results/selection${queryString(filterParams(filter))}`, scanSelectionSchema, { signal });
}

export function getScanFacets(scanIds: readonly string[], signal?: AbortSignal): Promise<ScanFacets> {
  return send('GET', `/facets${queryString({ scans: scanIds.join(',') })}`, scanFacetsSchema, { signal });
}

export function compareScans(scanId: string, baseId: string, signal?: AbortSignal): Promise<ScanComparison> {
  return send('GET', `/compare${queryString({ scan: scanId, base: baseId })}`, scanComparisonSchema, { signal });
}

/** The server's export of the results the filter selects; results never hold a passcode. */
export async function exportScanResults(filter: ScanResultFilter, order: ScanOrder, format: 'json' | 'csv'): Promise<{ filename: string; blob: Blob }> {
  const response = await studioRaw(SCANS_PREFIX, NAME, 'GET', `/export.${format}${queryString({ ...filterParams(filter), ...order })}`);
  const filename = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `cms-studio-audit.${format}`;
  return { filename, blob: await response.blob() };
}

export async function getSpaceStatuses(spaceIds: readonly string[], signal?: AbortSignal): Promise<SpaceScanStatus[]> {
  return (await send('GET', `/status${queryString({ spaces: spaceIds.join(',') })}`, scanStatusesSchema, { signal })).statuses;
}

type Waiting = { resolve: (status: SpaceScanStatus | null) => void; reject: (error: unknown) => void };
let waiting = new Map<string, Waiting[]>();
let flushing = false;

function flushStatuses() {
  flushing = false;
  const batch = waiting;
  waiting = new Map();
  const ids = [...batch.keys()];
  for (let start = 0; start < ids.length; start += SCAN_STATUS_SPACES_MAX) {
    const chunk = ids.slice(start, start + SCAN_STATUS_SPACES_MAX);
    getSpaceStatuses(chunk).then(
      (statuses) => {
        const byId = new Map(statuses.map((s) => [s.spaceId, s]));
        for (const id of chunk) for (const w of batch.get(id) ?? []) w.resolve(byId.get(id) ?? null);
      },
      (error: unknown) => {
        for (const id of chunk) for (const w of batch.get(id) ?? []) w.reject(error);
      },
    );
  }
}

/** One space's latest verdict; the rows asking in the same moment share one request. */
export function getSpaceStatus(spaceId: string): Promise<SpaceScanStatus | null> {
  const id = spaceId.toLowerCase();
  return new Promise((resolve, reject) => {
    const list = waiting.get(id) ?? [];
    list.push({ resolve, reject });
    waiting.set(id, list);
    if (!flushing) {
      flushing = true;
      setTimeout(flushStatuses, 0);
    }
  });
}

export const SCAN_RESULT_PAGE = 200;

export const scanQueries = {
  all: () => ['scans'] as const,
  lists: () => [...scanQueries.all(), 'list'] as const,
  list: (cluster?: string) =>
    queryOptions({ queryKey: [...scanQueries.lists(), { cluster }] as const, queryFn: ({ signal }) => listScans({ ...(cluster ? { cluster } : {}), limit: 50 }, signal) }),
  detail: (scanId: string) => queryOptions({ queryKey: [...scanQueries.all(), 'detail', scanId] as const, queryFn: ({ signal }) => getScan(scanId, signal) }),
  /** Page `index` of the results (SCAN_RESULT_PAGE rows each): any page can be read first, so a far jump costs one request. */
  resultPage: (filter: ScanResultFilter, order: ScanOrder, index: number) =>
    queryOptions({
      queryKey: [...scanQueries.all(), 'results', filter, order, index] as const,
      queryFn: ({ signal }) => listScanResults(filter, order, { offset: index * SCAN_RESULT_PAGE, limit: SCAN_RESULT_PAGE }, signal),
    }),
  facets: (scanIds: readonly string[]) =>
    queryOptions({ queryKey: [...scanQueries.all(), 'facets', [...scanIds]] as const, queryFn: ({ signal }) => getScanFacets(scanIds, signal) }),
  /** `asOf`: what the scan list last said of the scan (state, results), so a comparison read mid-scan is read again once the list moves on. */
  compare: (scanId: string, baseId: string, asOf = '') =>
    queryOptions({ queryKey: [...scanQueries.all(), 'compare', scanId, baseId, asOf] as const, queryFn: ({ signal }) => compareScans(scanId, baseId, signal) }),
  /** Under ['cms']: a space's verdict belongs to the cluster the session talks to, and a switch clears it. */
  spaceStatuses: () => ['cms', 'scan-status'] as const,
  spaceStatus: (spaceId: string) =>
    queryOptions({ queryKey: [...scanQueries.spaceStatuses(), spaceId.toLowerCase()] as const, queryFn: () => getSpaceStatus(spaceId) }),
};
