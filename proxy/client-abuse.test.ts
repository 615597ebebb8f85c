import { connect, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PROXY_PROBLEM_HEADER } from '../src/api/wire/proxy-problem';
import { rawExchange, startStudio, type StudioUnderTest } from './testing/studio-under-test';

let studio: StudioUnderTest;
let strict: StudioUnderTest;

beforeAll(async () => {
  [studio, strict] = await Promise.all([
    startStudio(),
    startStudio({ CLIENT_HEADER_TIMEOUT_MS: '300', CLIENT_BODY_TIMEOUT_MS: '300', CLIENT_REQUEST_TIMEOUT_MS: '1000' }),
  ]);
});

afterAll(async () => {
  await Promise.all([studio, strict].map((s) => s?.close()));
});

afterEach(() => {
  vi.restoreAllMocks();
});

const head = (port: number, lines: string[]) => `${lines.join('\r\n').replaceAll('HOST', `127.0.0.1:${port}`)}\r\n\r\n`;

interface Abuser {
  socket: Socket;
  localPort: number;
  received: () => string;
  closed: Promise<void>;
}

function abuser(port: number): Promise<Abuser> {
  return new Promise((resolve) => {
    let received = '';
    let onClosed: () => void = () => undefined;
    const closed = new Promise<void>((r) => (onClosed = r));
    const socket = connect(port, '127.0.0.1', () => resolve({ socket, localPort: socket.localPort ?? 0, received: () => received, closed }));
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', onClosed);
  });
}

/** Writes `chunk` until the server closes the connection or `maxBytes` are out; answers how many bytes went. */
async function pour(socket: Socket, chunk: Buffer, maxBytes: number): Promise<number> {
  let sent = 0;
  while (sent < maxBytes && !socket.destroyed) {
    const flushed = socket.write(chunk);
    sent += chunk.length;
    if (!flushed) {
      await new Promise<void>((resolve) => {
        const done = () => {
          socket.off('drain', done).off('close', done);
          resolve();
        };
        socket.on('drain', done).on('close', done);
      });
    }
  }
  return sent;
}

describe('a refused body', () => {
  it.each([
    ['announced with Content-Length', ['Content-Length: 104857600'], (chunk: Buffer) => chunk],
    ['sent chunked', ['Transfer-Encoding: chunked'], (chunk: Buffer) => Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')])],
  ])('%s gets a 413 and the connection closes: the rest is never read', async (_how, framing, frame) => {
    const client = await abuser(studio.port);
    client.socket.write(head(studio.port, ['POST /api/v1/coSpaces HTTP/1.1', 'Host: HOST', 'X-Requested-By: cms-access-studio', 'Content-Type: application/x-www-form-urlencoded', ...framing]));
    const sent = await pour(client.socket, frame(Buffer.alloc(256 * 1024, 'x')), 64 * 1024 * 1024);
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 413 [\s\S]*connection: close[\s\S]*Request bodies over 1 MiB are refused/i);
    const server = studio.serverSocketOf(client.localPort);
    expect(server?.destroyed).toBe(true);
    // The old proxy read all 64 MiB; now it stops at the limit plus what was in flight.
    expect(server!.bytesRead).toBeLessThan(8 * 1024 * 1024);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('slow clients', () => {
  it('cuts off headers that trickle in past CLIENT_HEADER_TIMEOUT_MS, with one log line', async () => {
    const client = await abuser(strict.port);
    client.socket.write(`GET /api/v1/coSpaces HTTP/1.1\r\nHost: 127.0.0.1:${strict.port}\r\n`);
    for (let i = 0; i < 400 && !client.socket.destroyed; i++) {
      client.socket.write(`X-Slow-${i}: 1\r\n`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
    expect(strict.log()).toMatch(/ - \(request timed out\) 408 /);
  });

  it('answers 408 to a body that stalls for CLIENT_BODY_TIMEOUT_MS, and closes', async () => {
    const client = await abuser(strict.port);
    client.socket.write(head(strict.port, ['PUT /api/v1/coSpaces/x HTTP/1.1', 'Host: HOST', 'X-Requested-By: cms-access-studio', 'Content-Length: 100']) + 'name=stall');
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 [\s\S]*The request body stalled: nothing arrived for 0\.3 s/);
    expect(strict.log()).toMatch(/PUT \/api\/v1\/coSpaces\/x 408 /);
  });

  it('closes on a body that trickles past CLIENT_REQUEST_TIMEOUT_MS', async () => {
    const client = await abuser(strict.port);
    client.socket.write(head(strict.port, ['PUT /api/v1/coSpaces/y HTTP/1.1', 'Host: HOST', 'X-Requested-By: cms-access-studio', 'Content-Length: 100000']));
    for (let i = 0; i < 400 && !client.socket.destroyed; i++) {
      client.socket.write('a');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 408/);
    expect(strict.log()).toMatch(/PUT \/api\/v1\/coSpaces\/y 408 /);
  });
});

describe('malformed requests', () => {
  it.each([
    ['/api/v1/system/status', 'API'],
    ['/spaces', 'static'],
  ])('refuses two Host headers (%s, %s)', async (path) => {
    const res = await rawExchange(studio.port, head(studio.port, [`GET ${path} HTTP/1.1`, 'Host: HOST', 'Host: evil.example', 'X-Requested-By: cms-access-studio']));
    expect(res.text).toMatch(/^HTTP\/1\.1 400 [\s\S]*more than one Host header/);
    expect(res.text.toLowerCase()).toContain(`${PROXY_PROBLEM_HEADER.toLowerCase()}: refused`);
    expect(res.closed).toBe(true);
  });

  it.each([
    ['a header without a colon', 'GET /api/v1/coSpaces HTTP/1.1\r\nHost: HOST\r\nBad Header\r\n\r\n', 400, /HPE_INVALID_HEADER_TOKEN/],
    ['a broken method', 'G@T / HTTP/1.1\r\nHost: HOST\r\n\r\n', 400, /HPE_INVALID_METHOD/],
    ['headers over the size limit', `GET / HTTP/1.1\r\nHost: HOST\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431, /HPE_HEADER_OVERFLOW/],
    ['a broken chunk in a body', 'POST /api/v1/coSpaces HTTP/1.1\r\nHost: HOST\r\nX-Requested-By: cms-access-studio\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n', 400, /POST \/api\/v1\/coSpaces 400/],
  ])('logs %s in one line with no stack trace', async (_what, request, status, logged) => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const before = studio.log().split('\n').length;
    const res = await rawExchange(studio.port, request.replaceAll('HOST', `127.0.0.1:${studio.port}`));
    expect(res.text).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(res.closed).toBe(true);
    await vi.waitFor(() => expect(studio.log().split('\n').length - before).toBe(1), { timeout: 2000, interval: 10 });
    const line = studio.log().split('\n').slice(before - 1, -1).join('\n');
    expect(line).toMatch(logged);
    expect(line).toContain(` ${status} `);
    expect(errors).not.toHaveBeenCalled();
  });
});

describe('security headers', () => {
  const pageHeaders = (headers: Headers) => ({
    csp: headers.get('content-security-policy'),
    frame: headers.get('x-frame-options'),
    sniff: headers.get('x-content-type-options'),
    referrer: headers.get('referrer-policy'),
  });

  it.each([
    ['GET', '/', 200, "script-src 'self'"],
    ['GET', '/assets/app.js', 200, "script-src 'self'"],
    ['GET', '/spaces/some-space', 200, "script-src 'self'"],
    ['GET', '/api/v1/coSpaces', 200, "default-src 'none'"],
    ['GET', '/api/v2/coSpaces', 404, "default-src 'none'"],
    ['PATCH', '/api/v1/coSpaces', 405, "default-src 'none'"],
    ['GET', '/studio/connection', 200, "default-src 'none'"],
    ['GET', '/studio/other', 404, "default-src 'none'"],
    ['POST', '/mock-cms/faults', 200, "default-src 'none'"],
  ])('are on %s %s (%i)', async (method, path, status, policy) => {
    const init: RequestInit = { method, headers: { 'X-Requested-By': 'cms-access-studio', 'Content-Type': 'application/json' } };
    if (method === 'POST') init.body = '{}';
    const res = await fetch(studio.url + path, init);
    await res.arrayBuffer();
    expect(res.status).toBe(status);
    const headers = pageHeaders(res.headers);
    expect(headers.csp).toContain("frame-ancestors 'none'");
    expect(headers.csp).toContain(policy);
    expect(headers).toMatchObject({ frame: 'DENY', sniff: 'nosniff', referrer: 'no-referrer' });
  });

  it('are on answers to requests Node could not parse', async () => {
    const res = await rawExchange(studio.port, 'BROKEN\r\n\r\n');
    expect(res.text).toMatch(/^HTTP\/1\.1 400[\s\S]*Content-Security-Policy: [^\r]*frame-ancestors 'none'[\s\S]*X-Frame-Options: DENY/);
  });
});
