import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LAB } from '../src/mocks/cms/seeds/lab';
import { type SpawnedMock, spawnMockCms } from '../src/mocks/cms/testing/spawn-mock';
import { freePort, type SpawnedProxy, spawnProxy } from './testing/spawn-proxy';

const PASSWORD = 'S3cret-Pa55';
const BASIC = `Basic ${btoa(`admin:${PASSWORD}`)}`;
const XRB = { 'X-Requested-By': 'cms-access-studio' };

let cms: SpawnedMock;
let slowCms: SpawnedMock;
let serverHeld: SpawnedProxy;
let formMode: SpawnedProxy;
let noCa: SpawnedProxy;
let insecure: SpawnedProxy;
let unreachable: SpawnedProxy;
let slow: SpawnedProxy;

async function send(proxy: SpawnedProxy, path: string, init: RequestInit = {}) {
  const res = await fetch(proxy.url + path, init);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Raw HTTP, for request lines fetch will not send (absolute-form targets, odd methods). */
function raw(proxy: SpawnedProxy, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(proxy.port, '127.0.0.1', () => socket.write(head));
    let data = '';
    socket.on('data', (d) => {
      data += d.toString();
      if (data.includes('\r\n\r\n')) socket.end();
    });
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

beforeAll(async () => {
  const env = { MOCK_CMS_USER: 'admin', MOCK_CMS_PASSWORD: PASSWORD };
  [cms, slowCms] = await Promise.all([spawnMockCms(['--tls'], env), spawnMockCms(['--tls', '--latency', '1500'], env)]);
  const caFile = cms.caFile!;
  const closedPort = await freePort();
  [serverHeld, formMode, noCa, insecure, unreachable, slow] = await Promise.all([
    spawnProxy({ CMS_URL: cms.url, CMS_CA_FILE: caFile, CMS_USER: 'admin', CMS_PASSWORD: PASSWORD }),
    spawnProxy({ CMS_URL: cms.url, CMS_CA_FILE: caFile }),
    spawnProxy({ CMS_URL: cms.url, CMS_USER: 'admin', CMS_PASSWORD: PASSWORD }),
    spawnProxy({ CMS_URL: cms.url, CMS_INSECURE_TLS: '1', CMS_USER: 'admin', CMS_PASSWORD: PASSWORD }),
    spawnProxy({ CMS_URL: `https://127.0.0.1:${closedPort}`, CMS_USER: 'admin', CMS_PASSWORD: PASSWORD }),
    spawnProxy({ CMS_URL: slowCms.url, CMS_CA_FILE: slowCms.caFile!, CMS_USER: 'admin', CMS_PASSWORD: PASSWORD, CMS_TIMEOUT_MS: '400' }),
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all([serverHeld, formMode, noCa, insecure, unreachable, slow, cms, slowCms].map((p) => p?.stop()));
});

describe('forwarding', () => {
  it('forwards GET, POST, PUT and DELETE with server-held credentials', async () => {
    const created = await send(serverHeld, '/api/v1/coSpaces', {
      method: 'POST',
      headers: { ...XRB, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'name=Through%20proxy&uri=proxy.space&passcode=4711',
    });
    expect(created.status).toBe(200);
    const location = created.headers.get('location')!;
    expect(location).toMatch(/^\/api\/v1\/coSpaces\/[0-9a-f-]{36}$/);
    const updated = await send(serverHeld, location, {
      method: 'PUT',
      headers: { ...XRB, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'name=Renamed',
    });
    expect(updated.status).toBe(200);
    const read = await send(serverHeld, location, { headers: XRB });
    expect(read.text).toContain('<name>Renamed</name>');
    expect(read.text).toContain('<uri>proxy.space</uri>');
    expect((await send(serverHeld, location, { method: 'DELETE', headers: XRB })).status).toBe(200);
    const gone = await send(serverHeld, location, { headers: XRB });
    expect(gone.status).toBe(404);
    expect(gone.text).toContain('<coSpaceDoesNotExist');
  });

  it('uses its own credentials whatever the browser sends', async () => {
    const res = await send(serverHeld, '/api/v1/system/status', { headers: { ...XRB, Authorization: `Basic ${btoa('eve:guess')}` } });
    expect(res.status).toBe(200);
  });

  it('passes the browser credentials through in sign-in mode, and never a Basic challenge', async () => {
    const without = await send(formMode, '/api/v1/coSpaces');
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toBeNull();
    const wrong = await send(formMode, '/api/v1/coSpaces', { headers: { Authorization: `Basic ${btoa('admin:nope')}` } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBeNull();
    const right = await send(formMode, `/api/v1/coSpaces/${LAB.coSpaces.guest}`, { headers: { Authorization: BASIC } });
    expect(right.status).toBe(200);
    expect(right.text).toContain('<uri>guest.space</uri>');
  });

  it('tells the SPA which CMS it talks to and how credentials are supplied', async () => {
    expect(JSON.parse((await send(serverHeld, '/studio/connection')).text)).toMatchObject({
      mode: 'cms',
      target: cms.url,
      user: 'admin',
      credentials: 'server',
    });
    expect(JSON.parse((await send(formMode, '/studio/connection')).text)).toMatchObject({ mode: 'cms', credentials: 'form' });
    expect((await send(serverHeld, '/studio/connection')).text).not.toContain(PASSWORD);
  });
});

describe('TLS', () => {
  it('refuses an untrusted certificate with a reason that names CMS_CA_FILE', async () => {
    const res = await send(noCa, '/api/v1/coSpaces', { headers: XRB });
    expect(res.status).toBe(502);
    expect(res.text).toMatch(/CMS_CA_FILE/);
  });

  it('accepts it with CMS_INSECURE_TLS=1, warning at start', async () => {
    expect((await send(insecure, '/api/v1/coSpaces', { headers: XRB })).status).toBe(200);
    expect(insecure.output()).toMatch(/WARNING: TLS certificate checks are OFF/);
    expect(JSON.parse((await send(insecure, '/studio/connection')).text).insecureTls).toBe(true);
  });
});

describe('upstream failures', () => {
  it('answers 502 naming the fix when CMS is unreachable', async () => {
    const res = await send(unreachable, '/api/v1/coSpaces', { headers: XRB });
    expect(res.status).toBe(502);
    expect(res.text).toMatch(/Could not reach CMS .*ECONNREFUSED/);
  });

  it('answers 504 when CMS is slower than CMS_TIMEOUT_MS', async () => {
    const res = await send(slow, '/api/v1/coSpaces', { headers: XRB });
    expect(res.status).toBe(504);
    expect(res.text).toMatch(/did not answer within/);
  });

  it('passes 503 through so the client can retry', async () => {
    const dispatcher = new Agent({ connect: { ca: readFileSync(cms.caFile!, 'utf8') } });
    await undiciFetch(`${cms.url}/mock-cms/faults`, {
      method: 'POST',
      headers: { Authorization: `Basic ${btoa(`admin:${PASSWORD}`)}` },
      body: JSON.stringify({ busy: 1 }),
      dispatcher,
    });
    expect((await send(serverHeld, '/api/v1/coSpaces', { headers: XRB })).status).toBe(503);
    expect((await send(serverHeld, '/api/v1/coSpaces', { headers: XRB })).status).toBe(200);
    await dispatcher.close();
  });
});

describe('guards', () => {
  it('forwards only /api/v1, refusing traversal in every spelling', async () => {
    for (const path of ['/api/v1/../v2/x', '/api/v1/%2e%2e/x', '/api/v1/coSpaces%2f..%2fsystem', '/api/v1/coSpaces/%5c..']) {
      const res = await raw(serverHeld, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${serverHeld.port}\r\nX-Requested-By: cms-access-studio\r\nConnection: close\r\n\r\n`);
      expect(res, path).toMatch(/^HTTP\/1.1 400/);
    }
    expect((await send(serverHeld, '/api/v2/coSpaces', { headers: XRB })).status).toBe(404);
    expect((await send(serverHeld, '/api/other', { headers: XRB })).status).toBe(404);
  });

  it('refuses absolute-form targets naming another host', async () => {
    const res = await raw(
      serverHeld,
      `GET http://169.254.169.254/api/v1/coSpaces HTTP/1.1\r\nHost: 127.0.0.1:${serverHeld.port}\r\nX-Requested-By: cms-access-studio\r\nConnection: close\r\n\r\n`,
    );
    expect(res).toMatch(/^HTTP\/1.1 400/);
  });

  it('forwards GET, POST, PUT and DELETE only', async () => {
    for (const method of ['PATCH', 'OPTIONS', 'HEAD', 'TRACE']) {
      const res = await raw(serverHeld, `${method} /api/v1/coSpaces HTTP/1.1\r\nHost: 127.0.0.1:${serverHeld.port}\r\nX-Requested-By: cms-access-studio\r\nConnection: close\r\n\r\n`);
      expect(res, method).toMatch(/^HTTP\/1.1 405/);
      expect(res).not.toMatch(/access-control-allow/i);
    }
  });

  it('refuses bodies over 1 MiB, with a length or chunked', async () => {
    const big = 'name=' + 'x'.repeat(1024 * 1024 + 10);
    const withLength = await send(serverHeld, '/api/v1/coSpaces', { method: 'POST', headers: XRB, body: big });
    expect(withLength.status).toBe(413);
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(64 * 1024)));
        controller.close();
      },
    });
    const chunked = await send(serverHeld, '/api/v1/coSpaces', { method: 'POST', headers: XRB, body: chunks, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('refuses foreign Host names (DNS rebinding)', async () => {
    const res = await raw(serverHeld, `GET /api/v1/coSpaces HTTP/1.1\r\nHost: attacker.example:${serverHeld.port}\r\nX-Requested-By: cms-access-studio\r\nConnection: close\r\n\r\n`);
    expect(res).toMatch(/^HTTP\/1.1 403/);
  });

  it('refuses foreign Origin, or foreign Referer without Origin, and calls without X-Requested-By', async () => {
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const origin = await send(serverHeld, '/api/v1/coSpaces', { method: 'POST', headers: { ...XRB, ...form, Origin: 'https://evil.example' }, body: 'name=x' });
    expect(origin.status).toBe(403);
    const referer = await send(serverHeld, '/api/v1/coSpaces', {
      method: 'POST',
      headers: { ...XRB, ...form, Referer: 'https://evil.example/page' },
      body: 'name=x',
    });
    expect(referer.status).toBe(403);
    const sameSite = await send(serverHeld, '/api/v1/coSpaces', {
      method: 'POST',
      headers: { ...XRB, ...form, Origin: serverHeld.url },
      body: 'name=same-origin',
    });
    expect(sameSite.status).toBe(200);
    expect((await send(serverHeld, '/api/v1/coSpaces')).status).toBe(403);
  });

  it('forwards only to configured targets', async () => {
    const res = await send(serverHeld, '/api/v1/coSpaces', { headers: { ...XRB, 'X-CMS-Target': 'elsewhere' } });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/configured targets/);
  });
});

describe('several clusters', () => {
  it('forwards to the target the SPA picked, and only to configured ones', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'targets-')), 'targets.json');
    writeFileSync(
      file,
      JSON.stringify({
        london: { url: cms.url, caFile: cms.caFile, user: 'admin', password: PASSWORD },
        paris: { url: slowCms.url, caFile: slowCms.caFile },
      }),
    );
    const multi = await spawnProxy({ CMS_TARGETS: file });
    try {
      const connection = JSON.parse((await send(multi, '/studio/connection')).text);
      expect(connection.targets).toEqual([
        { name: 'london', url: cms.url, credentials: 'server', user: 'admin' },
        { name: 'paris', url: slowCms.url, credentials: 'form' },
      ]);
      expect(JSON.stringify(connection)).not.toContain(PASSWORD);
      const created = await send(multi, '/api/v1/coSpaces', {
        method: 'POST',
        headers: { ...XRB, 'X-CMS-Target': 'london', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'name=Only%20in%20London&uri=london.only',
      });
      expect(created.status).toBe(200);
      const inParis = await send(multi, '/api/v1/coSpaces?filter=london.only', { headers: { 'X-CMS-Target': 'paris', Authorization: BASIC } });
      expect(inParis.text).toContain('total="0"');
      const inLondon = await send(multi, '/api/v1/coSpaces?filter=london.only', { headers: { ...XRB, 'X-CMS-Target': 'london' } });
      expect(inLondon.text).toContain('total="1"');
      // The access log is written every 100 ms.
      await vi.waitFor(() => expect(multi.output()).toMatch(/GET \/api\/v1\/coSpaces\?filter=london.only 200 [\d.]+ms paris/), { timeout: 5000 });
    } finally {
      await multi.stop();
    }
  });
});

describe('access log', () => {
  it('has one line per request and no secret after a run that sent passwords and passcodes', async () => {
    await send(formMode, '/api/v1/coSpaces?passcode=24680&filter=x', { headers: { Authorization: BASIC } });
    await send(serverHeld, `/api/v1/coSpaces/${LAB.coSpaces.coolBridge}`, {
      method: 'PUT',
      headers: { ...XRB, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'passcode=13579&secret=TopSecretValue',
    });
    await vi.waitFor(() => expect(serverHeld.output()).toMatch(/PUT \/api\/v1\/coSpaces\/[0-9a-f-]+ 200 /), { timeout: 5000 });
    await vi.waitFor(() => expect(formMode.output()).toMatch(/passcode=\*\*\*\*\*&filter=x 200 /), { timeout: 5000 });
    for (const proxy of [formMode, serverHeld]) {
      const log = proxy.output();
      for (const secret of [PASSWORD, btoa(`admin:${PASSWORD}`), '24680', '13579', 'TopSecretValue', 'Authorization']) {
        expect(log).not.toContain(secret);
      }
    }
    expect(formMode.output()).toMatch(/GET \/api\/v1\/coSpaces\?passcode=\*\*\*\*\*&filter=x 200 [\d.]+ms default/);
    expect(serverHeld.output()).toMatch(/PUT \/api\/v1\/coSpaces\/[0-9a-f-]+ 200 [\d.]+ms default/);
  });
});
