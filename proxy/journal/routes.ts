import type { IncomingMessage, ServerResponse } from 'node:http';
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
  type JournalErrorCode,
} from '../../src/api/wire/journal-contract';
import { sameOrigin } from '../guards';
import type { JournalIdentify } from './access';
import { exportCsv, exportJson } from './export';
import { JournalStoreError, type JournalStore, type Recorder } from './store';

const MAX_BODY_BYTES = 1024 * 1024;

export class JournalHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: JournalErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface JournalRoutesOptions {
  store: Promise<JournalStore>;
  identify: JournalIdentify;
  /** the header value the SPA sends with every call (forces a CORS preflight cross-site) */
  requestedBy: string;
  log?: (entry: { method: string; path: string; status: number; ms: number; target: string }) => void;
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8', extra: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function readJson(req: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return Promise.reject(new JournalHttpError(415, 'invalid', 'Journal requests carry JSON (Content-Type: application/json).'));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(new JournalHttpError(413, 'too-large', 'Journal requests over 1 MiB are refused.'));
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new JournalHttpError(400, 'invalid', 'The body is not JSON.'));
      }
    });
    req.on('error', reject);
  });
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new JournalHttpError(400, 'invalid', z.prettifyError(result.error));
  return result.data;
}

/** Query parameters as an object; an empty value is the same as an absent one (an emptied filter field). */
function queryObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (value !== '' && !(key in out)) out[key] = value;
  return out;
}

type Route = (match: string[], req: IncomingMessage, url: URL, store: JournalStore, recorder: Recorder) => Promise<{ status: number; body: string; type?: string; headers?: Record<string, string> }>;

const json = (status: number, value: unknown) => ({ status, body: JSON.stringify(value) });
const seqOf = (text: string | undefined) => parse(z.coerce.number().int().min(1), text);
const stamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

const routes: Array<{ method: string; path: RegExp; handle: Route }> = [
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

const STORE_CODES: Record<JournalStoreError['code'], number> = { 'not-found': 404, conflict: 409, invalid: 400 };

/**
 * /studio/journal/…: the change journal over HTTP, behind the same guards as the CMS API (the Host
 * allow-list runs before this), plus X-Requested-By on every call and, in sign-in mode, credentials
 * CMS accepts. Bodies and their passcodes are never logged.
 */
export function createJournalRoutes(options: JournalRoutesOptions) {
  let unavailable: string | undefined;
  options.store.catch((error: unknown) => {
    unavailable = error instanceof Error ? error.message : String(error);
  });

  async function answer(req: IncomingMessage, url: URL): Promise<{ status: number; body: string; type?: string; headers?: Record<string, string>; target: string }> {
    const method = req.method ?? 'GET';
    if (!sameOrigin(req.headers, method)) throw new JournalHttpError(403, 'forbidden', 'Requests from other sites are refused.');
    if (req.headers['x-requested-by'] !== options.requestedBy) {
      throw new JournalHttpError(403, 'forbidden', `Journal calls must carry X-Requested-By: ${options.requestedBy}.`);
    }
    const verdict = await options.identify(req.headers);
    if (!verdict.ok) throw new JournalHttpError(verdict.status, verdict.code, verdict.message);
    const sub = url.pathname.slice(JOURNAL_PREFIX.length);
    const matching = routes.filter((route) => route.path.test(sub));
    if (matching.length === 0) throw new JournalHttpError(404, 'not-found', 'No such journal endpoint.');
    const route = matching.find((r) => r.method === method);
    if (!route) throw new JournalHttpError(405, 'invalid', `${method} is not allowed here.`);
    if (unavailable !== undefined) throw new JournalHttpError(503, 'unavailable', `The change journal is not available: ${unavailable}`);
    const store = await options.store;
    const match = route.path.exec(sub)!.slice(1);
    return { ...(await route.handle(match, req, url, store, verdict.recorder)), target: verdict.recorder.cluster };
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://studio.invalid');
    let status = 500;
    let target = '-';
    try {
      const result = await answer(req, url);
      status = result.status;
      target = result.target;
      send(res, result.status, result.body, result.type, result.headers);
    } catch (error) {
      const known =
        error instanceof JournalHttpError
          ? error
          : error instanceof JournalStoreError
            ? new JournalHttpError(STORE_CODES[error.code], error.code, error.message)
            : undefined;
      // Anything else is the store failing (disk, PostgreSQL down): the engine must not write to CMS then.
      const answered = known ?? new JournalHttpError(503, 'unavailable', 'The change journal could not be read or written; try again.');
      if (!known) console.error(`journal: ${req.method} ${url.pathname}: ${error instanceof Error ? error.message : String(error)}`);
      status = answered.status;
      if (res.headersSent) res.destroy();
      else send(res, answered.status, JSON.stringify({ error: answered.message, code: answered.code }), undefined, status === 405 ? { Allow: 'GET, POST' } : {});
    } finally {
      options.log?.({ method: req.method ?? '-', path: `${url.pathname}${url.search}`, status, ms: performance.now() - started, target });
    }
  };
}
