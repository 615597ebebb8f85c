import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { Pool, type Dispatcher } from 'undici';
import type { ProxyLimits, Target } from './config';
import { answerHeaders } from './response-headers';
import { describeUpstreamError, tooLarge, UpstreamError } from './upstream-errors';

export { UpstreamError } from './upstream-errors';

export interface ForwardRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** Logged when the browser left before CMS answered, as nginx does. */
export const CLIENT_GONE = 499;

class ClientGone extends Error {}

function redirect(status: number, location: string | undefined, target: Target): UpstreamError {
  let to = '';
  try {
    if (location) to = ` to ${new URL(location, `${target.url}/`).origin}`;
  } catch {
    // an unreadable Location says nothing more
  }
  return new UpstreamError(
    502,
    'cms-redirect',
    `CMS at ${target.url} answered with a redirect (HTTP ${status}${to}), which the proxy never follows. ` +
      'Check the scheme, host and port of CMS_URL: the CMS API answers there directly.',
  );
}

const collectors = new WeakMap<ServerResponse, AnswerCollector>();

// Module-level listeners: one function for every request instead of closures made per request.
function onClientClose(this: ServerResponse): void {
  collectors.get(this)?.stop(new ClientGone());
}

function onDeadline(collector: AnswerCollector): void {
  collector.stop(new UpstreamError(504, 'cms-deadline', `CMS at ${collector.target.url} did not complete its answer within ${collector.limits.deadlineMs / 1000} s (CMS_DEADLINE_MS).`));
}

/**
 * One forwarded request, as an undici dispatch handler: collects CMS's answer (bounded by
 * CMS_MAX_ANSWER_BYTES and CMS_DEADLINE_MS) and writes it to the browser once complete. When the
 * browser goes away, or a limit is hit, it aborts the CMS request, which frees its pool connection.
 */
class AnswerCollector implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private stopped: Error | undefined;
  private settled = false;
  private status = 0;
  private headers: IncomingHttpHeaders = {};
  private chunks: Buffer[] = [];
  private size = 0;
  private readonly deadline: NodeJS.Timeout;

  constructor(
    readonly target: Target,
    readonly limits: ProxyLimits,
    private readonly res: ServerResponse,
    private readonly resolve: (status: number) => void,
    private readonly reject: (error: UpstreamError) => void,
  ) {
    collectors.set(res, this);
    res.on('close', onClientClose);
    this.deadline = setTimeout(onDeadline, limits.deadlineMs, this);
  }

  stop(reason: Error): void {
    if (this.settled) return;
    this.stopped ??= reason;
    // Still queued for a pool connection: answer now; the request is aborted when it starts.
    if (this.controller === undefined) this.fail(reason);
    else this.controller.abort(reason);
  }

  private settle(): void {
    this.settled = true;
    clearTimeout(this.deadline);
    this.res.removeListener('close', onClientClose);
    collectors.delete(this.res);
  }

  private fail(error: Error): void {
    if (this.settled) return;
    this.settle();
    if (this.stopped instanceof ClientGone || this.res.destroyed) this.resolve(CLIENT_GONE);
    else this.reject(describeUpstreamError(this.stopped ?? error, this.target, this.limits));
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.stopped) controller.abort(this.stopped);
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    // 1xx (103 Early Hints and the like) are interim: the real answer follows.
    if (statusCode < 200) return;
    if (statusCode >= 300 && statusCode < 400) {
      const location = headers.location;
      this.stop(redirect(statusCode, typeof location === 'string' ? location : undefined, this.target));
      return;
    }
    const declared = Number(headers['content-length']);
    if (declared > this.limits.maxAnswerBytes) {
      this.stop(tooLarge(this.target, this.limits, declared));
      return;
    }
    this.status = statusCode;
    this.headers = headers;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.size += chunk.length;
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.settled) return;
    this.settle();
    const res = this.res;
    if (res.destroyed) {
      this.resolve(CLIENT_GONE);
      return;
    }
    const body = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.size);
    res.writeHead(this.status, answerHeaders(this.headers, this.target.url, body.length));
    res.end(body);
    this.resolve(this.status);
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.fail(error);
  }
}

/**
 * Reads the whole CMS answer before the browser sees any of it. CMS answers are small XML
 * documents the SPA only uses whole, so this costs nothing, and it means every failure, whenever
 * it happens, reaches the browser as a 502 or 504 with a reason instead of a cut-off answer; and
 * no CMS stream ever waits on a slow or vanished browser.
 */
export function createCmsUpstream(target: Target, limits: ProxyLimits) {
  const pool = new Pool(target.url, {
    connections: 256,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    headersTimeout: limits.timeoutMs,
    bodyTimeout: limits.timeoutMs,
    maxResponseSize: limits.maxAnswerBytes,
    connect: {
      rejectUnauthorized: !target.insecureTls,
      ...(target.ca ? { ca: target.ca } : {}),
      timeout: Math.min(limits.timeoutMs, 10_000),
    },
  });

  /** Resolves the status sent to the browser (499 when it left first); rejects with an UpstreamError before anything is sent. */
  function forward(request: ForwardRequest, res: ServerResponse): Promise<number> {
    return new Promise((resolve, reject) => {
      const collector = new AnswerCollector(target, limits, res, resolve, reject);
      const options = { method: request.method as Dispatcher.HttpMethod, path: request.path, headers: request.headers, body: request.body ?? null };
      pool.dispatch(options, collector);
    });
  }

  return { target, forward, close: () => pool.close() };
}

export type CmsUpstream = ReturnType<typeof createCmsUpstream>;
