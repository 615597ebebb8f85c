import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthHeader } from './credentials';
import { cmsClient, configureCmsClient } from './cms-client';
import { sessionCredentials } from './session';

const seen: Array<string | null> = [];
const server = setupServer(
  http.get('http://one.test/api/v1/system/status', ({ request }) => {
    seen.push(request.headers.get('authorization'));
    return new HttpResponse('<status><activated>true</activated></status>', { headers: { 'Content-Type': 'text/xml' } });
  }),
  http.get('http://two.test/api/v1/system/status', () => new HttpResponse('<status/>', { headers: { 'Content-Type': 'text/xml' } })),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  seen.length = 0;
  sessionCredentials.clear();
  configureCmsClient();
});
afterAll(() => server.close());

describe('sessionCredentials', () => {
  it('holds credentials in memory only, and clears them', () => {
    expect(sessionCredentials.get()).toBeUndefined();
    sessionCredentials.set({ user: 'admin', password: 's3cret' });
    expect(sessionCredentials.get()).toEqual({ user: 'admin', password: 's3cret' });
    const { get } = sessionCredentials;
    expect(get()).toEqual({ user: 'admin', password: 's3cret' });
    sessionCredentials.clear();
    expect(get()).toBeUndefined();
    expect(typeof localStorage === 'undefined' || localStorage.length === 0).toBe(true);
  });
});

describe('cmsClient', () => {
  it('is created lazily, kept, and rebuilt after configureCmsClient', () => {
    configureCmsClient({ baseUrl: 'http://one.test' });
    const first = cmsClient();
    expect(cmsClient()).toBe(first);
    configureCmsClient({ baseUrl: 'http://two.test' });
    expect(cmsClient()).not.toBe(first);
  });

  it('reads the session credentials on every request', async () => {
    configureCmsClient({ baseUrl: 'http://one.test' });
    await cmsClient().request({ method: 'GET', path: 'system/status' });
    sessionCredentials.set({ user: 'admin', password: 'admin' });
    await cmsClient().request({ method: 'GET', path: 'system/status' });
    sessionCredentials.set({ user: 'ops', password: 'pässword' });
    await cmsClient().request({ method: 'GET', path: 'system/status' });
    expect(seen).toEqual([
      null,
      basicAuthHeader({ user: 'admin', password: 'admin' }),
      basicAuthHeader({ user: 'ops', password: 'pässword' }),
    ]);
  });

  it('sends to the configured origin', async () => {
    configureCmsClient({ baseUrl: 'http://two.test/' });
    await expect(cmsClient().request({ method: 'GET', path: '/api/v1/system/status' })).resolves.toMatchObject({ status: 200 });
  });
});
