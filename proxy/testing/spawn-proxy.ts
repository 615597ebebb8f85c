import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTsx } from '../../src/mocks/cms/testing/spawn-tsx';

export interface SpawnedProxy {
  url: string;
  port: number;
  output: () => string;
  stop(): Promise<void>;
}

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

/** Starts `npm start`'s proxy as its own process, without rebuilding the SPA; its journal goes to a new temp folder unless `env` names one. */
export async function spawnProxy(env: Record<string, string>, keepOutput = true): Promise<SpawnedProxy> {
  const port = await freePort();
  const clean = { ...process.env };
  for (const name of ['CMS_URL', 'CMS_USER', 'CMS_PASSWORD', 'CMS_CA_FILE', 'CMS_INSECURE_TLS', 'CMS_TARGETS', 'DATABASE_URL']) delete clean[name];
  clean.STUDIO_DATA_DIR = mkdtempSync(join(tmpdir(), 'studio-data-'));
  const script = await spawnTsx(
    'proxy/main.ts',
    [],
    { ...clean, STUDIO_SKIP_BUILD: '1', HOST: '127.0.0.1', PORT: String(port), ...env },
    /listening on (\S+)/,
    'proxy',
    keepOutput,
  );
  return { url: `http://127.0.0.1:${port}`, port, output: script.output, stop: script.stop };
}
