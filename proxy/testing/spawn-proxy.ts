import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface SpawnedProxy {
  url: string;
  port: number;
  output: () => string;
  stop(): Promise<void>;
}

const root = join(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts `npm start`'s proxy as its own process, without rebuilding the SPA. */
export async function spawnProxy(env: Record<string, string>): Promise<SpawnedProxy> {
  const port = await freePort();
  const clean = { ...process.env };
  for (const name of ['CMS_URL', 'CMS_USER', 'CMS_PASSWORD', 'CMS_CA_FILE', 'CMS_INSECURE_TLS', 'CMS_TARGETS']) delete clean[name];
  const child: ChildProcess = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'proxy/main.ts')], {
    cwd: root,
    env: { ...clean, STUDIO_SKIP_BUILD: '1', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`proxy did not start:\n${out}`)), 30_000);
    child.stdout?.on('data', () => {
      if (out.includes('listening on ')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`proxy exited with ${code}:\n${out}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
