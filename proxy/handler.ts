import type { IncomingMessage, ServerResponse } from 'node:http';
import { createCmsHandlers } from '../src/mocks/cms/handlers';
import { createMockCms, type MockCms } from '../src/mocks/cms/mock-cms';
import { handleWithMsw } from '../src/mocks/cms/server';
import { REQUESTED_BY } from '../src/api/wire/requested-by';
import type { AccessLog } from './access-log';
import type { ProxyConfig, Target } from './config';
import { JOURNAL_PREFIX } from '../src/api/wire/journal-contract';
import { createJournalService, isScansPath } from './journal/service';
import { allowedHostSet, checkApiTarget, FORWARDED_METHODS, hostAllowed, sameOrigin } from './guards';
import { RequestRefused, sendProblem, sendRefusal } from './problem';
import { API_SECURITY_HEADER_LIST, API_SECURITY_HEADERS, setSecurityHeaders } from './security-headers';
import { ClientLeft, hasBody, readBody } from './request-body';
import { createCmsUpstream, type CmsUpstream, UpstreamError } from './upstream';

export { MAX_BODY_BYTES } from './request-body';
const TARGET_HEADER = 'x-cms-target';

export interface StudioHandler {
  /** true when the request was an API, studio or mock-control request and has been answered */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  readonly mock?: MockCms;
  /** where the change journal lives, once it is open; rejects when it cannot open */
  readonly journalReady: Promise<string>;
  close(): Promise<void>;
}

function connectionInfo(targets: Target[] | null) {
  if (!targets) return { mode: 'mock' as const, credentials: 'server' as const };
  const first = targets[0]!;
  return {
    mode: 'cms' as const,
    target: first.url,
    ...(first.credentials ? { user: first.credentials.user } : {}),
    credentials: first.credentials ? ('server' as const) : ('form' as const),
    ...(first.insecureTls ? { insecureTls: true } : {}),
    targets: targets.map((t) => ({
      name: t.name,
      url: t.url,
      credentials: t.credentials ? 'server' : 'form',
      ...(t.credentials ? { user: t.credentials.user } : {}),
      ...(t.insecureTls ? { insecureTls: true } : {}),
    })),
  };
}

/**
 * Forward, authenticate, guard, log: everything `npm start` and `npm run dev` do besides static
 * files. Every answer it writes carries the security headers; the forwarded ones pass them to
 * writeHead in one object (setHeader first would take Node's slower header path).
 */
export function createStudioHandler(config: ProxyConfig, accessLog: AccessLog): StudioHandler {
  const hosts = allowedHostSet(config.host, config.port, config.allowedHosts);
  const mock = config.targets === null ? createMockCms({ credentials: null, seed: 'lab' }) : undefined;
  const mockHandlers = mock ? createCmsHandlers(mock) : undefined;
  const upstreams = new Map<string, CmsUpstream>((config.targets ?? []).map((t) => [t.name, createCmsUpstream(t, config)]));
  const defaultTarget = config.targets?.[0];
  const journal = createJournalService({ config: config.journal, targets: config.targets, timeoutMs: config.timeoutMs, requestedBy: REQUESTED_BY, accessLog });
  const serverAuthorization = new Map(
    (config.targets ?? []).flatMap((t) =>
      t.credentials ? [[t.name, `Basic ${Buffer.from(`${t.credentials.user}:${t.credentials.password}`).toString('base64')}`] as const] : [],
    ),
  );
  const connection = JSON.stringify(connectionInfo(config.targets));

  const pickTarget = (req: IncomingMessage): Target | undefined => {
    const wanted = req.headers[TARGET_HEADER];
    if (wanted === undefined || config.targets === null) return defaultTarget;
    const target = config.targets.find((t) => t.name === wanted);
    if (!target) throw new RequestRefused(400, `Unknown CMS target "${String(wanted)}"; the proxy forwards only to configured targets.`);
    return target;
  };

  const forward = async (req: IncomingMessage, res: ServerResponse, method: string, path: string): Promise<{ status: number; target: string }> => {
    if (!FORWARDED_METHODS.has(method)) throw new RequestRefused(405, `Method ${method} is not forwarded.`);
    if (!sameOrigin(req.headers, method)) throw new RequestRefused(403, 'Requests from other sites are refused.');
    const target = pickTarget(req);
    const targetName = mock ? 'mock' : (target?.name ?? '-');
    const serverCredentials = mock !== undefined || target?.credentials !== undefined;
    if (serverCredentials && req.headers['x-requested-by'] !== REQUESTED_BY) {
      throw new RequestRefused(403, `API calls must carry X-Requested-By: ${REQUESTED_BY}.`);
    }
    const received = hasBody(req) ? await readBody(req, config.clientBodyTimeoutMs) : undefined;
    const body = method === 'POST' || method === 'PUT' ? received : undefined;
    if (mock && mockHandlers) {
      setSecurityHeaders(res, API_SECURITY_HEADERS);
      const handled = await handleWithMsw(mockHandlers, req, res, `http://${req.headers.host}`, body ?? Buffer.alloc(0));
      if (!handled) throw new RequestRefused(404, 'Not found.');
      return { status: res.statusCode, target: targetName };
    }
    const headers: Record<string, string> = { accept: 'text/xml' };
    const type = req.headers['content-type'];
    if (type) headers['content-type'] = type;
    if (body) headers['content-length'] = String(body.length);
    const authorization = serverAuthorization.get(target!.name) ?? req.headers.authorization;
    if (authorization) headers.authorization = authorization;
    const status = await upstreams.get(target!.name)!.forward({ method, path, headers, ...(body ? { body } : {}) }, res);
    return { status, target: targetName };
  };

  const api = async (req: IncomingMessage, res: ServerResponse, started: number) => {
    const method = req.method ?? 'GET';
    let target = mock ? 'mock' : (defaultTarget?.name ?? '-');
    let status = 0;
    let path = req.url ?? '/';
    try {
      const checked = checkApiTarget(path);
      if (!checked.ok) throw new RequestRefused(checked.status, checked.reason);
      path = checked.path;
      ({ status, target } = await forward(req, res, method, path));
    } catch (error) {
      if (error instanceof RequestRefused) {
        status = error.status;
        sendRefusal(res, error);
      } else if (error instanceof UpstreamError) {
        status = error.status;
        sendProblem(res, error.status, error.kind, error.message);
      } else if (error instanceof ClientLeft) {
        status = error.status;
      } else {
        status = 500;
        sendProblem(res, 500, 'proxy-failed', 'The proxy failed on this request.');
        console.error(`proxy failure on ${method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
    } finally {
      accessLog.log({ method, path, status, ms: performance.now() - started, target });
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
        sendRefusal(res, new RequestRefused(403, 'This Host name is not served here (DNS rebinding protection); add it to ALLOWED_HOSTS.'));
        accessLog.log({ method: req.method ?? '-', path: url, status: 403, ms: 0, target: '-' });
        return true;
      }
      if (isStudio) {
        if (url.startsWith(`${JOURNAL_PREFIX}/`) || isScansPath(url)) journal.handle(req, res);
        else if (url === '/studio/connection' && req.method === 'GET') {
          res.writeHead(200, [...API_SECURITY_HEADER_LIST, 'Content-Type', 'application/json', 'Cache-Control', 'no-store']);
          res.end(connection);
        } else sendRefusal(res, new RequestRefused(404, 'Not found.'));
        return true;
      }
      if (isMockControl) {
        setSecurityHeaders(res, API_SECURITY_HEADERS);
        if (!sameOrigin(req.headers, req.method ?? 'GET')) sendRefusal(res, new RequestRefused(403, 'Requests from other sites are refused.'));
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
