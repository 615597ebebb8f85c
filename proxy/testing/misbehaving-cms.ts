import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export const SMALL_ANSWER = '<?xml version="1.0"?><coSpaces total="1"><coSpace id="7cc797c9-c0a8-47cf-b519-8dc5a01f1ade"><name>Guest space</name></coSpace></coSpaces>';
export const CREATED_ID = '1d942281-413e-4a2a-b776-91a674c3a5a9';

/** What the misbehaving CMS saw: streams it started and how many the proxy has let go of. */
export interface MisbehavingStats {
  streamsStarted: number;
  streamsOpen: number;
  requests: number;
}

export interface MisbehavingCms {
  url: string;
  stats: MisbehavingStats;
  close(): Promise<void>;
}

type Behaviour = (req: IncomingMessage, res: ServerResponse, stats: MisbehavingStats) => void;

const xml = (res: ServerResponse, status = 200, extra: Record<string, string | string[]> = {}) => {
  res.writeHead(status, { 'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(SMALL_ANSWER), ...extra });
  res.end(SMALL_ANSWER);
};

/** Writes `chunk` every `everyMs` until the proxy lets go of the answer; counts open streams. */
function stream(res: ServerResponse, stats: MisbehavingStats, chunk: Buffer, everyMs: number, headers: Record<string, string> = {}) {
  stats.streamsStarted++;
  stats.streamsOpen++;
  res.writeHead(200, { 'Content-Type': 'text/xml', ...headers });
  const timer = setInterval(() => res.write(chunk), everyMs);
  res.once('close', () => {
    clearInterval(timer);
    stats.streamsOpen--;
  });
}

/**
 * A CMS as an attacker (or a broken middlebox) would run it, one misbehaviour per path under
 * /api/v1: it drops, stalls, redirects, floods, sets cookies, sends 103 and trickles bytes.
 */
const behaviours: Record<string, Behaviour> = {
  ok: (_req, res) => xml(res),
  created: (req, res) => {
    const where = new URL(req.url ?? '/', 'http://x').searchParams.get('location') ?? `/api/v1/coSpaces/${CREATED_ID}`;
    res.writeHead(200, { Location: where, 'Content-Length': 0 });
    res.end();
  },
  'hostile-headers': (_req, res) =>
    xml(res, 200, {
      'Set-Cookie': ['session=stolen; Path=/', 'tracker=1; Path=/; SameSite=None; Secure'],
      'Access-Control-Allow-Origin': 'https://evil.example',
      'Access-Control-Allow-Credentials': 'true',
      'Content-Security-Policy': "default-src *; frame-ancestors *",
      'X-Frame-Options': 'ALLOWALL',
      'Strict-Transport-Security': 'max-age=0',
      'WWW-Authenticate': 'Basic realm="acano"',
      Refresh: '0; url=https://evil.example/',
      Link: '<https://evil.example/x.js>; rel=preload; as=script',
      Server: 'Acano CMS',
      'Retry-After': '7',
    }),
  busy: (_req, res) => xml(res, 503, { 'Retry-After': '3' }),
  redirect: (_req, res) => {
    res.writeHead(302, { Location: 'https://other-host.example/api/v1/coSpaces', 'Content-Length': 0 });
    res.end();
  },
  'early-hints': (_req, res) => {
    res.writeEarlyHints({ link: '</style.css>; rel=preload; as=style' });
    xml(res);
  },
  stream: (_req, res, stats) => stream(res, stats, Buffer.alloc(16 * 1024, 'a'), 5),
  trickle: (_req, res, stats) => stream(res, stats, Buffer.from('<'), 20),
  flood: (_req, res, stats) => stream(res, stats, Buffer.alloc(256 * 1024, 'f'), 1),
  'huge-declared': (_req, res, stats) => stream(res, stats, Buffer.alloc(1024, 'h'), 50, { 'Content-Length': String(10 * 1024 ** 3) }),
  'stall-headers': () => undefined,
  'stall-body': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': '1000' });
    res.write('<coSpaces total="1">');
  },
  'drop-before-answer': (req) => req.socket.destroy(),
  'drop-mid-body': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': '1000' });
    res.write('<coSpaces total="1">', () => res.socket?.destroy());
  },
  'not-http': (req) => req.socket.end('SSH-2.0-OpenSSH_9.2\r\n\r\n'),
};

/** Starts it on an ephemeral port; `tls` makes it HTTPS with the given certificate. */
export async function startMisbehavingCms(tls?: { key: string; cert: string }): Promise<MisbehavingCms> {
  const stats: MisbehavingStats = { streamsStarted: 0, streamsOpen: 0, requests: 0 };
  const sockets = new Set<Socket>();
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    stats.requests++;
    const name = /^\/api\/v1\/([\w-]+)/.exec(req.url ?? '')?.[1] ?? '';
    const behaviour = behaviours[name] ?? behaviours.ok!;
    behaviour(req, res, stats);
  };
  const server: Server = tls ? createHttpsServer(tls, onRequest) : createHttpServer(onRequest);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
