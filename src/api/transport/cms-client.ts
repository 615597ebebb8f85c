import { createCmsClient, type CmsClient, type CmsClientOptions, type CmsExchange } from './client';
import { cmsReachability } from './cms-reachability';
import { exchangeLog } from './exchange-log';
import { getSession, sessionCredentials } from './session';

let options: CmsClientOptions = {};
let client: CmsClient | undefined;
const exchangeListeners = new Set<(exchange: CmsExchange) => void>();

/** Hears every exchange of the shared client (a scan adapts its concurrency to 503s); answers the unsubscribe. */
export function onCmsExchange(listener: (exchange: CmsExchange) => void): () => void {
  exchangeListeners.add(listener);
  return () => exchangeListeners.delete(listener);
}

/** Replaces the options of the shared client (tests: `baseUrl`, `fetch`, fast retries); the next `cmsClient()` uses them. */
export function configureCmsClient(next: CmsClientOptions = {}): void {
  options = next;
  client = undefined;
}

/** The client every request module uses; credentials and target are read from the session per request. */
export function cmsClient(): CmsClient {
  client ??= createCmsClient({
    ...options,
    credentials: options.credentials ?? sessionCredentials.get,
    headers: () => {
      const { target } = getSession();
      return { ...options.headers?.(), ...(target ? { 'X-CMS-Target': target } : {}) };
    },
    // Every exchange also feeds the API console of this session.
    onExchange: (exchange) => {
      exchangeLog.record(exchange);
      cmsReachability.record(exchange, getSession().target);
      for (const listener of exchangeListeners) listener(exchange);
      options.onExchange?.(exchange);
    },
  });
  return client;
}
