import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import {
  finishScanSchema,
  scanCompareQuerySchema,
  scanIdSchema,
  scanResultFilterSchema,
  scanResultListQuerySchema,
  scanResultsBatchSchema,
  SCANS_PREFIX,
  scanStatusQuerySchema,
  startScanSchema,
} from '../../src/api/wire/scan-contract';
import type { JournalIdentify } from './access';
import { createGuardedRoutes, json, JournalHttpError, parse, queryObject, readJson, stamp, type GuardedRoutesOptions, type RouteTable } from './guarded-routes';
import { exportScanCsv, exportScanJson } from './scan-export';
import type { ScanStore } from './scan-store';
import { JournalStoreError } from './store';

export interface ScanRoutesOptions {
  store: Promise<ScanStore>;
  identify: JournalIdentify;
  requestedBy: string;
  log?: GuardedRoutesOptions<ScanStore>['log'];
}

const ID = '([0-9a-f-]{36})';
const listQuerySchema = z.object({ cluster: z.string().min(1).max(120).optional(), limit: z.coerce.number().int().min(1).max(200).default(20) });
const facetsQuerySchema = scanResultFilterSchema.pick({ scans: true });

function leaseToken(req: IncomingMessage): string {
  const token = req.headers['x-scan-lease'];
  if (typeof token !== 'string' || token === '') throw new JournalHttpError(400, 'invalid', 'Only the tab holding the scan’s lease writes to it (X-Scan-Lease).');
  return token;
}

async function scanOr404(store: ScanStore, id: string | undefined) {
  const scan = await store.get(parse(scanIdSchema, id));
  if (!scan) throw new JournalStoreError('not-found', `No scan ${id}.`);
  return scan;
}

const routes: RouteTable<ScanStore> = [
  {
    method: 'GET',
    path: /^\/?$/,
    handle: async (_m, _req, url, store) => json(200, { scans: await store.list(parse(listQuerySchema, queryObject(url.searchParams))) }),
  },
  {
    method: 'POST',
    path: /^\/?$/,
    handle: async (_m, req, _url, store, recorder) => {
      const { scan, lease, created } = await store.start(parse(startScanSchema, await readJson(req)), recorder);
      return json(created ? 201 : 200, { scan, ...(lease ? { lease } : {}) });
    },
  },
  {
    method: 'GET',
    path: /^\/results$/,
    handle: async (_m, _req, url, store) => {
      const { sort, dir, offset, limit, ...filter } = parse(scanResultListQuerySchema, queryObject(url.searchParams));
      return json(200, await store.results(filter, { sort, ...(dir ? { dir } : {}) }, { offset, limit }));
    },
  },
  {
    method: 'GET',
    path: /^\/results\/selection$/,
    handle: async (_m, _req, url, store) => json(200, await store.selection(parse(scanResultFilterSchema, queryObject(url.searchParams)))),
  },
  {
    method: 'GET',
    path: /^\/facets$/,
    handle: async (_m, _req, url, store) => json(200, await store.facets(parse(facetsQuerySchema, queryObject(url.searchParams)).scans)),
  },
  {
    method: 'GET',
    path: /^\/compare$/,
    handle: async (_m, _req, url, store) => {
      const { scan, base } = parse(scanCompareQuerySchema, queryObject(url.searchParams));
      return json(200, await store.compare(scan, base));
    },
  },
  {
    method: 'GET',
    path: /^\/status$/,
    handle: async (_m, _req, url, store, recorder) =>
      json(200, { statuses: await store.latestStatuses(recorder.cluster, parse(scanStatusQuerySchema, queryObject(url.searchParams)).spaces) }),
  },
  {
    method: 'GET',
    path: /^\/export\.(json|csv)$/,
    handle: async ([format], _req, url, store) => {
      const { sort, dir, offset: _offset, limit: _limit, ...filter } = parse(scanResultListQuerySchema, queryObject(url.searchParams));
      void _offset;
      void _limit;
      const order = { sort, ...(dir ? { dir } : {}) };
      const now = new Date();
      const headers = { 'Content-Disposition': `attachment; filename="cms-studio-audit-${stamp(now)}.${format}"` };
      return format === 'csv'
        ? { status: 200, body: await exportScanCsv(store, filter, order), type: 'text/csv; charset=utf-8', headers }
        : { status: 200, body: await exportScanJson(store, filter, order, now), headers };
    },
  },
  { method: 'GET', path: new RegExp(`^/${ID}$`), handle: async ([id], _req, _url, store) => json(200, await scanOr404(store, id)) },
  {
    method: 'GET',
    path: new RegExp(`^/${ID}/done$`),
    handle: async ([id], _req, _url, store) => json(200, { spaceIds: await store.doneSpaceIds((await scanOr404(store, id)).id) }),
  },
  {
    method: 'POST',
    path: new RegExp(`^/${ID}/lease$`),
    handle: async ([id], req, _url, store, recorder) => json(200, await store.heartbeat(parse(scanIdSchema, id), leaseToken(req), recorder)),
  },
  {
    method: 'POST',
    path: new RegExp(`^/${ID}/results$`),
    handle: async ([id], req, _url, store, recorder) =>
      json(200, await store.addResults(parse(scanIdSchema, id), leaseToken(req), parse(scanResultsBatchSchema, await readJson(req)), recorder)),
  },
  {
    method: 'POST',
    path: new RegExp(`^/${ID}/finish$`),
    handle: async ([id], req, _url, store, recorder) =>
      json(200, await store.finish(parse(scanIdSchema, id), leaseToken(req), parse(finishScanSchema, await readJson(req)), recorder)),
  },
];

/** /studio/scans…: the fleet audit's scans over HTTP, behind the journal's guards. */
export function createScanRoutes(options: ScanRoutesOptions) {
  return createGuardedRoutes({ ...options, prefix: SCANS_PREFIX, noun: 'scan store', routes });
}
