import { maskParams } from './mask';

export interface AccessEntry {
  method: string;
  path: string;
  status: number;
  ms: number;
  target: string;
}

let second = -1;
let secondPrefix = '';
/** The ISO time of now; the date and time up to the second are formatted once a second. */
function now(): string {
  const ms = Date.now();
  const at = Math.floor(ms / 1000);
  if (at !== second) {
    second = at;
    secondPrefix = new Date(at * 1000).toISOString().slice(0, 20);
  }
  return `${secondPrefix}${String(ms % 1000).padStart(3, '0')}Z`;
}

/** How long a line may wait, and how much may wait, before the log is written (nginx: access_log buffer= flush=). */
export interface AccessLogBuffer {
  flushMs: number;
  flushBytes: number;
}

/**
 * One line per request: method, path (secrets masked), status, duration, target; headers are
 * never logged. Lines are buffered like nginx's `access_log … buffer= flush=`: one write per
 * 100 ms or 32 kB instead of one per request, so logging never becomes the proxy's bottleneck.
 */
export function createAccessLog(
  write: (text: string) => void = (t) => process.stdout.write(t),
  buffer: AccessLogBuffer = { flushMs: 100, flushBytes: 32 * 1024 },
) {
  let pending: string[] = [];
  let pendingBytes = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    pendingBytes = 0;
    write(text);
  };
  return {
    log(entry: AccessEntry) {
      const line = `${now()} ${entry.method} ${maskParams(entry.path)} ${entry.status} ${entry.ms.toFixed(1)}ms ${entry.target}\n`;
      pending.push(line);
      pendingBytes += line.length;
      if (pendingBytes >= buffer.flushBytes) flush();
      else timer ??= setTimeout(flush, buffer.flushMs);
    },
    flush,
  };
}

export type AccessLog = ReturnType<typeof createAccessLog>;
