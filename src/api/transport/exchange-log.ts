import { curlCommand, type CurlOptions as WireCurlOptions } from '../wire/curl';
import { MASK, maskParams } from '../wire/secrets';
import type { CmsExchange } from './client';
import type { CmsFailure, HttpMethod } from './errors';

/** One HTTP exchange of this browser session, as the API console shows it; secrets are already masked. */
export interface LoggedExchange {
  seq: number;
  /** epoch ms when the request was sent */
  startedAt: number;
  method: HttpMethod;
  path: string;
  query: Record<string, string>;
  form?: Record<string, string>;
  attempt: number;
  status?: number;
  durationMs: number;
  failures: CmsFailure[];
  error?: string;
}

/** Enough for a long support session; the oldest exchanges go first. */
const MAX_ENTRIES = 2000;

let entries: readonly LoggedExchange[] = [];
let seq = 0;
const listeners = new Set<() => void>();

function publish(next: readonly LoggedExchange[]) {
  entries = next;
  for (const listener of listeners) listener();
}

/** Every request the studio sent in this browser session (memory only), for the API console. */
export const exchangeLog = {
  record(exchange: CmsExchange): void {
    const entry: LoggedExchange = {
      seq: ++seq,
      startedAt: Date.now() - exchange.durationMs,
      method: exchange.method,
      path: exchange.path,
      query: maskParams(exchange.query),
      ...(exchange.form === undefined ? {} : { form: maskParams(exchange.form) }),
      attempt: exchange.attempt,
      ...(exchange.status === undefined ? {} : { status: exchange.status }),
      durationMs: exchange.durationMs,
      failures: exchange.failures,
      ...(exchange.error === undefined ? {} : { error: exchange.error.message }),
    };
    const next = [...entries, entry];
    publish(next.length > MAX_ENTRIES ? next.slice(next.length - MAX_ENTRIES) : next);
  },
  /** A new array after every change, so it can feed `useSyncExternalStore`. */
  entries: (): readonly LoggedExchange[] => entries,
  clear(): void {
    publish([]);
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export interface CurlOptions extends WireCurlOptions {
  /** origin in front of `/api/v1`: the CMS, or the studio's proxy */
  baseUrl: string;
}

/** A curl command that repeats the exchange, with `USER:PASSWORD` for the credentials. */
export function toCurl(entry: LoggedExchange, options: CurlOptions): string {
  const query = new URLSearchParams(entry.query).toString();
  const url = `${options.baseUrl.replace(/\/+$/, '')}${entry.path}${query === '' ? '' : `?${query}`}`;
  return curlCommand({ method: entry.method, url, ...(entry.form === undefined ? {} : { form: entry.form }) }, options);
}

export type StatusClass = 'success' | 'clientError' | 'serverError' | 'noAnswer';

export function statusClass(entry: Pick<LoggedExchange, 'status'>): StatusClass {
  if (entry.status === undefined) return 'noAnswer';
  if (entry.status >= 500) return 'serverError';
  if (entry.status >= 400) return 'clientError';
  return 'success';
}

/** The plain-text export support staff attach to a ticket. */
export function exportText(list: readonly LoggedExchange[], options: CurlOptions & { exportedAt?: Date }): string {
  const lines = [
    'CMS Access Studio: API console export',
    `Exported: ${(options.exportedAt ?? new Date()).toISOString()}`,
    `Sent to: ${options.baseUrl}`,
    `Requests: ${list.length} (credentials replaced by USER:PASSWORD; passcode and secret values masked as ${MASK})`,
    '',
  ];
  for (const entry of list) {
    const query = new URLSearchParams(entry.query).toString();
    const outcome = entry.status === undefined ? 'no answer' : String(entry.status);
    const retry = entry.attempt > 1 ? ` (attempt ${entry.attempt})` : '';
    lines.push(`#${entry.seq} ${new Date(entry.startedAt).toISOString()} ${entry.method} ${entry.path}${query ? `?${query}` : ''} → ${outcome} in ${entry.durationMs} ms${retry}`);
    if (entry.form !== undefined) lines.push(`  form: ${new URLSearchParams(entry.form).toString()}`);
    if (entry.failures.length > 0) {
      lines.push(`  failures: ${entry.failures.map((f) => (f.parameter ? `${f.code} (${f.parameter}: ${f.error ?? '?'})` : f.code)).join(', ')}`);
    }
    if (entry.error !== undefined) lines.push(`  error: ${entry.error}`);
    lines.push(`  ${toCurl(entry, options)}`, '');
  }
  return lines.join('\n');
}
