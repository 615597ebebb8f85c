import { createServer } from 'node:net';
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

/** Starts `npm start`'s proxy as its own process, without rebuilding the SPA. */
export async function spawnProxy(env: Record<string, string>, keepOutput = true): Promise<SpawnedProxy> {
  const port = await freePort();
  const clean = { ...process.env };
  for (const name of ['CMS_URL', 'CMS_USER', 'CMS_PASSWORD', 'CMS_CA_FILE', 'CMS_INSECURE_TLS', 'CMS_TARGETS']) delete clean[name];
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
