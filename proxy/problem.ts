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
