import type { z } from 'zod';
import { basicAuthHeader, type CredentialsProvider } from './credentials';
import { CmsError, type CmsFailure, type HttpMethod } from './errors';
import { parseFailureDetails } from './failure-details';
import { encodeParams, type WireParams } from '../wire/form-encoding';
import { PROXY_PROBLEM_HEADER, readProxyProblem } from '../wire/proxy-problem';
import { REQUESTED_BY, REQUESTED_BY_HEADER } from '../wire/requested-by';
import { AnswerTooLarge, DEFAULT_MAX_ANSWER_BYTES, readAnswerText } from './read-answer';
import { attribute, children, flatten, parseXml, XmlFormatError, type XmlDocument, type XmlNode } from '../wire/xml';

export type { HttpMethod } from './errors';
export type { WireParams } from '../wire/form-encoding';


export interface RetryOptions {
  /** Total sends, the first one included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** One HTTP exchange (each retry is its own), for the API console; never carries credentials. */
export interface CmsExchange {
  method: HttpMethod;
  path: string;
  query: Record<string, string>;
  form?: Record<string, string>;
  attempt: number;
  status?: number;
  durationMs: number;
  failures: CmsFailure[];
  error?: CmsError;
}

export interface CmsClientOptions {
  /** Origin (and prefix) in front of `/api/v1`; `''` means the page's own origin. */
  baseUrl?: string;
  credentials?: CredentialsProvider;
  /** Extra headers per request, e.g. `X-CMS-Target` naming the cluster the proxy should use. */
  headers?: () => Record<string, string>;
  fetch?: typeof fetch;
  /** Per send: the back-off between 503 retries does not count. */
  timeoutMs?: number;
  retry?: RetryOptions;
  onExchange?: (exchange: CmsExchange) => void;
  /** The largest answer read; anything larger is refused unread (default 8 MiB). */
  maxAnswerBytes?: number;
  /** The largest collection `total` believed (default 1,000,000). */
  maxTotal?: number;
}

export interface CmsRequest {
  method: HttpMethod;
  /** Relative to `/api/v1` (`/coSpaces`, `coSpaces/<id>`); a full `/api/v1/...` path (a Location) works too. */
  path: string;
  query?: WireParams;
  form?: WireParams;
  signal?: AbortSignal;
  timeoutMs?: number;
  /**
   * A POST that changes nothing (`/uriUsageQuery`, `/accessQuery`) may be sent again after a 503.
   * Any other POST never is: CMS may have applied it before answering 503, and a second send would
   * create a duplicate. The change engine reads CMS to learn whether it took effect instead.
   */
  readOnlyPost?: boolean;
}

export interface CmsResponse {
  status: number;
  headers: Headers;
  text: string;
  xml?: XmlDocument;
  location?: string;
}

export interface CmsCollection<T> {
  total: number;
  items: T[];
}

export interface CollectionRequest<S extends z.ZodType> {
  /** The element name of one entry: `coSpace` in `<coSpaces><coSpace/></coSpaces>`. */
  item: string;
  schema: S;
  query?: WireParams;
  signal?: AbortSignal;
}

export interface CmsClient {
  request(request: CmsRequest): Promise<CmsResponse>;
  get<S extends z.ZodType>(path: string, schema: S, query?: WireParams, signal?: AbortSignal): Promise<z.output<S>>;
  getCollection<S extends z.ZodType>(path: string, request: CollectionRequest<S>): Promise<CmsCollection<z.output<S>>>;
  /** POSTs and answers the new object's id, read from `Location`. */
  create(path: string, form: WireParams, signal?: AbortSignal): Promise<string>;
  update(path: string, form: WireParams, signal?: AbortSignal): Promise<void>;
  remove(path: string, signal?: AbortSignal): Promise<void>;
}

export const API_PREFIX = '/api/v1';
const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * Far more objects of one kind than any CMS holds (large deployments have tens of thousands of
 * spaces). A larger total is a broken or hostile CMS; paging through it would exhaust the tab.
 */
export const DEFAULT_MAX_TOTAL = 1_000_000;
const DEFAULT_RETRY: RetryOptions = { attempts: 4, baseDelayMs: 250, maxDelayMs: 4000 };

/** `coSpaces/x`, `/coSpaces/x` and `/api/v1/coSpaces/x` all become `/api/v1/coSpaces/x`. */
export function apiPath(path: string): string {
  if (/[?#]/.test(path)) throw new TypeError(`Put query parameters in "query", not in the path: ${path}`);
  const trimmed = path.replace(/^\/+/, '');
  if (/^api\/v1(\/|$)/i.test(trimmed)) return `/${trimmed}`;
  return trimmed === '' ? API_PREFIX : `${API_PREFIX}/${trimmed}`;
}

function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function backoffMs(retry: RetryOptions, attempt: number, retryAfter: number | undefined): number {
  if (retryAfter !== undefined) return Math.min(retryAfter, retry.maxDelayMs);
  // Full jitter: spreads the retries of many clients so they do not hit a busy CMS in step.
  return Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node's fetch says only "fetch failed"; the useful part (ECONNREFUSED, certificate…) is the cause.
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause && cause !== error.message ? `${error.message} (${cause})` : error.message;
}

function sleep(ms: number, signal: AbortSignal | undefined, aborted: () => CmsError): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(aborted());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function answerTooLarge(error: AnswerTooLarge, method: HttpMethod, path: string, status: number): CmsError {
  const size = error.declaredBytes === undefined ? 'more than' : `${error.declaredBytes.toLocaleString('en')} bytes, more than`;
  return new CmsError({
    kind: 'badResponse',
    method,
    path,
    status,
    message: `The answer to ${method} ${path} is ${size} the ${error.limit.toLocaleString('en')} bytes the studio reads; no CMS page is that large, so it was not read.`,
  });
}

function issueText(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** What every request of one client shares. */
interface Sender {
  options: CmsClientOptions;
  baseUrl: string;
  retry: RetryOptions;
  attempts: number;
  report: (exchange: CmsExchange) => void;
  maxAnswerBytes: number;
}

interface Attempt {
  sender: Sender;
  method: HttpMethod;
  path: string;
  url: string;
  form: URLSearchParams | undefined;
  signal: AbortSignal | undefined;
  timeoutMs: number;
}

/** GET, PUT and DELETE give the same result when sent twice; a POST that creates does not. */
function mayResend(req: CmsRequest): boolean {
  return req.method !== 'POST' || req.readOnlyPost === true;
}

/**
 * One send: headers and credentials, the timeout, the caller's abort; answers the response and its
 * text. Fails only with a CmsError: aborted, timeout, network (no answer), truncated (the answer
 * broke off: CMS may have acted) or badResponse (larger than the studio reads).
 */
async function sendOnce(a: Attempt): Promise<{ response: Response; text: string }> {
  const { sender, method, path, signal, timeoutMs } = a;
  const { options } = sender;
  const headers = new Headers({ Accept: 'text/xml', ...options.headers?.(), [REQUESTED_BY_HEADER]: REQUESTED_BY });
  const credentials = options.credentials?.();
  if (credentials) headers.set('Authorization', basicAuthHeader(credentials));
  if (a.form !== undefined) headers.set('Content-Type', 'application/x-www-form-urlencoded');

  const controller = new AbortController();
  let stoppedBy: 'caller' | 'timeout' | undefined;
  const onCallerAbort = () => {
    stoppedBy ??= 'caller';
    controller.abort(signal?.reason);
  };
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = setTimeout(() => {
    stoppedBy ??= 'timeout';
    controller.abort(new DOMException(`No answer within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  const stopped = (error: unknown): CmsError | undefined => {
    if (stoppedBy === 'caller') return new CmsError({ kind: 'aborted', method, path });
    if (stoppedBy === 'timeout') return new CmsError({ kind: 'timeout', method, path, timeoutMs, cause: error });
    return undefined;
  };
  try {
    let response: Response;
    try {
      // Read into a local first: calling it as `options.fetch(...)` is an "Illegal invocation" in browsers.
      const fetchImpl = options.fetch ?? globalThis.fetch;
      response = await fetchImpl(a.url, {
        method,
        headers,
        ...(a.form === undefined ? {} : { body: a.form.toString() }),
        signal: controller.signal,
      });
    } catch (error) {
      throw stopped(error) ?? new CmsError({ kind: 'network', method, path, reason: describeCause(error), cause: error });
    }
    try {
      return { response, text: await readAnswerText(response, sender.maxAnswerBytes) };
    } catch (error) {
      if (error instanceof AnswerTooLarge) throw answerTooLarge(error, method, path, response.status);
      throw stopped(error) ?? new CmsError({ kind: 'truncated', method, path, status: response.status, reason: describeCause(error), cause: error });
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** A 2xx answer: its XML parsed (an empty body has none), its Location kept. */
function answerOf(a: Attempt, response: Response, text: string): CmsResponse {
  const { status } = response;
  let xml: XmlDocument | undefined;
  if (text.trim() !== '') {
    try {
      xml = parseXml(text);
    } catch (error) {
      const reason = /^\s*<(!doctype html|html)/i.test(text) ? 'it is an HTML page' : error instanceof XmlFormatError ? error.message : String(error);
      throw new CmsError({ kind: 'badResponse', method: a.method, path: a.path, status, reason, cause: error });
    }
  }
  const location = response.headers.get('Location') ?? undefined;
  return {
    status,
    headers: response.headers,
    text,
    ...(xml === undefined ? {} : { xml }),
    ...(location === undefined ? {} : { location }),
  };
}

/** Sends a request, again after a 503 (with back-off), reporting every exchange. */
async function sendRequest(sender: Sender, req: CmsRequest): Promise<CmsResponse> {
  const { method, signal } = req;
  const path = apiPath(req.path);
  if (req.form !== undefined && method === 'GET') throw new TypeError('A GET cannot carry a form; use query.');
  const query = encodeParams(req.query);
  const form = req.form === undefined ? undefined : encodeParams(req.form);
  const queryText = query.toString();
  const a: Attempt = {
    sender,
    method,
    path,
    url: `${sender.baseUrl}${path}${queryText === '' ? '' : `?${queryText}`}`,
    form,
    signal,
    timeoutMs: req.timeoutMs ?? sender.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  const queryRecord = Object.fromEntries(query);
  const formRecord = form === undefined ? undefined : Object.fromEntries(form);
  const aborted = () => new CmsError({ kind: 'aborted', method, path });

  // A 503 may come after CMS applied the write (a proxy or CMS itself timing out), so only
  // requests that are safe to repeat are sent again; a POST's fate is settled by a read.
  const attempts = mayResend(req) ? sender.attempts : 1;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw aborted();
    const started = Date.now();
    const exchange = (fields: Partial<CmsExchange>): CmsExchange => ({
      method,
      path,
      query: queryRecord,
      ...(formRecord === undefined ? {} : { form: formRecord }),
      attempt,
      durationMs: Date.now() - started,
      failures: [],
      ...fields,
    });
    const fail = (error: unknown): unknown => {
      if (error instanceof CmsError) sender.report(exchange({ status: error.status, failures: error.failures, error }));
      return error;
    };

    let sent: { response: Response; text: string };
    try {
      sent = await sendOnce(a);
    } catch (error) {
      throw fail(error);
    }
    const { response, text } = sent;
    const { status } = response;
    if (status >= 200 && status < 300) {
      let answer: CmsResponse;
      try {
        answer = answerOf(a, response, text);
      } catch (error) {
        throw fail(error);
      }
      sender.report(exchange({ status }));
      return answer;
    }

    const problem = readProxyProblem(response.headers.get(PROXY_PROBLEM_HEADER), status, text);
    if (problem) throw fail(new CmsError({ kind: 'proxy', method, path, status, problem }));
    const failures = parseFailureDetails(text);
    if (status === 503 && attempt < attempts) {
      sender.report(exchange({ status, failures }));
      const wait = backoffMs(sender.retry, attempt, retryAfterMs(response.headers.get('Retry-After'), Date.now()));
      await sleep(wait, signal, aborted);
      continue;
    }
    const kind = status === 401 ? 'unauthorized' : status === 404 ? 'notFound' : status === 503 ? 'busy' : 'http';
    throw fail(new CmsError({ kind, method, path, status, failures, attempts: attempt }));
  }
}

export function createCmsClient(options: CmsClientOptions = {}): CmsClient {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(baseUrl)) {
    throw new TypeError('The CMS base URL must not contain a user name or password; pass credentials instead.');
  }
  const retry = options.retry ?? DEFAULT_RETRY;
  const attempts = Math.max(1, Math.floor(retry.attempts));

  function report(exchange: CmsExchange): void {
    try {
      options.onExchange?.(exchange);
    } catch {
      // A broken console listener must not turn a good CMS answer into a failure.
    }
  }

  const maxAnswerBytes = options.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES;
  const maxTotal = options.maxTotal ?? DEFAULT_MAX_TOTAL;
  const request = (req: CmsRequest): Promise<CmsResponse> => sendRequest({ options, baseUrl, retry, attempts, report, maxAnswerBytes }, req);

  function readObject<S extends z.ZodType>(schema: S, node: XmlNode, element: string, method: HttpMethod, path: string): z.output<S> {
    const parsed = schema.safeParse(flatten(node));
    if (parsed.success) return parsed.data;
    const id = attribute(node, 'id');
    throw new CmsError({
      kind: 'badResponse',
      method,
      path,
      status: 200,
      message: `CMS answered a <${element}>${id === undefined ? '' : ` (id ${id})`} that the studio cannot read: ${issueText(parsed.error)}.`,
      cause: parsed.error,
    });
  }

  function emptyBody(method: HttpMethod, path: string, expected: string): CmsError {
    return new CmsError({
      kind: 'badResponse',
      method,
      path: apiPath(path),
      status: 200,
      message: `CMS answered ${method} ${apiPath(path)} with an empty body where ${expected} was expected.`,
    });
  }

  return {
    request,

    async get(path, schema, query, signal) {
      const { xml } = await request({ method: 'GET', path, query, signal });
      if (xml === undefined) throw emptyBody('GET', path, 'an object');
      return readObject(schema, xml.node, xml.root, 'GET', apiPath(path));
    },

    async getCollection(path, { item, schema, query, signal }) {
      const { xml } = await request({ method: 'GET', path, query, signal });
      if (xml === undefined) throw emptyBody('GET', path, 'a collection');
      const totalText = attribute(xml.node, 'total');
      const total = totalText !== undefined && /^\d+$/.test(totalText.trim()) ? Number(totalText) : undefined;
      if (total === undefined) {
        throw new CmsError({
          kind: 'badResponse',
          method: 'GET',
          path: apiPath(path),
          status: 200,
          message: `CMS answered a <${xml.root}> without a valid total (${totalText === undefined ? 'none' : `"${totalText}"`}).`,
        });
      }
      if (total > maxTotal) {
        throw new CmsError({
          kind: 'badResponse',
          method: 'GET',
          path: apiPath(path),
          status: 200,
          message: `CMS answered a <${xml.root}> with total="${totalText!.length > 24 ? `${totalText!.slice(0, 24)}…` : totalText}", far more than any CMS holds (the studio lists at most ${maxTotal.toLocaleString('en')}), so it was not listed.`,
        });
      }
      const items = children(xml.node, item).map((node) => readObject(schema, node, item, 'GET', apiPath(path)));
      return { total, items };
    },

    async create(path, form, signal) {
      const { location } = await request({ method: 'POST', path, form, signal });
      const id = location?.replace(/\/+$/, '').split('/').pop();
      if (id === undefined || id === '') {
        throw new CmsError({
          kind: 'badResponse',
          method: 'POST',
          path: apiPath(path),
          status: 200,
          message: `CMS accepted POST ${apiPath(path)} but its answer has no Location, so the new object's id is unknown.`,
        });
      }
      return id;
    },

    async update(path, form, signal) {
      await request({ method: 'PUT', path, form, signal });
    },

    async remove(path, signal) {
      await request({ method: 'DELETE', path, signal });
    },
  };
}
