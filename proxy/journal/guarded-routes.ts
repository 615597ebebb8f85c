import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { JournalErrorCode } from '../../src/api/wire/journal-contract';
import { sameOrigin } from '../guards';
import type { JournalIdentify } from './access';
import { JournalStoreError, type Recorder } from './store';

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

export interface Answer {
  status: number;
  body: string;
  type?: string;
  headers?: Record<string, string>;
}

export type Route<S> = (match: string[], req: IncomingMessage, url: URL, store: S, recorder: Recorder) => Promise<Answer>;
export type RouteTable<S> = ReadonlyArray<{ method: string; path: RegExp; handle: Route<S> }>;

export interface GuardedRoutesOptions<S> {
  /** `/studio/journal`: the route paths are matched on what follows it */
  prefix: string;
  /** what the endpoints are, in error sentences: "journal", "scan" */
  noun: string;
  routes: RouteTable<S>;
  store: Promise<S>;
  identify: JournalIdentify;
  /** the header value the SPA sends with every call (forces a CORS preflight cross-site) */
  requestedBy: string;
  log?: (entry: { method: string; path: string; status: number; ms: number; target: string }) => void;
}

export function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8', extra: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

export function readJson(req: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return Promise.reject(new JournalHttpError(415, 'invalid', 'Requests to the studio’s database carry JSON (Content-Type: application/json).'));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(new JournalHttpError(413, 'too-large', 'Requests over 1 MiB are refused.'));
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

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new JournalHttpError(400, 'invalid', z.prettifyError(result.error));
  return result.data;
}

/** Query parameters as an object; an empty value is the same as an absent one (an emptied filter field). */
export function queryObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (value !== '' && !(key in out)) out[key] = value;
  return out;
}

export const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });
export const stamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

const STORE_CODES: Record<JournalStoreError['code'], number> = { 'not-found': 404, conflict: 409, invalid: 400 };

/**
 * A table of routes under `prefix`, behind the same guards as the CMS API (the Host allow-list runs
 * before this), plus X-Requested-By on every call and, in sign-in mode, credentials CMS accepts.
 * Bodies and their passcodes are never logged.
 */
export function createGuardedRoutes<S>(options: GuardedRoutesOptions<S>) {
  let unavailable: string | undefined;
  options.store.catch((error: unknown) => {
    unavailable = error instanceof Error ? error.message : String(error);
  });

  async function answer(req: IncomingMessage, url: URL): Promise<Answer & { target: string }> {
    const method = req.method ?? 'GET';
    if (!sameOrigin(req.headers, method)) throw new JournalHttpError(403, 'forbidden', 'Requests from other sites are refused.');
    if (req.headers['x-requested-by'] !== options.requestedBy) {
      throw new JournalHttpError(403, 'forbidden', `Calls to the ${options.noun} must carry X-Requested-By: ${options.requestedBy}.`);
    }
    const verdict = await options.identify(req.headers);
    if (!verdict.ok) throw new JournalHttpError(verdict.status, verdict.code, verdict.message);
    const sub = url.pathname.slice(options.prefix.length);
    const matching = options.routes.filter((route) => route.path.test(sub));
    if (matching.length === 0) throw new JournalHttpError(404, 'not-found', `No such ${options.noun} endpoint.`);
    const route = matching.find((r) => r.method === method);
    if (!route) throw new JournalHttpError(405, 'invalid', `${method} is not allowed here.`);
    if (unavailable !== undefined) throw new JournalHttpError(503, 'unavailable', `The ${options.noun} is not available: ${unavailable}`);
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
      const answered = known ?? new JournalHttpError(503, 'unavailable', `The ${options.noun} could not be read or written; try again.`);
      if (!known) console.error(`${options.noun}: ${req.method} ${url.pathname}: ${error instanceof Error ? error.message : String(error)}`);
      status = answered.status;
      if (res.headersSent) res.destroy();
      else send(res, answered.status, JSON.stringify({ error: answered.message, code: answered.code }), undefined, status === 405 ? { Allow: 'GET, POST' } : {});
    } finally {
      options.log?.({ method: req.method ?? '-', path: `${url.pathname}${url.search}`, status, ms: performance.now() - started, target });
    }
  };
}
