import { createCmsClient, type CmsClient, type CmsClientOptions, type CmsExchange } from './client';
import type { BasicCredentials } from './credentials';
import { exchangeLog } from './exchange-log';

interface Session {
  credentials?: BasicCredentials;
  /** the cluster picked from the proxy's targets file; undefined = the proxy's default */
  target?: string;
}

let session: Session = {};
const listeners = new Set<() => void>();
const TARGET_KEY = 'cms-access-studio-target';

function update(next: Session) {
  session = next;
  for (const listener of listeners) listener();
}

function storedTarget(): string | undefined {
  try {
    return globalThis.sessionStorage?.getItem(TARGET_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}
session.target = storedTarget();

/**
 * The Basic credentials of this browser session, when the sign-in form supplies them (the proxy may
 * hold its own instead). Memory only: a reload asks again, and nothing lands in any storage.
 */
export const sessionCredentials = {
  get: (): BasicCredentials | undefined => session.credentials,
  set: (credentials: BasicCredentials): void => update({ ...session, credentials: { user: credentials.user, password: credentials.password } }),
  clear: (): void => {
    const { credentials: _dropped, ...rest } = session;
    void _dropped;
    update(rest);
  },
};

/** Which configured CMS cluster requests go to; a name is no secret, so it survives a reload in sessionStorage. */
export const sessionTarget = {
  get: (): string | undefined => session.target,
  /** switching clusters also forgets the credentials typed for the previous one */
  set: (target: string | undefined): void => {
    try {
      if (target === undefined) globalThis.sessionStorage?.removeItem(TARGET_KEY);
      else globalThis.sessionStorage?.setItem(TARGET_KEY, target);
    } catch {
      // private mode without storage: the choice lasts until reload
    }
    update(target === undefined ? {} : { target });
  },
};

/** For useSyncExternalStore: the session object changes identity on every update. */
export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const getSession = (): Readonly<Session> => session;

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
    headers: () => ({ ...options.headers?.(), ...(session.target ? { 'X-CMS-Target': session.target } : {}) }),
    // Every exchange also feeds the API console of this session.
    onExchange: (exchange) => {
      exchangeLog.record(exchange);
      for (const listener of exchangeListeners) listener(exchange);
      options.onExchange?.(exchange);
    },
  });
  return client;
}
