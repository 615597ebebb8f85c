import { z } from 'zod';
import {
  finishRunSchema,
  JOURNAL_PREFIX,
  maskJournalWrite,
  newRunSchema,
  reconciliationSchema,
  runFilterSchema,
  runListQuerySchema,
  writeAnswerSchema,
  writeIntentSchema,
} from '../../src/api/wire/journal-contract';
import type { JournalIdentify } from './access';
import { exportCsv, exportJson } from './export';
import { createGuardedRoutes, json, parse, queryObject, readJson, stamp, type GuardedRoutesOptions, type RouteTable } from './guarded-routes';
import { JournalStoreError, type JournalStore } from './store';

export interface JournalRoutesOptions {
  store: Promise<JournalStore>;
  identify: JournalIdentify;
  requestedBy: string;
  log?: GuardedRoutesOptions<JournalStore>['log'];
}

const seqOf = (text: string | undefined) => parse(z.coerce.number().int().min(1), text);

const routes: RouteTable<JournalStore> = [
  {
    method: 'GET',
    path: /^\/runs$/,
    handle: async (_m, _req, url, store) => {
      const { cursor, limit, ...filter } = parse(runListQuerySchema, queryObject(url.searchParams));
      return json(200, await store.listRuns(filter, { limit, ...(cursor ? { cursor } : {}) }));
    },
  },
  {
    method: 'POST',
    path: /^\/runs$/,
    handle: async (_m, req, _url, store, recorder) => {
      const { run, created } = await store.createRun(parse(newRunSchema, await readJson(req)), recorder);
      return json(created ? 201 : 200, run);
    },
  },
  {
    method: 'GET',
    path: /^\/runs\/([0-9a-f-]{36})$/,
    handle: async ([runId], _req, url, store) => {
      const detail = await store.runDetail(parse(z.string().uuid(), runId));
      if (!detail) throw new JournalStoreError('not-found', `No run ${runId} in the journal.`);
      const reveal = ['1', 'true'].includes(url.searchParams.get('reveal') ?? '');
      return json(200, { run: detail.run, writes: reveal ? detail.writes : detail.writes.map(maskJournalWrite), revealed: reveal });
    },
  },
  {
    method: 'POST',
    path: /^\/runs\/([0-9a-f-]{36})\/writes$/,
    handle: async ([runId], req, _url, store, recorder) => {
      const { write, created } = await store.appendIntent(runId!, parse(writeIntentSchema, await readJson(req)), recorder);
      return json(created ? 201 : 200, maskJournalWrite(write));
    },
  },
  {
    method: 'POST',
    path: /^\/runs\/([0-9a-f-]{36})\/writes\/(\d+)\/outcome$/,
    handle: async ([runId, seq], req, _url, store, recorder) =>
      json(200, maskJournalWrite(await store.recordAnswer(runId!, seqOf(seq), parse(writeAnswerSchema, await readJson(req)), recorder))),
  },
  {
    method: 'POST',
    path: /^\/runs\/([0-9a-f-]{36})\/writes\/(\d+)\/reconciliation$/,
    handle: async ([runId, seq], req, _url, store, recorder) =>
      json(200, maskJournalWrite(await store.recordReconciliation(runId!, seqOf(seq), parse(reconciliationSchema, await readJson(req)), recorder))),
  },
  {
    method: 'POST',
    path: /^\/runs\/([0-9a-f-]{36})\/finish$/,
    handle: async ([runId], req, _url, store, recorder) => json(200, await store.finishRun(runId!, parse(finishRunSchema, await readJson(req)).state, recorder)),
  },
  {
    method: 'POST',
    path: /^\/runs\/([0-9a-f-]{36})\/reopen$/,
    handle: async ([runId], _req, _url, store, recorder) => json(200, await store.reopenRun(runId!, recorder)),
  },
  { method: 'GET', path: /^\/facets$/, handle: async (_m, _req, _url, store) => json(200, await store.facets()) },
  {
    method: 'GET',
    path: /^\/export\.(json|csv)$/,
    handle: async ([format], _req, url, store) => {
      const filter = parse(runFilterSchema, queryObject(url.searchParams));
      const now = new Date();
      const filename = `cms-studio-journal-${stamp(now)}.${format}`;
      const headers = { 'Content-Disposition': `attachment; filename="${filename}"` };
      return format === 'csv'
        ? { status: 200, body: await exportCsv(store, filter), type: 'text/csv; charset=utf-8', headers }
        : { status: 200, body: await exportJson(store, filter, now), headers };
    },
  },
];

/** /studio/journal/…: the change journal over HTTP, behind the guards of createGuardedRoutes. */
export function createJournalRoutes(options: JournalRoutesOptions) {
  return createGuardedRoutes({ ...options, prefix: JOURNAL_PREFIX, noun: 'change journal', routes });
}
