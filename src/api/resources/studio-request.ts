import { z } from 'zod';
import { REQUESTED_BY } from '../wire/requested-by';
import { getSession, sessionCredentials } from '../transport/session';
import { basicAuthHeader } from '../transport/credentials';
import { journalErrorBodySchema, type JournalErrorCode } from '../wire/journal-contract';

/**
 * A refusal or failure of the studio server's own endpoints (the change journal, the scans).
 * unavailable: it could not be reached or could not store (network, 5xx); the change engine must
 * not send a CMS write whose intent it could not record. unauthorized: sign in again. conflict:
 * the run, write or scan already holds something else (or another tab holds the scan). The others
 * are programming errors.
 */
export type StudioErrorKind = 'unavailable' | 'unauthorized' | 'forbidden' | 'conflict' | 'not-found' | 'invalid' | 'bad-response';

export class StudioError extends Error {
  override readonly name = 'StudioError';
  constructor(
    readonly kind: StudioErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export const isStudioError = (error: unknown): error is StudioError => error instanceof StudioError;

const KIND_OF_CODE: Record<JournalErrorCode, StudioErrorKind> = {
  invalid: 'invalid',
  'too-large': 'invalid',
  'not-found': 'not-found',
  conflict: 'conflict',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  unavailable: 'unavailable',
};

interface StudioClientOptions {
  /** origin in front of `/studio/…`; '' = the page's own origin */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** sends per call; every call is safe to repeat (client-chosen ids, numbered writes, idempotent results) */
  attempts?: number;
  retryDelayMs?: number;
}

let clientOptions: StudioClientOptions = {};

/** Tests point the client at a studio (`baseUrl`) or speed up retries; the app uses the page's origin. */
export function configureStudioClient(options: StudioClientOptions = {}): void {
  clientOptions = options;
}

function headers(body: boolean, extra: Record<string, string>): Record<string, string> {
  const credentials = sessionCredentials.get();
  const target = getSession().target;
  return {
    Accept: 'application/json',
    'X-Requested-By': REQUESTED_BY,
    ...(body ? { 'Content-Type': 'application/json' } : {}),
    ...(credentials ? { Authorization: basicAuthHeader(credentials) } : {}),
    ...(target ? { 'X-CMS-Target': target } : {}),
    ...extra,
  };
}

async function refusal(response: Response, what: string): Promise<StudioError> {
  const parsed = journalErrorBodySchema.safeParse(await response.json().catch(() => undefined));
  if (parsed.success) return new StudioError(KIND_OF_CODE[parsed.data.code], parsed.data.error, response.status);
  const kind: StudioErrorKind = response.status >= 500 ? 'unavailable' : response.status === 401 ? 'unauthorized' : 'invalid';
  return new StudioError(kind, `${what} answered ${response.status}.`, response.status);
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface StudioRequestInit {
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** One call to the studio server under `prefix`, retried on 502/503/504 and network failures. */
export async function studioRaw(prefix: string, name: string, method: 'GET' | 'POST', path: string, init: StudioRequestInit = {}): Promise<Response> {
  const { body, signal } = init;
  const url = `${(clientOptions.baseUrl ?? '').replace(/\/+$/, '')}${prefix}${path}`;
  const fetchImpl = clientOptions.fetch ?? globalThis.fetch;
  const attempts = Math.max(1, clientOptions.attempts ?? 3);
  const what = `${name} (${method} ${prefix}${path.replace(/\?.*$/, '')})`;
  for (let attempt = 1; ; attempt++) {
    let response: Response | undefined;
    let failure: StudioError;
    try {
      response = await fetchImpl(url, {
        method,
        headers: headers(body !== undefined, init.headers ?? {}),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(signal ? { signal } : {}),
      });
      if (response.ok) return response;
      failure = await refusal(response, what);
    } catch (error) {
      if (signal?.aborted) throw error;
      failure = new StudioError('unavailable', `${what} could not be reached (${error instanceof Error ? error.message : String(error)}).`);
    }
    const transient = failure.kind === 'unavailable' && (response === undefined || [502, 503, 504].includes(response.status));
    if (!transient || attempt >= attempts) throw failure;
    await wait((clientOptions.retryDelayMs ?? 250) * 2 ** (attempt - 1));
  }
}

export async function studioJson<S extends z.ZodType>(
  prefix: string,
  name: string,
  method: 'GET' | 'POST',
  path: string,
  schema: S,
  init: StudioRequestInit = {},
): Promise<z.output<S>> {
  const response = await studioRaw(prefix, name, method, path, init);
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    throw new StudioError('bad-response', `${name} answered ${method} ${prefix}${path} with an unexpected body: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** A random v4 UUID; crypto.randomUUID exists only on secure pages, getRandomValues everywhere. */
export function newUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `?a=1&b=2` from the defined, non-empty values; '' when there are none. */
export function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
