import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PROXY_PROBLEM_HEADER, readProxyProblem } from '../src/api/wire/proxy-problem';
import { CREATED_ID, SMALL_ANSWER, startMisbehavingCms, type MisbehavingCms } from './testing/misbehaving-cms';
import { startStudio, type StudioUnderTest } from './testing/studio-under-test';

const XRB = { 'X-Requested-By': 'cms-access-studio' };

let cms: MisbehavingCms;
let patient: StudioUnderTest;
let strict: StudioUnderTest;
let impatient: StudioUnderTest;

beforeAll(async () => {
  cms = await startMisbehavingCms();
  const env = { CMS_URL: cms.url, CMS_USER: 'admin', CMS_PASSWORD: 'admin' };
  [patient, strict, impatient] = await Promise.all([
    startStudio(env),
    // Answers must complete within 400 ms and stay under 1 MiB; CMS may pause up to 5 s between pieces.
    startStudio({ ...env, CMS_DEADLINE_MS: '400', CMS_MAX_ANSWER_BYTES: String(1024 * 1024), CMS_TIMEOUT_MS: '5000' }),
    startStudio({ ...env, CMS_TIMEOUT_MS: '200' }),
  ]);
});

afterAll(async () => {
  await Promise.all([patient, strict, impatient].map((s) => s?.close()));
  await cms?.close();
});

async function get(studio: StudioUnderTest, path: string) {
  const res = await fetch(studio.url + path, { headers: XRB, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, problem: readProxyProblem(res.headers.get(PROXY_PROBLEM_HEADER), res.status, text) };
}

/** Sends a GET and leaves the socket open, as a browser tab does until it is closed. */
function openRequest(port: number, path: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Requested-By: cms-access-studio\r\n\r\n`);
      resolve(socket);
    });
    socket.on('error', reject);
  });
}

describe('browsers that leave', () => {
  it('frees the CMS connection of every abandoned answer: after 1,000 of them an API call still answers within a second', async () => {
    const batches = 20;
    const perBatch = 50;
    for (let batch = 1; batch <= batches; batch++) {
      const sockets = await Promise.all(Array.from({ length: perBatch }, () => openRequest(patient.port, '/api/v1/stream')));
      // Without the fix the pool (256 connections) fills up after five batches and CMS sees no more requests.
      await vi.waitFor(() => expect(cms.stats.streamsStarted, `CMS saw the requests of batch ${batch}`).toBeGreaterThanOrEqual(batch * perBatch), {
        timeout: 10_000,
        interval: 5,
      });
      for (const socket of sockets) socket.destroy();
    }
    await vi.waitFor(() => expect(cms.stats.streamsOpen, 'CMS answers still being streamed to nobody').toBe(0), { timeout: 10_000, interval: 10 });
    const res = await fetch(`${patient.url}/api/v1/ok`, { headers: XRB, signal: AbortSignal.timeout(1000) });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(SMALL_ANSWER);
    expect(patient.log().match(/GET \/api\/v1\/stream 499 /g)?.length).toBe(batches * perBatch);
  }, 120_000);
});

describe('what CMS may send to the browser', () => {
  it('passes only the content type, length and Retry-After of CMS, never its cookies, CORS grants, policies or challenges', async () => {
    const res = await get(patient, '/api/v1/hostile-headers');
    expect(res.status).toBe(200);
    expect(res.text).toBe(SMALL_ANSWER);
    expect(res.headers.get('content-type')).toBe('text/xml');
    expect(res.headers.get('content-length')).toBe(String(SMALL_ANSWER.length));
    expect(res.headers.get('retry-after')).toBe('7');
    for (const name of ['set-cookie', 'access-control-allow-origin', 'access-control-allow-credentials', 'strict-transport-security', 'www-authenticate', 'refresh', 'link', 'server']) {
      expect(res.headers.get(name), name).toBeNull();
    }
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).not.toContain('*');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it.each([
    [`/api/v1/coSpaces/${CREATED_ID}`, `/api/v1/coSpaces/${CREATED_ID}`],
    ['CMS_ORIGIN/api/v1/coSpaces/ID/accessMethods/ID', '/api/v1/coSpaces/ID/accessMethods/ID'],
    ['https://evil.example/api/v1/coSpaces/ID', null],
    ['/api/v1/../../admin', null],
    ['/somewhere/else', null],
    ['//evil.example/api/v1/coSpaces/ID', null],
  ])('passes a created object’s Location %s as %s', async (location, expected) => {
    const sent = location.replace('CMS_ORIGIN', cms.url).replaceAll('ID', CREATED_ID);
    const res = await get(patient, `/api/v1/created?location=${encodeURIComponent(sent)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBe(expected?.replaceAll('ID', CREATED_ID) ?? null);
  });

  it('answers a CMS redirect with a 502 that says why, and never follows or passes it on', async () => {
    const before = cms.stats.requests;
    const res = await get(patient, '/api/v1/redirect');
    expect(res.status).toBe(502);
    expect(res.headers.get('location')).toBeNull();
    expect(res.problem?.kind).toBe('cms-redirect');
    expect(res.problem?.detail).toMatch(/HTTP 302 to https:\/\/other-host\.example.*never follows.*CMS_URL/);
    expect(cms.stats.requests).toBe(before + 1);
  });

  it('waits past a 103 Early Hints for the real answer', async () => {
    const res = await get(patient, '/api/v1/early-hints');
    expect(res.status).toBe(200);
    expect(res.text).toBe(SMALL_ANSWER);
    expect(res.headers.get('link')).toBeNull();
    expect(patient.log()).toMatch(/GET \/api\/v1\/early-hints 200 /);
  });
});

describe('limits on CMS answers', () => {
  it('gives up on an answer that trickles past CMS_DEADLINE_MS with a 504, and lets go of CMS', async () => {
    const res = await get(strict, '/api/v1/trickle');
    expect(res.status).toBe(504);
    expect(res.problem).toMatchObject({ kind: 'cms-deadline', status: 504 });
    expect(res.problem?.detail).toMatch(/did not complete its answer within 0\.4 s \(CMS_DEADLINE_MS\)/);
    await vi.waitFor(() => expect(cms.stats.streamsOpen).toBe(0), { timeout: 5000, interval: 10 });
  });

  it('refuses an answer that grows past CMS_MAX_ANSWER_BYTES with a 502, and lets go of CMS', async () => {
    const res = await get(strict, '/api/v1/flood');
    expect(res.status).toBe(502);
    expect(res.problem?.kind).toBe('cms-too-large');
    expect(res.problem?.detail).toMatch(/1,048,576 bytes the proxy passes on \(CMS_MAX_ANSWER_BYTES\)/);
    await vi.waitFor(() => expect(cms.stats.streamsOpen).toBe(0), { timeout: 5000, interval: 10 });
  });

  it('refuses an answer that announces more than the limit before reading it', async () => {
    const res = await get(strict, '/api/v1/huge-declared');
    expect(res.status).toBe(502);
    expect(res.problem?.detail).toMatch(/10,737,418,240 bytes, more than the 1,048,576/);
    await vi.waitFor(() => expect(cms.stats.streamsOpen).toBe(0), { timeout: 5000, interval: 10 });
  });

  it.each([
    ['stall-headers', 504, 'cms-timeout', /did not answer within 0\.2 s/],
    ['stall-body', 504, 'cms-timeout', /stopped sending its answer for 0\.2 s/],
    ['drop-before-answer', 502, 'cms-broken-answer', /broke off its answer/],
    ['drop-mid-body', 502, 'cms-broken-answer', /broke off its answer/],
    ['not-http', 502, 'cms-broken-answer', /not HTTP/],
  ])('answers a CMS that does "%s" with %i %s and a reason', async (behaviour, status, kind, detail) => {
    const res = await get(impatient, `/api/v1/${behaviour}`);
    expect(res.status).toBe(status);
    expect(res.problem?.kind).toBe(kind);
    expect(res.problem?.detail).toMatch(detail);
    expect(impatient.log()).toContain(`GET /api/v1/${behaviour} ${status} `);
  });
});
