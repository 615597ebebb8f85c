import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AccessLog } from './access-log';
import { RequestRefused } from './problem';
import { SECURITY_HEADER_LINES } from './security-headers';

/**
 * Two Host headers let a server and a proxy in front of it disagree about which site a request is
 * for (the first wins here, maybe the last there); such a request is refused before anything else.
 */
export function checkRequestShape(req: IncomingMessage): RequestRefused | undefined {
  // Node keeps only the first Host in req.headers; the raw list still has every one.
  const raw = req.rawHeaders;
  let hosts = 0;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 4 && name.toLowerCase() === 'host') hosts++;
  }
  return hosts > 1 ? new RequestRefused(400, 'The request has more than one Host header.', true) : undefined;
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 413: 'Content Too Large', 431: 'Request Header Fields Too Large' };

function statusFor(code: string | undefined): number {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return 413;
  return 400;
}

/** Sockets whose request body the API handler is reading: a client error there is the handler's to log. */
const readingBody = new WeakSet<Duplex>();
const interruptedWith = new WeakMap<Duplex, number>();

export function bodyReadStarted(socket: Duplex): void {
  readingBody.add(socket);
}

/** Ends the body read; answers the status of the client error that cut it short, if one did. */
export function bodyReadEnded(socket: Duplex): number | undefined {
  readingBody.delete(socket);
  return interruptedWith.get(socket);
}

/**
 * What Node hands over when a request cannot be parsed or took too long to arrive: one access log
 * line (the parser's code, never a stack or the bytes sent) and a short answer, then the connection
 * is closed. A request whose body was being read logs its own line, with this status.
 */
export function createClientErrorHandler(accessLog: AccessLog) {
  return (error: Error & { code?: string }, socket: Duplex) => {
    const status = statusFor(error.code);
    if (readingBody.has(socket)) interruptedWith.set(socket, status);
    else {
      const what = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'request timed out' : `malformed request: ${error.code ?? 'unknown'}`;
      accessLog.log({ method: '-', path: `(${what})`, status, ms: 0, target: '-' });
    }
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const reason = REASONS[status] ?? 'Bad Request';
    const body = `${reason}\n`;
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n${SECURITY_HEADER_LINES}\r\n${body}`,
      () => socket.destroy(),
    );
  };
}
