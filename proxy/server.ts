import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AccessLog } from './access-log';
import type { ProxyConfig } from './config';
import { checkRequestShape, createClientErrorHandler } from './front-door';
import { createStudioHandler, type StudioHandler } from './handler';
import { sendRefusal } from './problem';
import { setSecurityHeaders } from './security-headers';

export interface StudioServer {
  server: Server;
  studio: StudioHandler;
}

/**
 * The server of `npm start`: every answer carries the security headers (the studio handler
 * writes its own, static files get them here), requests with two Host
 * headers are refused, and slow clients are cut off the way nginx does (client_header_timeout,
 * client_body_timeout): Node's headersTimeout/requestTimeout, and the body reader's idle timer.
 */
export function createStudioServer(
  config: ProxyConfig,
  accessLog: AccessLog,
  serveStatic: (req: IncomingMessage, res: ServerResponse) => void,
): StudioServer {
  const studio = createStudioHandler(config, accessLog);
  const server = createServer(
    {
      headersTimeout: config.clientHeaderTimeoutMs,
      requestTimeout: config.clientRequestTimeoutMs,
      // Node checks those timeouts on this interval (30 s by default, far coarser than they are).
      connectionsCheckingInterval: Math.max(10, Math.min(1000, config.clientHeaderTimeoutMs / 4)),
    },
    (req, res) => {
      const refused = checkRequestShape(req);
      if (refused) {
        sendRefusal(res, refused);
        accessLog.log({ method: req.method ?? '-', path: req.url ?? '/', status: refused.status, ms: 0, target: '-' });
        return;
      }
      if (studio.handle(req, res)) return;
      setSecurityHeaders(res);
      // sirv lists dist/ once; a file removed by a later build would otherwise crash the server.
      res.once('pipe', (source) => source.once('error', () => res.destroy()));
      serveStatic(req, res);
    },
  );
  server.keepAliveTimeout = 65_000;
  server.on('clientError', createClientErrorHandler(accessLog));
  return { server, studio };
}
