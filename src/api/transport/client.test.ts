import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createCmsClient, type CmsClientOptions, type CmsExchange } from './client';
import { basicAuthHeader } from './credentials';
import { CmsError } from './errors';
import { describeFailure } from '../wire/failure-reasons';
import { buildXml } from '../wire/xml';

const BASE = 'http://cms.test';
const API = `${BASE}/api/v1`;
const SPACE_ID = '9f5b5a5e-4d6b-4c5e-8a43-9d1f1e0e6a11';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const xml = (body: string, status = 200, headers: Record<string, string> = {}) =>
  new HttpResponse(body, { status, headers: { 'Content-Type': 'text/xml', ...headers } });

const fastRetry = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 };

function client(options: CmsClientOptions = {}) {
  return createCmsClient({ baseUrl: BASE, retry: fastRetry, ...options });
}

async function failure(promise: Promise<unknown>): Promise<CmsError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(CmsError);
  return outcome as CmsError;
}

/**
 * Runs `start` on a fake clock: the timers it sets (the client's timeout and back-off, msw's
 * `delay`) go off when `advance` moves the clock, not after real waiting.
 */
function onFakeClock<T>(start: () => Promise<T>) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  let settled = false;
  const pending = start().finally(() => {
    settled = true;
  });
  return { pending, settled: () => settled, advance: (ms: number) => vi.advanceTimersByTimeAsync(ms) };
}
afterEach(() => vi.useRealTimers());

const slowAnswer = () =>
  server.use(
    http.get(`${API}/coSpaces`, async () => {
      await delay(400);
      return xml('<coSpaces total="0"/>');
    }),
  );

const coSpaceSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  callId: z.string().regex(/^\d+$/).optional(),
});

describe('request encoding', () => {
  it('form-encodes: undefined omitted, empty sent, booleans and numbers as text, no leading &', async () => {
    let seen: { body: string; type: string | null; method: string } | undefined;
    server.use(
      http.put(`${API}/coSpaces/${SPACE_ID}`, async ({ request }) => {
        seen = { body: await request.text(), type: request.headers.get('content-type'), method: request.method };
        return new HttpResponse(null, { status: 200 });
      }),
    );
    await client().update(`coSpaces/${SPACE_ID}`, {
      name: 'Guest & host',
      passcode: '',
      uri: undefined,
      requireCallId: true,
      secret: false,
      callId: 4242,
    });
    expect(seen?.method).toBe('PUT');
    expect(seen?.type).toBe('application/x-www-form-urlencoded');
    expect(seen?.body).toBe('name=Guest+%26+host&passcode=&requireCallId=true&secret=false&callId=4242');
    expect(new URLSearchParams(seen?.body).has('uri')).toBe(false);
  });

  it('encodes the query the same way and accepts every spelling of the path', async () => {
    const urls: string[] = [];
    server.use(
      http.get(`${API}/coSpaces`, ({ request }) => {
        urls.push(request.url);
        return xml('<coSpaces total="0"/>');
      }),
    );
    const cms = client();
    for (const path of ['coSpaces', '/coSpaces', '/api/v1/coSpaces', 'api/v1/coSpaces']) {
      await cms.request({ method: 'GET', path, query: { filter: 'sales', offset: 0, limit: undefined, tenant: '', x: true } });
    }
    expect(urls).toEqual(Array(4).fill(`${API}/coSpaces?filter=sales&offset=0&tenant=&x=true`));
  });

  it('refuses a query hidden in the path and a form on GET', async () => {
    const cms = client();
    await expect(cms.request({ method: 'GET', path: 'coSpaces?filter=a' })).rejects.toThrow(TypeError);
    await expect(cms.request({ method: 'GET', path: 'coSpaces', form: { a: 1 } })).rejects.toThrow(TypeError);
  });
});

describe('headers and credentials', () => {
  it('sends X-Requested-By, Accept and Basic auth from the provider on every request', async () => {
    const seen: Headers[] = [];
    server.use(
      http.all(`${API}/*`, ({ request }) => {
        seen.push(request.headers);
        return new HttpResponse(null, { status: 200, headers: { Location: `/api/v1/coSpaces/${SPACE_ID}` } });
      }),
    );
    const cms = client({ credentials: () => ({ user: 'admin', password: 'pässwörd✓' }) });
    await cms.request({ method: 'GET', path: '/system/status' });
    await cms.create('/coSpaces', { name: 'a' });
    await cms.remove(`/coSpaces/${SPACE_ID}`);
    expect(seen).toHaveLength(3);
    for (const headers of seen) {
      expect(headers.get('x-requested-by')).toBe('cms-access-studio');
      expect(headers.get('accept')).toBe('text/xml');
      const auth = headers.get('authorization') ?? '';
      expect(auth.startsWith('Basic ')).toBe(true);
      expect(Buffer.from(auth.slice(6), 'base64').toString('utf8')).toBe('admin:pässwörd✓');
    }
  });

  it('sends no Authorization without credentials, and asks the provider each time', async () => {
    const seen: Array<string | null> = [];
    server.use(
      http.get(`${API}/system/status`, ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return xml('<status/>');
      }),
    );
    const login: { current?: { user: string; password: string } } = {};
    const cms = client({ credentials: () => login.current });
    await cms.request({ method: 'GET', path: '/system/status' });
    login.current = { user: 'u', password: 'p' };
    await cms.request({ method: 'GET', path: '/system/status' });
    await client().request({ method: 'GET', path: '/system/status' });
    expect(seen).toEqual([null, basicAuthHeader({ user: 'u', password: 'p' }), null]);
  });

  it('never accepts credentials in the base URL', () => {
    expect(() => createCmsClient({ baseUrl: 'https://admin:secret@cms.test' })).toThrow(/must not contain/);
  });

  it('reports exchanges without credentials', async () => {
    server.use(http.get(`${API}/coSpaces`, () => xml('<coSpaces total="0"/>')));
    const exchanges: CmsExchange[] = [];
    const cms = client({ credentials: () => ({ user: 'admin', password: 'hunter2' }), onExchange: (e) => exchanges.push(e) });
    await cms.request({ method: 'GET', path: 'coSpaces', query: { filter: 'x' } });
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]).toMatchObject({ method: 'GET', path: '/api/v1/coSpaces', query: { filter: 'x' }, status: 200, attempt: 1, failures: [] });
    const dump = JSON.stringify(exchanges);
    expect(dump).not.toContain('hunter2');
    expect(dump).not.toContain(basicAuthHeader({ user: 'admin', password: 'hunter2' }).slice(6));
  });
});

describe('error mapping', () => {
  it('401 → unauthorized', async () => {
    server.use(
      http.get(`${API}/coSpaces`, () => new HttpResponse(null, { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="acano"' } })),
    );
    const error = await failure(client().request({ method: 'GET', path: 'coSpaces' }));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401, method: 'GET', path: '/api/v1/coSpaces' });
    expect(error.message).toBe('CMS refused the user name or password.');
  });

  it('404 with a failure code → notFound with the code described', async () => {
    server.use(http.get(`${API}/coSpaces/:id`, () => xml('<failureDetails><coSpaceDoesNotExist/></failureDetails>', 404)));
    const error = await failure(client().request({ method: 'GET', path: `coSpaces/${SPACE_ID}` }));
    expect(error.kind).toBe('notFound');
    expect(error.failures).toEqual([{ code: 'coSpaceDoesNotExist' }]);
    expect(error.message).toContain(describeFailure('coSpaceDoesNotExist').replace(/\.$/, ''));
  });

  it('404 without a body names the path', async () => {
    server.use(http.get(`${API}/nothing/here`, () => new HttpResponse(null, { status: 404 })));
    const error = await failure(client().request({ method: 'GET', path: 'nothing/here' }));
    expect(error.kind).toBe('notFound');
    expect(error.message).toBe('CMS has no such object or path (/api/v1/nothing/here).');
  });

  it('parameterError names the parameter and is found by failureFor', async () => {
    server.use(
      http.post(`${API}/coSpaces`, () =>
        xml('<failureDetails><parameterError parameter="passcode" error="invalidValue"/></failureDetails>', 400),
      ),
    );
    const error = await failure(client().create('coSpaces', { passcode: 'abc' }));
    expect(error).toMatchObject({ kind: 'http', status: 400, method: 'POST' });
    expect(error.message).toBe('The value for “passcode” was refused by CMS (invalidValue).');
    expect(error.failureFor('passcode')).toEqual({ code: 'parameterError', parameter: 'passcode', error: 'invalidValue' });
    expect(error.failureFor('name')).toBeUndefined();
  });

  it('other statuses without details → http naming status and request', async () => {
    server.use(http.delete(`${API}/coSpaces/:id`, () => new HttpResponse('<html>oops</html>', { status: 500 })));
    const error = await failure(client().remove(`coSpaces/${SPACE_ID}`));
    expect(error).toMatchObject({ kind: 'http', status: 500, failures: [] });
    expect(error.message).toBe(`CMS answered HTTP 500 to DELETE /api/v1/coSpaces/${SPACE_ID}.`);
  });

  it('a 200 body that is not XML → badResponse', async () => {
    server.use(http.get(`${API}/coSpaces`, () => new HttpResponse('{"coSpaces": []}', { status: 200 })));
    const error = await failure(client().request({ method: 'GET', path: 'coSpaces' }));
    expect(error.kind).toBe('badResponse');
    expect(error.message).toMatch(/^CMS answered with something that is not CMS XML: .+\.$/);
  });

  it('an HTML page (an SPA fallback) → badResponse saying so', async () => {
    server.use(http.get(`${API}/coSpaces`, () => HttpResponse.html('<!doctype html><html><body>app</body></html>')));
    const error = await failure(client().request({ method: 'GET', path: 'coSpaces' }));
    expect(error.message).toBe('CMS answered with something that is not CMS XML: it is an HTML page.');
  });

  it('times out with kind timeout, without waiting for the answer', async () => {
    slowAnswer();
    const run = onFakeClock(() => failure(client({ timeoutMs: 20 }).request({ method: 'GET', path: 'coSpaces' })));
    await run.advance(19);
    expect(run.settled()).toBe(false);
    await run.advance(1);
    expect(run.settled()).toBe(true);
    const error = await run.pending;
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('CMS did not answer within 0.02 s.');
  });

  it('a per-request timeout wins over the client one', async () => {
    slowAnswer();
    const run = onFakeClock(() => failure(client({ timeoutMs: 10_000 }).request({ method: 'GET', path: 'coSpaces', timeoutMs: 15 })));
    await run.advance(15);
    expect((await run.pending).message).toBe('CMS did not answer within 0.015 s.');
  });

  it('a caller abort is aborted, not timeout', async () => {
    slowAnswer();
    const controller = new AbortController();
    const run = onFakeClock(() => failure(client({ timeoutMs: 200 }).request({ method: 'GET', path: 'coSpaces', signal: controller.signal })));
    await run.advance(10);
    controller.abort();
    await run.advance(0);
    expect((await run.pending).kind).toBe('aborted');
  });

  it('an already aborted signal sends nothing', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/coSpaces`, () => {
        calls++;
        return xml('<coSpaces total="0"/>');
      }),
    );
    const error = await failure(client().request({ method: 'GET', path: 'coSpaces', signal: AbortSignal.abort() }));
    expect(error.kind).toBe('aborted');
    expect(calls).toBe(0);
  });

  it('a network failure → network with the reason', async () => {
    server.use(http.get(`${API}/coSpaces`, () => HttpResponse.error()));
    const error = await failure(client().request({ method: 'GET', path: 'coSpaces' }));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/^Could not reach CMS: \S.*\.$/);
  });
});

describe('503 retries', () => {
  it('retries a busy CMS and then succeeds: GET, PUT and DELETE, which give the same result sent twice', async () => {
    let calls = 0;
    server.use(
      http.put(`${API}/coSpaces/${SPACE_ID}`, () => {
        calls++;
        if (calls < 3) return new HttpResponse(null, { status: 503 });
        return new HttpResponse(null, { status: 200 });
      }),
    );
    const exchanges: CmsExchange[] = [];
    await client({ onExchange: (e) => exchanges.push(e) }).update(`coSpaces/${SPACE_ID}`, { name: 'x' });
    expect(calls).toBe(3);
    expect(exchanges.map((e) => [e.attempt, e.status])).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
    ]);
  });

  it('never sends a creating POST again after a 503: CMS may have applied it, and a read must settle that', async () => {
    let calls = 0;
    server.use(
      http.post(`${API}/coSpaces`, () => {
        calls++;
        return new HttpResponse(null, { status: 503 });
      }),
    );
    const error = await failure(client().create('coSpaces', { name: 'x' }));
    expect(calls).toBe(1);
    expect(error).toMatchObject({ kind: 'busy', status: 503, attempts: 1, method: 'POST' });
  });

  it('sends a POST that only asks (uriUsageQuery) again after a 503', async () => {
    let calls = 0;
    server.use(
      http.post(`${API}/uriUsageQuery`, () => {
        calls++;
        return calls < 2 ? new HttpResponse(null, { status: 503 }) : xml('<uriUsages/>');
      }),
    );
    const answer = await client().request({ method: 'POST', path: 'uriUsageQuery', form: { uri: 'x' }, readOnlyPost: true });
    expect(answer.status).toBe(200);
    expect(calls).toBe(2);
  });

  it('gives up after the configured attempts with kind busy', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/coSpaces`, () => {
        calls++;
        return new HttpResponse(null, { status: 503 });
      }),
    );
    const error = await failure(client({ retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 3 } }).request({ method: 'GET', path: 'coSpaces' }));
    expect(calls).toBe(4);
    expect(error).toMatchObject({ kind: 'busy', status: 503, attempts: 4 });
    expect(error.message).toBe('CMS is busy (503) and still was after 4 attempts; try again shortly.');
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/coSpaces`, () => {
        calls++;
        return new HttpResponse(null, { status: 500 });
      }),
    );
    await failure(client().request({ method: 'GET', path: 'coSpaces' }));
    expect(calls).toBe(1);
  });

  it('honours Retry-After, capped by maxDelayMs', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/coSpaces`, () => {
        calls++;
        if (calls === 1) return new HttpResponse(null, { status: 503, headers: { 'Retry-After': '120' } });
        return xml('<coSpaces total="0"/>');
      }),
    );
    const run = onFakeClock(() => client({ retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 40 } }).request({ method: 'GET', path: 'coSpaces' }));
    // Jitter alone would wait at most 1 ms; 120 s uncapped would never retry here.
    await run.advance(39);
    expect(calls).toBe(1);
    await run.advance(1);
    expect(calls).toBe(2);
    expect((await run.pending).status).toBe(200);
  });

  it('an abort during the back-off stops at once', async () => {
    server.use(http.get(`${API}/coSpaces`, () => new HttpResponse(null, { status: 503, headers: { 'Retry-After': '5' } })));
    const controller = new AbortController();
    const run = onFakeClock(() =>
      failure(client({ retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5000 } }).request({ method: 'GET', path: 'coSpaces', signal: controller.signal })),
    );
    await run.advance(20);
    expect(run.settled()).toBe(false);
    controller.abort();
    await run.advance(0);
    expect(run.settled()).toBe(true);
    expect((await run.pending).kind).toBe('aborted');
  });
});

describe('typed reads and writes', () => {
  it('create answers the id from Location', async () => {
    server.use(
      http.post(`${API}/coSpaces/:id/accessMethods`, ({ params }) =>
        new HttpResponse(null, { status: 200, headers: { Location: `/api/v1/coSpaces/${String(params.id)}/accessMethods/0b8e1f5c-1d1a-4c4e-9c5f-1f1f1f1f1f1f` } }),
      ),
    );
    await expect(client().create(`coSpaces/${SPACE_ID}/accessMethods`, { uri: 'host' })).resolves.toBe(
      '0b8e1f5c-1d1a-4c4e-9c5f-1f1f1f1f1f1f',
    );
  });

  it('create without Location → badResponse', async () => {
    server.use(http.post(`${API}/coSpaces`, () => new HttpResponse(null, { status: 200 })));
    const error = await failure(client().create('coSpaces', { name: 'x' }));
    expect(error.kind).toBe('badResponse');
    expect(error.message).toMatch(/no Location/);
  });

  it('get parses one object with its schema', async () => {
    server.use(
      http.get(`${API}/coSpaces/:id`, () =>
        xml(buildXml('coSpace', { attributes: { id: SPACE_ID }, children: [['name', 'Sales'], ['callId', '4242'], ['uri', 'sales']] })),
      ),
    );
    const space = await client().get(`coSpaces/${SPACE_ID}`, coSpaceSchema);
    expect(space).toEqual({ id: SPACE_ID, name: 'Sales', callId: '4242', uri: 'sales' });
  });

  it('a zod failure → badResponse naming the element and the issue', async () => {
    server.use(
      http.get(`${API}/coSpaces/:id`, () => xml(`<coSpace id="${SPACE_ID}"><name>Sales</name><callId>12ab</callId></coSpace>`)),
    );
    const error = await failure(client().get(`coSpaces/${SPACE_ID}`, coSpaceSchema));
    expect(error.kind).toBe('badResponse');
    expect(error.message).toContain('<coSpace>');
    expect(error.message).toContain(SPACE_ID);
    expect(error.message).toMatch(/callId: /);
  });

  it('get of an empty body → badResponse', async () => {
    server.use(http.get(`${API}/coSpaces/:id`, () => new HttpResponse(null, { status: 200 })));
    const error = await failure(client().get(`coSpaces/${SPACE_ID}`, coSpaceSchema));
    expect(error.kind).toBe('badResponse');
  });

  it.each([
    [0, '<coSpaces total="0"></coSpaces>'],
    [1, `<coSpaces total="1"><coSpace id="a1"><name>One</name></coSpace></coSpaces>`],
    [
      3,
      `<coSpaces total="7"><coSpace id="a1"><name>One</name></coSpace><coSpace id="a2"><name>Two</name></coSpace><coSpace id="a3"><name>Three</name></coSpace></coSpaces>`,
    ],
  ])('getCollection gives an array for %i item(s)', async (count, body) => {
    server.use(http.get(`${API}/coSpaces`, () => xml(body)));
    const page = await client().getCollection('coSpaces', { item: 'coSpace', schema: coSpaceSchema });
    expect(Array.isArray(page.items)).toBe(true);
    expect(page.items).toHaveLength(count);
    expect(page.total).toBe(count === 3 ? 7 : count);
    expect(page.items.map((s) => s.id)).toEqual(['a1', 'a2', 'a3'].slice(0, count));
  });

  it('getCollection without a total → badResponse', async () => {
    server.use(http.get(`${API}/coSpaces`, () => xml('<coSpaces><coSpace id="a1"><name>One</name></coSpace></coSpaces>')));
    const error = await failure(client().getCollection('coSpaces', { item: 'coSpace', schema: coSpaceSchema }));
    expect(error.kind).toBe('badResponse');
    expect(error.message).toMatch(/total/);
  });

  it('getCollection names the bad item', async () => {
    server.use(
      http.get(`${API}/coSpaces`, () => xml('<coSpaces total="2"><coSpace id="a1"><name>One</name></coSpace><coSpace id="a2"/></coSpaces>')),
    );
    const error = await failure(client().getCollection('coSpaces', { item: 'coSpace', schema: coSpaceSchema }));
    expect(error.message).toContain('<coSpace> (id a2)');
    expect(error.message).toMatch(/name: /);
  });
});
