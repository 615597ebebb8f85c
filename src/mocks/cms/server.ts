import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toRequest(req: IncomingMessage, body: Buffer, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    signal,
    ...(method === 'GET' || method === 'HEAD' ? {} : { body: new Uint8Array(body) }),
  });
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  // Response.error(): the model lost the answer on purpose (an apply-then-reset fault): drop the connection.
  if (response.type === 'error') {
    res.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

/**
 * Answers a node:http request from the msw handler set; resolves false when no handler claims
 * the path, so a host server (the proxy, `npm start`) can serve it instead.
 */
export async function handleWithMsw(
  handlers: RequestHandler[],
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
  alreadyRead?: Buffer,
): Promise<boolean> {
  const body = alreadyRead ?? (await readBody(req));
  // A client that goes away aborts the request, so a write the mock holds on purpose is let go.
  const gone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  const response = await getResponse(handlers, toRequest(req, body, origin, gone.signal));
  if (!response) return false;
  await writeResponse(res, response);
  return true;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function listen(
  handlers: RequestHandler[],
  options: { host: string; port: number; tls?: { key: string; cert: string } },
): Promise<RunningServer> {
  const scheme = options.tls ? 'https' : 'http';
  const origin = () => `${scheme}://${options.host}`;
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handleWithMsw(handlers, req, res, origin())
      .then((handled) => {
        if (!handled) {
          res.writeHead(404, { 'Content-Type': 'text/plain' });
          res.end('Not found');
        }
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(error instanceof Error ? error.message : 'Internal error');
      });
  };
  const server = options.tls ? createHttpsServer(options.tls, onRequest) : createHttpServer(onRequest);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `${scheme}://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
