import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTsx } from '../mocks/cms/testing/spawn-tsx';

export interface SpawnedStudio {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Memory-backed when the machine has it: the journal syncs every commit, and a test matrix need not wait for a disk. */
function scratchRoot(inMemory: boolean): string {
  return inMemory && existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

/**
 * `npm start`'s server (built-in mock CMS, journal in a new temp folder) as its own process, for
 * tests of the SPA against the real journal. `journalInMemory` puts that folder on tmpfs (same
 * SQLite file, same syncs, no disk to wait for).
 */
export async function spawnStudio(options: { journalInMemory?: boolean } = {}): Promise<SpawnedStudio> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(scratchRoot(options.journalInMemory ?? false), 'studio-data-'));
  const env: NodeJS.ProcessEnv = { ...process.env, STUDIO_SKIP_BUILD: '1', HOST: '127.0.0.1', PORT: String(port), STUDIO_DATA_DIR: dataDir };
  for (const name of ['CMS_URL', 'CMS_USER', 'CMS_PASSWORD', 'CMS_TARGETS', 'DATABASE_URL']) delete env[name];
  const script = await spawnTsx('proxy/main.ts', [], env, /listening on (\S+)/, 'studio');
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await script.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
