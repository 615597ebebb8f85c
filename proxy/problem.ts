import type { ServerResponse } from 'node:http';
import { API_SECURITY_HEADER_LIST } from './security-headers';
import { PROXY_PROBLEM_HEADER, PROXY_PROBLEM_TYPE, proxyProblem, type ProxyProblemKind } from '../src/api/wire/proxy-problem';

/** A request the proxy answers itself; `close` ends the connection after the answer (a body it will not read). */
export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly close = false,
  ) {
    super(message);
  }
}

/**
 * Answers with an RFC 9457 problem document and the header that marks it as the proxy's own, so
 * the SPA can show the reason and tell "CMS is unreachable" from anything CMS said.
 */
export function sendProblem(
  res: ServerResponse,
  status: number,
  kind: ProxyProblemKind,
  detail: string,
  extra: Record<string, string> = {},
  /** false: the answer is written but the response left open, for the caller to end */
  end = true,
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify(proxyProblem(kind, status, detail));
  res.writeHead(status, [
    ...API_SECURITY_HEADER_LIST,
    'Content-Type',
    PROXY_PROBLEM_TYPE,
    'Content-Length',
    String(Buffer.byteLength(body)),
    'Cache-Control',
    'no-store',
    PROXY_PROBLEM_HEADER,
    kind,
    ...Object.entries(extra).flat(),
  ]);
  if (end) res.end(body);
  else res.write(body);
}

/** After a 413, what is still read (and dropped) so the client gets to read the answer: nginx's lingering close, bounded. */
const LINGER = { ms: 2000, bytes: 2 * 1024 * 1024 };

/** Answers a refused request; one refused with `close` ends its connection (after a 413, lingering briefly). */
export function sendRefusal(res: ServerResponse, error: RequestRefused): void {
  const extra: Record<string, string> = error.status === 405 ? { Allow: 'GET, POST, PUT, DELETE' } : {};
  if (error.close) extra.Connection = 'close';
  if (error.status !== 413 || !error.close) {
    // With Connection: close, Node closes the connection once the answer is out; nothing more is read.
    sendProblem(res, error.status, 'refused', error.message, extra);
    return;
  }
  // A client still sending its body would get a reset instead of the 413 if the connection closed
  // at once; so the answer goes out now and the body is dropped for a moment (at most LINGER)
  // before the connection closes, never read to its end.
  sendProblem(res, error.status, 'refused', error.message, extra, false);
  const req = res.req;
  let dropped = 0;
  const close = () => {
    clearTimeout(timer);
    req.off('data', onData).off('end', close);
    res.end();
  };
  const onData = (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER.bytes) close();
  };
  const timer = setTimeout(close, LINGER.ms);
  req.on('data', onData).once('end', close);
  req.resume();
}
