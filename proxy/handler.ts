import type { IncomingMessage, ServerResponse } from 'node:http';
import { createCmsHandlers } from '../src/mocks/cms/handlers';
import { createMockCms, type MockCms } from '../src/mocks/cms/mock-cms';
import { handleWithMsw } from '../src/mocks/cms/server';
import type { AccessLog } from './access-log';
import type { ProxyConfig, Target } from './config';
import { JOURNAL_PREFIX } from '../src/api/wire/journal-contract';
import { createJournalService, isScansPath } from './journal/service';
import { allowedHostSet, checkApiTarget, FORWARDED_METHODS, hostAllowed, sameOrigin } from './guards';
import { createCmsUpstream, type CmsUpstream, UpstreamError } from './upstream';

export const MAX_BODY_BYTES = 1024 * 1024;
export const REQUESTED_BY = 'cms-access-studio';
const TARGET_HEADER = 'x-cms-target';

class RequestRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function refuse(res: ServerResponse, status: number, reason: string, extra: Record<string, string> = {}) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(`${reason}\n`);
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const declared = req.headers['content-length'];
  // Most calls are GETs without a body; waiting for the stream's end would cost a tick each.
  if ((declared === undefined || declared === '0') && req.headers['transfer-encoding'] === undefined) return Promise.resolve(undefined);
  if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) {
    return Promise.reject(new RequestRefused(413, 'Request bodies over 1 MiB are refused.'));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(new RequestRefused(413, 'Request bodies over 1 MiB are refused.'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size === 0 ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export interface StudioHandler {
  /** true when the request was an API, studio or mock-control request and has been answered */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  readonly mock?: MockCms;
  /** where the change journal lives, once it is open; rejects when it cannot open */
  readonly journalReady: Promise<string>;
  close(): Promise<void>;
}

/** Forward, authenticate, guard, log: everything `npm start` and `npm run dev` do besides static files. */
export function createStudioHandler(config: ProxyConfig, accessLog: AccessLog): StudioHandler {
  const hosts = allowedHostSet(config.host, config.port, config.allowedHosts);
  const mock = config.targets === null ? createMockCms({ credentials: null, seed: 'lab' }) : undefined;
  const mockHandlers = mock ? createCmsHandlers(mock) : undefined;
  const upstreams = new Map<string, CmsUpstream>(
    (config.targets ?? []).map((t) => [t.name, createCmsUpstream(t, config.timeoutMs)]),
  );
  const defaultTarget = config.targets?.[0];
  const journal = createJournalService({ config: config.journal, targets: config.targets, timeoutMs: config.timeoutMs, requestedBy: REQUESTED_BY, accessLog });
  const serverAuthorization = new Map(
    (config.targets ?? []).flatMap((t) =>
      t.credentials ? [[t.name, `Basic ${Buffer.from(`${t.credentials.user}:${t.credentials.password}`).toString('base64')}`] as const] : [],
    ),
  );

  const pickTarget = (req: IncomingMessage): Target | undefined => {
    const wanted = req.headers[TARGET_HEADER];
    if (wanted === undefined || config.targets === null) return defaultTarget;
    const target = config.targets.find((t) => t.name === wanted);
    if (!target) throw new RequestRefused(400, `Unknown CMS target "${String(wanted)}"; the proxy forwards only to configured targets.`);
    return target;
  };

  const connection = () => {
    if (!config.targets) return { mode: 'mock' as const, credentials: 'server' as const };
    const first = config.targets[0]!;
    return {
      mode: 'cms' as const,
      target: first.url,
      ...(first.credentials ? { user: first.credentials.user } : {}),
      credentials: first.credentials ? ('server' as const) : ('form' as const),
      ...(first.insecureTls ? { insecureTls: true } : {}),
      targets: config.targets.map((t) => ({
        name: t.name,
        url: t.url,
        credentials: t.credentials ? 'server' : 'form',
        ...(t.credentials ? { user: t.credentials.user } : {}),
        ...(t.insecureTls ? { insecureTls: true } : {}),
      })),
    };
  };

  const api = async (req: IncomingMessage, res: ServerResponse, started: number) => {
    const method = req.method ?? 'GET';
    let targetName = mock ? 'mock' : (defaultTarget?.name ?? '-');
    let status = 0;
    let path = req.url ?? '/';
    try {
      if (!FORWARDED_METHODS.has(method)) throw new RequestRefused(405, `Method ${method} is not forwarded.`);
      const checked = checkApiTarget(path);
      if (!checked.ok) throw new RequestRefused(checked.status, checked.reason);
      path = checked.path;
      if (!sameOrigin(req.headers, method)) throw new RequestRefused(403, 'Requests from other sites are refused.');
      const target = pickTarget(req);
      if (target) targetName = target.name;
      const serverCredentials = mock !== undefined || target?.credentials !== undefined;
      if (serverCredentials && req.headers['x-requested-by'] !== REQUESTED_BY) {
        throw new RequestRefused(403, `API calls must carry X-Requested-By: ${REQUESTED_BY}.`);
      }
      const received = await readBody(req);
      const body = method === 'POST' || method === 'PUT' ? received : undefined;
      if (mock && mockHandlers) {
        const handled = await handleWithMsw(mockHandlers, req, res, `http://${req.headers.host}`, body ?? Buffer.alloc(0));
        status = handled ? res.statusCode : 404;
        if (!handled) refuse(res, 404, 'Not found.');
        return;
      }
      const upstream = upstreams.get(target!.name)!;
      const headers: Record<string, string> = { accept: 'text/xml' };
      const type = req.headers['content-type'];
      if (type) headers['content-type'] = type;
      if (body) headers['content-length'] = String(body.length);
      const authorization = serverAuthorization.get(target!.name) ?? req.headers.authorization;
      if (authorization) headers.authorization = authorization;
      status = await upstream.forward({ method, path, headers, ...(body ? { body } : {}) }, res);
    } catch (error) {
      if (error instanceof RequestRefused || error instanceof UpstreamError) {
        status = error.status;
        refuse(res, error.status, error.message, error.status === 405 ? { Allow: 'GET, POST, PUT, DELETE' } : {});
      } else {
        status = 500;
        refuse(res, 500, 'The proxy failed on this request.');
        console.error(error);
      }
    } finally {
      accessLog.log({ method, path, status, ms: performance.now() - started, target: targetName });
    }
  };

  return {
    ...(mock ? { mock } : {}),
    journalReady: journal.ready,
    handle(req, res) {
      const url = req.url ?? '/';
      const isApi = /^\/api(\/|$|\?)/i.test(url) || !url.startsWith('/');
      const isStudio = url.startsWith('/studio/');
      const isMockControl = mock !== undefined && url.startsWith('/mock-cms/');
      if (!isApi && !isStudio && !isMockControl) return false;
      const started = performance.now();
      if (!hostAllowed(req.headers.host, hosts)) {
        refuse(res, 403, 'This Host name is not served here (DNS rebinding protection); add it to ALLOWED_HOSTS.');
        accessLog.log({ method: req.method ?? '-', path: url, status: 403, ms: 0, target: '-' });
        return true;
      }
      if (isStudio) {
        if (url.startsWith(`${JOURNAL_PREFIX}/`) || isScansPath(url)) journal.handle(req, res);
        else if (url === '/studio/connection' && req.method === 'GET') {
          res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
          res.end(JSON.stringify(connection()));
        } else refuse(res, 404, 'Not found.');
        return true;
      }
      if (isMockControl) {
        if (!sameOrigin(req.headers, req.method ?? 'GET')) refuse(res, 403, 'Requests from other sites are refused.');
        else void handleWithMsw(mockHandlers!, req, res, `http://${req.headers.host}`);
        return true;
      }
      void api(req, res, started);
      return true;
    },
    async close() {
      await Promise.all([...[...upstreams.values()].map((u) => u.close()), journal.close()]);
    },
  };
}
