import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { JOURNAL_FILE, type JournalConfig } from '../config';
import { openDriver } from '../open-store';
import type { SqlDriver } from '../sql-driver';
import { startPostgres, type PostgresServer } from './postgres-server';

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  /** a new, empty database of this kind */
  fresh(): Promise<JournalConfig>;
}

/** Both stores for `describe.each`: a SQLite file in a temp folder, and a database on a real PostgreSQL the file starts. */
export function bothStores(): StoreKind[] {
  let server: PostgresServer | undefined;
  const dirs: string[] = [];
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return [
    {
      name: 'sqlite',
      fresh: async () => {
        const dataDir = mkdtempSync(join(tmpdir(), 'studio-journal-'));
        dirs.push(dataDir);
        return { kind: 'sqlite', dataDir, file: join(dataDir, JOURNAL_FILE) };
      },
    },
    {
      name: 'postgres',
      fresh: async () => {
        if (!server) throw new Error('the test PostgreSQL server did not start');
        return { kind: 'postgres', url: await server.createDatabase() };
      },
    },
  ];
}

/** Opens a driver and closes it (and releases the SQLite file) when `work` ends. */
export async function withDriver<T>(config: JournalConfig, work: (driver: SqlDriver) => Promise<T>): Promise<T> {
  const { driver, release } = openDriver(config);
  try {
    return await work(driver);
  } finally {
    await driver.close();
    release();
  }
}
