import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { REQUESTED_BY } from '../wire/requested-by';
import { getSession, sessionCredentials } from '../transport/session';
import { basicAuthHeader } from '../transport/credentials';
import {
  JOURNAL_PREFIX,
  journalErrorBodySchema,
  journalFacetsSchema,
  journalRunSchema,
  journalWriteSchema,
  runDetailSchema,
  runPageSchema,
  type FinalRunState,
  type JournalErrorCode,
  type JournalRun,
  type JournalWrite,
  type Reconciliation,
  type RunDetail,
  type RunFilter,
  type RunOrigin,
  type RunPage,
  type SpaceRef,
  type WriteAnswer,
  type WriteIntent,
} from '../wire/journal-contract';

/**
 * unavailable: the journal could not be reached or could not store (network, 5xx); the change
 * engine must not send a CMS write whose intent it could not record. unauthorized: sign in again.
 * conflict: the run or write already holds something else. The others are programming errors.
 */
export type JournalErrorKind = 'unavailable' | 'unauthorized' | 'forbidden' | 'conflict' | 'not-found' | 'invalid' | 'bad-response';

export class JournalError extends Error {
  override readonly name = 'JournalError';
  constructor(
    readonly kind: JournalErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export const isJournalError = (error: unknown): error is JournalError => error instanceof JournalError;

const KIND_OF_CODE: Record<JournalErrorCode, JournalErrorKind> = {
  invalid: 'invalid',
  'too-large': 'invalid',
  'not-found': 'not-found',
  conflict: 'conflict',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  unavailable: 'unavailable',
};

interface JournalClientOptions {
  /** origin in front of `/studio/journal`; '' = the page's own origin */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** sends per call; every journal call is safe to repeat (client-chosen run ids, numbered writes) */
  attempts?: number;
  retryDelayMs?: number;
}

let clientOptions: JournalClientOptions = {};

/** Tests point the client at a studio (`baseUrl`) or speed up retries; the app uses the page's origin. */
export function configureJournalClient(options: JournalClientOptions = {}): void {
  clientOptions = options;
}

function headers(body: boolean): Record<string, string> {
  const credentials = sessionCredentials.get();
  const target = getSession().target;
  return {
    Accept: 'application/json',
    'X-Requested-By': REQUESTED_BY,
    ...(body ? { 'Content-Type': 'application/json' } : {}),
    ...(credentials ? { Authorization: basicAuthHeader(credentials) } : {}),
    ...(target ? { 'X-CMS-Target': target } : {}),
  };
}

async function refusal(response: Response, what: string): Promise<JournalError> {
  const parsed = journalErrorBodySchema.safeParse(await response.json().catch(() => undefined));
  if (parsed.success) return new JournalError(KIND_OF_CODE[parsed.data.code], parsed.data.error, response.status);
  const kind: JournalErrorKind = response.status >= 500 ? 'unavailable' : response.status === 401 ? 'unauthorized' : 'invalid';
  return new JournalError(kind, `${what} answered ${response.status}.`, response.status);
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sendRaw(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
  const url = `${(clientOptions.baseUrl ?? '').replace(/\/+$/, '')}${JOURNAL_PREFIX}${path}`;
  const fetchImpl = clientOptions.fetch ?? globalThis.fetch;
  const attempts = Math.max(1, clientOptions.attempts ?? 3);
  const what = `The change journal (${method} ${JOURNAL_PREFIX}${path.replace(/\?.*$/, '')})`;
  for (let attempt = 1; ; attempt++) {
    let response: Response | undefined;
    let failure: JournalError;
    try {
      response = await fetchImpl(url, {
        method,
        headers: headers(body !== undefined),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(signal ? { signal } : {}),
      });
      if (response.ok) return response;
      failure = await refusal(response, what);
    } catch (error) {
      if (signal?.aborted) throw error;
      failure = new JournalError('unavailable', `${what} could not be reached (${error instanceof Error ? error.message : String(error)}).`);
    }
    const transient = failure.kind === 'unavailable' && (response === undefined || [502, 503, 504].includes(response.status));
    if (!transient || attempt >= attempts) throw failure;
    await wait((clientOptions.retryDelayMs ?? 250) * 2 ** (attempt - 1));
  }
}

async function send<S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S, body?: unknown, signal?: AbortSignal): Promise<z.output<S>> {
  const response = await sendRaw(method, path, body, signal);
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    throw new JournalError('bad-response', `The change journal answered ${method} ${path} with an unexpected body: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** A random v4 UUID; crypto.randomUUID exists only on secure pages, getRandomValues everywhere. */
function newRunId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const runPath = (runId: string, rest = '') => `/runs/${encodeURIComponent(runId)}${rest}`;

/** Starts a run; the server records the cluster, the CMS user and the time. Answers the run's id. */
export async function beginRun(origin: RunOrigin, title: string, spaces: SpaceRef[] = [], signal?: AbortSignal): Promise<string> {
  const run = await send('POST', '/runs', journalRunSchema, { id: newRunId(), origin, title, spaces }, signal);
  return run.id;
}

/** Stores a write before it is sent. If this rejects, the write must not be sent. */
export function recordIntent(runId: string, intent: WriteIntent, signal?: AbortSignal): Promise<JournalWrite> {
  return send('POST', runPath(runId, '/writes'), journalWriteSchema, intent, signal);
}

/** Stores how CMS answered write `seq` (applied 2xx, refused 4xx, unknown: no answer, 5xx, timeout). */
export function recordOutcome(runId: string, seq: number, answer: WriteAnswer, signal?: AbortSignal): Promise<JournalWrite> {
  return send('POST', runPath(runId, `/writes/${seq}/outcome`), journalWriteSchema, answer, signal);
}

/** Stores the read that settled a write whose answer was lost. */
export function recordReconciliation(runId: string, seq: number, reconciliation: Reconciliation, signal?: AbortSignal): Promise<JournalWrite> {
  return send('POST', runPath(runId, `/writes/${seq}/reconciliation`), journalWriteSchema, reconciliation, signal);
}

export function finishRun(runId: string, state: FinalRunState, signal?: AbortSignal): Promise<JournalRun> {
  return send('POST', runPath(runId, '/finish'), journalRunSchema, { state }, signal);
}

/** A finished run takes more writes (a retried rollback) only after this. */
export function reopenRun(runId: string, signal?: AbortSignal): Promise<JournalRun> {
  return send('POST', runPath(runId, '/reopen'), journalRunSchema, {}, signal);
}

function filterQuery(filter: RunFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...extra })) if (value !== undefined && value !== '') params.set(key, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export const RUN_PAGE_SIZE = 200;

export function listRuns(filter: RunFilter, cursor?: string, limit = RUN_PAGE_SIZE, signal?: AbortSignal): Promise<RunPage> {
  return send('GET', `/runs${filterQuery(filter, { limit: String(limit), ...(cursor ? { cursor } : {}) })}`, runPageSchema, undefined, signal);
}

/** Passcodes come masked unless `reveal` is asked for explicitly. */
export function getRunDetail(runId: string, { reveal = false } = {}, signal?: AbortSignal): Promise<RunDetail> {
  return send('GET', runPath(runId, reveal ? '?reveal=1' : ''), runDetailSchema, undefined, signal);
}

export function getJournalFacets(signal?: AbortSignal) {
  return send('GET', '/facets', journalFacetsSchema, undefined, signal);
}

/** The server's export of the runs matching `filter` (always masked), with the file name it suggests. */
export async function exportRuns(filter: RunFilter, format: 'json' | 'csv'): Promise<{ filename: string; blob: Blob }> {
  const response = await sendRaw('GET', `/export.${format}${filterQuery(filter)}`);
  const filename = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `cms-studio-journal.${format}`;
  return { filename, blob: await response.blob() };
}

export const journalQueries = {
  all: () => ['journal'] as const,
  lists: () => [...journalQueries.all(), 'list'] as const,
  list: (filter: RunFilter) =>
    infiniteQueryOptions({
      queryKey: [...journalQueries.lists(), filter] as const,
      queryFn: ({ pageParam, signal }) => listRuns(filter, pageParam, RUN_PAGE_SIZE, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  details: () => [...journalQueries.all(), 'detail'] as const,
  detail: (runId: string, reveal = false) =>
    queryOptions({
      queryKey: [...journalQueries.details(), runId, { reveal }] as const,
      queryFn: ({ signal }) => getRunDetail(runId, { reveal }, signal),
      // Revealed passcodes leave the cache as soon as no screen shows them.
      ...(reveal ? { gcTime: 0 } : {}),
    }),
  facets: () => queryOptions({ queryKey: [...journalQueries.all(), 'facets'] as const, queryFn: ({ signal }) => getJournalFacets(signal) }),
};
