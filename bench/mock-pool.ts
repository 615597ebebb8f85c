import { spawnMockCms, type SpawnedMock } from '../src/mocks/cms/testing/spawn-mock';

/** What the standalone mock accepts unless MOCK_CMS_USER / MOCK_CMS_PASSWORD say otherwise. */
export const MOCK_CREDENTIALS = { user: 'admin', password: 'admin' } as const;

/** How many spaces the large mock holds. */
export const LARGE_MOCK_SPACES = 20_000;

/** 20,000 spaces served ten at a time, as a real CMS does: the scale the listing benchmarks use. */
export const LARGE_MOCK_ARGS: readonly string[] = ['--seed', `large:${LARGE_MOCK_SPACES}`, '--page-limit', '10'];

export interface MockPool {
  get(args: readonly string[]): Promise<SpawnedMock>;
  stopAll(): Promise<void>;
}

/** Starts each distinct mock configuration once, on first use, and stops them all together. */
export function createMockPool(): MockPool {
  const started = new Map<string, Promise<SpawnedMock>>();
  // The mock must not inherit a credentials override meant for something else.
  const env = { MOCK_CMS_USER: MOCK_CREDENTIALS.user, MOCK_CMS_PASSWORD: MOCK_CREDENTIALS.password };
  return {
    get(args) {
      const key = JSON.stringify(args);
      let mock = started.get(key);
      if (mock === undefined) {
        mock = spawnMockCms([...args], env);
        started.set(key, mock);
      }
      return mock;
    },
    async stopAll() {
      const mocks = [...started.values()];
      started.clear();
      await Promise.all(
        mocks.map(async (pending) => {
          // One that failed to start has nothing to stop.
          const mock = await pending.catch(() => undefined);
          await mock?.stop();
        }),
      );
    },
  };
}
