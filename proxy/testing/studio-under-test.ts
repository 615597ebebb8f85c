import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type Socket } from 'node:net';
import sirv from 'sirv';
import { createAccessLog } from '../access-log';
import { loadConfig } from '../config';
import { createStudioServer } from '../server';
import { freePort } from './spawn-proxy';

export interface StudioUnderTest {
  url: string;
  port: number;
  /** the access log so far (flushed) */
  log(): string;
  /** the server side of a test client's connection, by the client's local port: how much it read, whether it is closed */
  serverSocketOf(clientPort: number): Socket | undefined;
  close(): Promise<void>;
}

function staticSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'studio-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>studio</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("app");');
  return dir;
}

/**
 * `npm start`'s server in this process, configured through the same environment variables, so a
 * test can give it small limits and read its access log without spawning anything.
 */
export async function startStudio(env: Record<string, string> = {}): Promise<StudioUnderTest> {
  const port = await freePort();
  // Each studio keeps its journal in a folder of its own: test files run side by side, and one SQLite file allows one owner.
  const dataDir = mkdtempSync(join(tmpdir(), 'studio-journal-'));
  const config = loadConfig({ HOST: '127.0.0.1', PORT: String(port), STUDIO_DATA_DIR: dataDir, ...env });
  let written = '';
  const accessLog = createAccessLog((text) => {
    written += text;
  });
  const { server, studio } = createStudioServer(config, accessLog, sirv(staticSite(), { single: true }));
  const sockets = new Map<number, Socket>();
  server.on('connection', (socket: Socket) => {
    if (socket.remotePort !== undefined) sockets.set(socket.remotePort, socket);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log: () => {
      accessLog.flush();
      return written;
    },
    serverSocketOf: (clientPort) => sockets.get(clientPort),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await studio.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RawExchange {
  /** everything the server sent before closing (or before `waitMs` ran out) */
  text: string;
  /** the server closed the connection */
  closed: boolean;
}

/** Sends bytes as written (duplicate headers, malformed lines) and collects the answer. */
export function rawExchange(port: number, request: string | Buffer, waitMs = 2000): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let text = '';
    let closed = false;
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closed });
    }, waitMs);
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      clearTimeout(timer);
      resolve({ text, closed });
    });
  });
}
