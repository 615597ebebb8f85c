import type { IncomingMessage } from 'node:http';
import { bodyReadEnded, bodyReadStarted } from './front-door';
import { RequestRefused } from './problem';

export const MAX_BODY_BYTES = 1024 * 1024;

/** The connection closed before the request was complete: the browser left (499), or Node cut it off (400, 408). */
export class ClientLeft extends Error {
  constructor(readonly status: number) {
    super('The connection closed before the request body was complete.');
  }
}

const tooLarge = () => new RequestRefused(413, 'Request bodies over 1 MiB are refused.', true);

/** Most calls are GETs without a body: for those there is nothing to wait for, not even a tick. */
export function hasBody(req: IncomingMessage): boolean {
  const declared = req.headers['content-length'];
  return (declared !== undefined && declared !== '0') || req.headers['transfer-encoding'] !== undefined;
}

/**
 * Reads a request body of at most 1 MiB. Past the limit it stops reading at once (the answer is a
 * 413 that closes the connection, so the rest is never read), and a body that stalls for
 * `idleTimeoutMs` between two pieces gets a 408, like nginx's client_body_timeout.
 */
export function readBody(req: IncomingMessage, idleTimeoutMs: number): Promise<Buffer | undefined> {
  if (!hasBody(req)) return Promise.resolve(undefined);
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  const socket = req.socket;
  bodyReadStarted(socket);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const idle = setTimeout(() => {
      finish();
      reject(new RequestRefused(408, `The request body stalled: nothing arrived for ${idleTimeoutMs / 1000} s (CLIENT_BODY_TIMEOUT_MS).`, true));
    }, idleTimeoutMs);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        finish();
        reject(tooLarge());
        return;
      }
      idle.refresh();
      chunks.push(chunk);
    };
    const onEnd = () => {
      finish();
      resolve(size === 0 ? undefined : Buffer.concat(chunks, size));
    };
    // An error on the request stream is the client's connection failing (reset, bad chunked framing).
    const onClose = () => {
      reject(new ClientLeft(finish() ?? 499));
    };
    function finish(): number | undefined {
      clearTimeout(idle);
      req.pause();
      req.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onClose);
      return bodyReadEnded(socket);
    }
    req.on('data', onData).on('end', onEnd).on('close', onClose).on('error', onClose);
  });
}
