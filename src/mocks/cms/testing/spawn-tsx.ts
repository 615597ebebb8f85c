import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '../../../..');

export interface SpawnedScript {
  /** the first capture group of `ready` in the script's output */
  ready: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Runs a TypeScript entry point with tsx as its own process and waits until it prints `ready`. */
export async function spawnTsx(
  entry: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  label: string,
  /** false: drop output once started, so a benchmark's access log does not pile up in this process */
  keepOutput = true,
): Promise<SpawnedScript> {
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, entry), ...args], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let started = false;
  const collect = (d: Buffer) => {
    if (keepOutput || !started) out += d.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const match = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} did not start within 2 minutes:\n${out}`)), 120_000);
    child.stdout?.on('data', () => {
      const m = ready.exec(out);
      if (m) {
        started = true;
        clearTimeout(timer);
        resolve(m[1] ?? m[0]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited with ${code}:\n${out}`));
    });
  });
  return {
    ready: match,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
