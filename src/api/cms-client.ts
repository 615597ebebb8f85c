import { createCmsClient, type CmsClient, type CmsClientOptions } from './client';
import type { BasicCredentials } from './credentials';

let current: BasicCredentials | undefined;

/**
 * The Basic credentials of this browser session, when the login form supplies them (the proxy may
 * hold its own instead). Memory only: a reload asks again, and nothing lands in localStorage.
 */
export const sessionCredentials = {
  get: (): BasicCredentials | undefined => current,
  set: (credentials: BasicCredentials): void => {
    current = { user: credentials.user, password: credentials.password };
  },
  clear: (): void => {
    current = undefined;
  },
};

let options: CmsClientOptions = {};
let client: CmsClient | undefined;

/** Replaces the options of the shared client (tests: `baseUrl`, `fetch`, fast retries); the next `cmsClient()` uses them. */
export function configureCmsClient(next: CmsClientOptions = {}): void {
  options = next;
  client = undefined;
}

/** The client every request module uses; credentials are read from `sessionCredentials` per request. */
export function cmsClient(): CmsClient {
  client ??= createCmsClient({ ...options, credentials: options.credentials ?? sessionCredentials.get });
  return client;
}
