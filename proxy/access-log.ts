import { maskParams } from './mask';

export interface AccessEntry {
  method: string;
  path: string;
  status: number;
  ms: number;
  target: string;
}

/**
 * One line per request: method, path (secrets masked), status, duration, target. Lines are
 * batched per tick so logging never becomes the proxy's bottleneck; headers are never logged.
 */
let stampedAt = 0;
let stamp = '';
/** The ISO time of now, formatted once per millisecond however many lines share it. */
function now(): string {
  const ms = Date.now();
  if (ms !== stampedAt) {
    stampedAt = ms;
    stamp = new Date(ms).toISOString();
  }
  return stamp;
}

export function createAccessLog(write: (text: string) => void = (t) => process.stdout.write(t)) {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    write(text);
  };
  return {
    log(entry: AccessEntry) {
      pending.push(
        `${now()} ${entry.method} ${maskParams(entry.path)} ${entry.status} ${entry.ms.toFixed(1)}ms ${entry.target}\n`,
      );
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

export type AccessLog = ReturnType<typeof createAccessLog>;
