import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface SpawnedMock {
  url: string;
  caFile?: string;
  output: () => string;
  stop(): Promise<void>;
}

const root = join(import.meta.dirname, '../../../..');

/** Starts `npm run mock-cms` as its own process (the standalone adapter, over real HTTP). */
export async function spawnMockCms(args: string[] = [], env: Record<string, string> = {}): Promise<SpawnedMock> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/mocks/cms/cli.ts'), '--port', '0', ...args],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mock CMS did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /mock CMS listening on (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`mock CMS exited with ${code}:\n${out}`));
    });
  });
  const ca = /CA certificate[^:]*: (\S+)/.exec(out)?.[1];
  return {
    url,
    ...(ca ? { caFile: ca } : {}),
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
