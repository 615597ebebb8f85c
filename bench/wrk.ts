import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';

export interface WrkResult {
  requestsPerSecond: number;
  p50Us: number;
  p99Us: number;
  errors: number;
}

const WRK = '/usr/bin/wrk';

/** wrk is Debian's load generator (C, epoll): it leaves the CPU to what is measured, unlike a Node client. */
export function ensureWrk(): string | undefined {
  if (existsSync(WRK)) return WRK;
  if (process.getuid?.() !== 0) return undefined;
  spawnSync('sh', ['-c', 'apt-get install -y wrk || (apt-get update && apt-get install -y wrk)'], { stdio: 'ignore' });
  return existsSync(WRK) ? WRK : undefined;
}

function toMicros(text: string): number {
  const m = /^([\d.]+)(us|ms|s)$/.exec(text.trim());
  if (!m) return Number.NaN;
  const value = Number(m[1]);
  return m[2] === 'us' ? value : m[2] === 'ms' ? value * 1000 : value * 1_000_000;
}

export function parseWrk(output: string): WrkResult {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output)?.[1];
  const p50 = /^\s+50%\s+(\S+)/m.exec(output)?.[1];
  const p99 = /^\s+99%\s+(\S+)/m.exec(output)?.[1];
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0;
  if (!rps || !p50 || !p99) throw new Error(`could not read wrk output:\n${output}`);
  return { requestsPerSecond: Number(rps), p50Us: toMicros(p50), p99Us: toMicros(p99), errors: non2xx + socketErrors };
}

/** Asynchronous, so an upstream living in this process keeps answering while wrk runs. */
export async function runWrk(
  wrk: string,
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string>,
): Promise<WrkResult> {
  const args = ['-t', '1', '-c', String(connections), '-d', `${seconds}s`, '--latency'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  const { stdout } = await promisify(execFile)(wrk, [...args, url], { encoding: 'utf8' });
  return parseWrk(stdout);
}
