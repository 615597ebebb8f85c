import { mkdtempSync } from 'node:fs';
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

/** `npm start`'s server (built-in mock CMS, journal in a new temp folder) as its own process, for tests of the SPA against the real journal. */
export async function spawnStudio(): Promise<SpawnedStudio> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, STUDIO_SKIP_BUILD: '1', HOST: '127.0.0.1', PORT: String(port), STUDIO_DATA_DIR: mkdtempSync(join(tmpdir(), 'studio-data-')) };
  for (const name of ['CMS_URL', 'CMS_USER', 'CMS_PASSWORD', 'CMS_TARGETS', 'DATABASE_URL']) delete env[name];
  const script = await spawnTsx('proxy/main.ts', [], env, /listening on (\S+)/, 'studio');
  return { url: `http://127.0.0.1:${port}`, stop: script.stop };
}
