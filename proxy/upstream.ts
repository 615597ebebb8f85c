import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { Pool } from 'undici';
import type { Target } from './config';

export interface ForwardRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** What went wrong between the proxy and CMS, said so that the reader knows the fix. */
export class UpstreamError extends Error {
  constructor(
    readonly status: 502 | 504,
    message: string,
  ) {
    super(message);
  }
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-authenticate']);
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ALTNAME|EPROTO/i;

function describe(error: Error & { code?: string; cause?: unknown }, target: Target, timeoutMs: number): UpstreamError {
  const code = error.code ?? (error.cause as { code?: string } | undefined)?.code ?? '';
  if (/TIMEOUT/i.test(code)) {
    return new UpstreamError(504, `CMS at ${target.url} did not answer within ${Math.round(timeoutMs / 1000)} s (${code}).`);
  }
  if (TLS_CODES.test(code) || TLS_CODES.test(error.message)) {
    return new UpstreamError(
      502,
      `The TLS certificate of CMS at ${target.url} is not trusted (${code || error.message}). ` +
        'Set CMS_CA_FILE to the PEM of the CA that signed it (or the self-signed certificate itself).',
    );
  }
  return new UpstreamError(502, `Could not reach CMS at ${target.url} (${code || error.message}). Check CMS_URL and that CMS is up.`);
}

function responseHeaders(status: number, headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    // The browser must never see a Basic challenge, or it would ask and cache credentials itself.
    if (status === 401 && name === 'www-authenticate') continue;
    out[name] = value;
  }
  return out;
}

/**
 * Streams CMS answers straight into the client response through undici's lowest-level dispatch:
 * no intermediate streams or buffers, which is where most Node proxies spend their time.
 */
export function createCmsUpstream(target: Target, timeoutMs: number) {
  const pool = new Pool(target.url, {
    connections: 256,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: {
      rejectUnauthorized: !target.insecureTls,
      ...(target.ca ? { ca: target.ca } : {}),
      timeout: Math.min(timeoutMs, 10_000),
    },
  });

  function forward(request: ForwardRequest, res: ServerResponse): Promise<number> {
    return new Promise((resolve, reject) => {
      let status = 0;
      pool.dispatch(
        {
          method: request.method as 'GET',
          path: request.path,
          headers: request.headers,
          body: request.body ?? null,
        },
        {
          onRequestStart() {},
          onResponseStart(controller, statusCode, headers) {
            status = statusCode;
            res.writeHead(statusCode, responseHeaders(statusCode, headers));
            res.on('drain', () => controller.resume());
          },
          onResponseData(controller, chunk) {
            if (!res.write(chunk)) controller.pause();
          },
          onResponseEnd() {
            res.end();
            resolve(status);
          },
          onResponseError(_controller, error) {
            if (status !== 0) {
              res.destroy(error);
              resolve(status);
              return;
            }
            reject(describe(error, target, timeoutMs));
          },
        },
      );
    });
  }

  return { target, forward, close: () => pool.close() };
}

export type CmsUpstream = ReturnType<typeof createCmsUpstream>;
