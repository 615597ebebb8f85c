import { spawnTsx } from './spawn-tsx';

export interface SpawnedMock {
  url: string;
  caFile?: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `npm run mock-cms` as its own process (the standalone adapter, over real HTTP). */
export async function spawnMockCms(args: string[] = [], env: Record<string, string> = {}): Promise<SpawnedMock> {
  const script = await spawnTsx(
    'src/mocks/cms/cli.ts',
    ['--port', '0', ...args],
    { ...process.env, ...env },
    /mock CMS listening on (\S+)/,
    'mock CMS',
  );
  const ca = /CA certificate[^:]*: (\S+)/.exec(script.output())?.[1];
  return { url: script.ready, ...(ca ? { caFile: ca } : {}), output: script.output, stop: script.stop };
}
